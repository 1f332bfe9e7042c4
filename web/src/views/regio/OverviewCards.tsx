import { memo, useState } from 'react';
import { Link } from 'react-router';
import type { Overview, OverviewRow } from '@gka/shared';
import { ProvenanceMark } from '../../components/ProvenanceMark.tsx';
import { CellDetails } from './CellDetails.tsx';
import { CellFace } from './CellFace.tsx';
import { byProvenance, cardSections, type CardLine, type Column } from './cells.ts';

/** One figure of a card in a line: name, value and verdict; tapped open, its details (made only then: a provincie has a thousand lines). */
function Line({ line, overview, marked }: { line: CardLine; overview: Overview; marked: boolean }) {
  const { cell, indicator } = line;
  const [open, setOpen] = useState(false);
  return (
    <li className={`regio-card__line heat heat--${cell.verdict}`} data-verdict={cell.verdict}>
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <span className="regio-card__row">
            <span className="regio-card__name">
              {indicator.name}
              {marked && (
                <>
                  {' '}
                  <ProvenanceMark indicator={indicator} />
                </>
              )}
            </span>
            <span className="regio-card__face">
              <CellFace cell={cell} indicator={indicator} />
            </span>
          </span>
        </summary>
        {open && <CellDetails cell={cell} indicator={indicator} overview={overview} withCohort />}
      </details>
    </li>
  );
}

/** A gemeente: its unfavourable and favourable figures first, each marked; the rest under their mark, real or synthetic. */
function Card({ row, columns, overview }: { row: OverviewRow; columns: Column[]; overview: Overview }) {
  const s = cardSections(row, columns);
  const first = [...s.ongunstig, ...s.gunstig];
  return (
    <li className="regio-card">
      <h2>{row.area.startsWith('GM') ? <Link to={`/gemeente/${row.area}`}>{row.name}</Link> : row.name}</h2>
      <p className="regio-card__count">
        {s.ongunstig.length} ongunstig, {s.gunstig.length} gunstig
      </p>
      {first.length > 0 && (
        <ul className="regio-card__lines">
          {first.map((l) => (
            <Line key={l.indicator.code} line={l} overview={overview} marked />
          ))}
        </ul>
      )}
      {byProvenance(s.overige).map((g) => (
        <section key={g.label} aria-label={`${row.name}: overige indicatoren, ${g.label}`}>
          <h3 className="regio-card__rest">
            Overige <ProvenanceMark indicator={g.lines[0]!.indicator} />
          </h3>
          <ul className="regio-card__lines">
            {g.lines.map((l) => (
              <Line key={l.indicator.code} line={l} overview={overview} marked={false} />
            ))}
          </ul>
        </section>
      ))}
    </li>
  );
}

/**
 * The overview on a phone: a card per gemeente (the regio together last) with every figure in a
 * line, its unfavourable and favourable ones first; a line tapped open gives its details.
 */
export const OverviewCards = memo(function OverviewCards({ overview, columns }: { overview: Overview; columns: Column[] }) {
  return (
    <ul className="regio-cards" data-testid="overview-cards" aria-label="Gemeenten van de regio">
      {[...overview.rows, overview.pooled].map((row) => (
        <Card key={row.area} row={row} columns={columns} overview={overview} />
      ))}
    </ul>
  );
});
