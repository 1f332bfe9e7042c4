import {
  benchmarkInfo,
  CHANGE_RULE,
  COMPARISON_RULE,
  OVERVIEW_BENCHMARKS,
  groupKindLabel,
  similarGroupCode,
  similarGroupOf,
  disclosureSentence,
} from '@gka/shared';
import { overviewExportUrl, useAreas, useGroup, useGroups, useOverview } from '../../api/hooks.ts';
import { CheckboxList } from '../../components/controls/CheckboxList.tsx';
import { GemeenteSelect } from '../../components/controls/GemeenteSelect.tsx';
import { Select } from '../../components/controls/Select.tsx';
import { QueryState } from '../../components/status/Status.tsx';
import { usePageFigures } from '../../lib/banner.ts';
import { usePageTitle } from '../../lib/page.ts';
import { useSearchState } from '../../lib/searchState.ts';
import { against, Legend, OverviewHeatmaps } from './OverviewHeatmaps.tsx';

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Where a regiocoördinator starts: the gemeenten of a regio × the indicators, good and bad news at a glance. */
export function RegioView() {
  const { get, getList, set } = useSearchState();
  const groups = useGroups();
  const groupCode = get('groep');
  // 'vergelijkbaar-GM0855': Tilburg with its vergelijkbare gemeenten, whose members the user can change (leden= in the URL).
  // The choice itself, before a gemeente is picked, is the bare prefix: similarGroupCode('').
  const choosingSimilar = groupCode === similarGroupCode('');
  const similarTo = similarGroupOf(groupCode) || undefined;
  const similar = useGroup(similarTo ? groupCode : undefined);
  const gemeenten = useAreas('gemeente');
  const chosen = getList('leden');
  const members = similarTo ? (chosen.length ? chosen : (similar.data?.data.members ?? [])) : [];
  const areas = similarTo && members.length ? [similarTo, ...members.filter((m) => m !== similarTo)] : undefined;
  const benchmark = OVERVIEW_BENCHMARKS.find((b) => b === get('vergelijk') && !(similarTo && b === 'groep')) ?? 'nederland';
  const overview = useOverview({ group: similarTo ? undefined : groupCode, areas, benchmark });
  const group = similarTo ? similar.data?.data : groups.data?.data.find((g) => g.code === groupCode);
  usePageTitle(group && `Regio ${group.name}`);
  // Before a regio is chosen no figures are shown: then the boundaries decide.
  const showing = !!groupCode && !choosingSimilar;
  usePageFigures(!showing ? [] : overview.data?.indicators.map((i) => i.synthetic));
  const options = [
    ...(groups.data?.data ?? []).map((g) => ({ value: g.code, label: `${groupKindLabel(g.kind)}: ${g.name} (${g.members.length})` })),
    { value: similarGroupCode(similarTo ?? ''), label: 'Een gemeente met haar vergelijkbare gemeenten…' },
  ];
  const names = new Map((gemeenten.data?.data ?? []).map((g) => [g.code, g.name]));

  return (
    <div className="print-landscape">
      <h1>Regio-overzicht{group ? `: ${group.name}` : ''}</h1>
      <p className="lead">
        De gemeenten van een regio naast elkaar, op alle indicatoren: per cel de waarde en, tegen de gekozen vergelijking, gunstig, ongunstig of geen
        significant verschil (in kleur én in woorden). Neutrale indicatoren krijgen geen oordeel.
      </p>
      <form className="filters no-print" onSubmit={(e) => e.preventDefault()} aria-label="Keuze van regio en vergelijking">
        <Select
          label="Regio"
          value={groupCode}
          placeholder="Kies een regio"
          options={options}
          onChange={(v) => set({ groep: v, leden: undefined })}
          name="groep"
        />
        {(similarTo || choosingSimilar) && gemeenten.data && (
          <GemeenteSelect gemeenten={gemeenten.data.data} value={similarTo} onChange={(v) => set({ groep: similarGroupCode(v), leden: undefined })} />
        )}
        <Select
          label="Vergelijk met"
          value={benchmark}
          options={OVERVIEW_BENCHMARKS.filter((k) => !(similarTo && k === 'groep')).map((k) => ({
            value: k,
            label: k === 'groep' ? 'De regio zelf (samen)' : benchmarkInfo(k).label,
          }))}
          onChange={(v) => set({ vergelijk: v === 'nederland' ? undefined : v })}
          name="vergelijk"
        />
      </form>
      {similarTo && similar.data && (
        <form className="filters filters--stacked" onSubmit={(e) => e.preventDefault()} aria-label="Vergelijkbare gemeenten kiezen">
          <p className="hint">
            De tien gemeenten die het meest op {names.get(similarTo) ?? similarTo} lijken naar inwoners, adressendichtheid, herkomst en het aandeel jonge
            kinderen (CBS). Haal er gemeenten af of voeg er toe; de keuze staat in de link.
          </p>
          <CheckboxList
            legend="Vergelijkbare gemeenten"
            options={[...new Set([...similar.data.data.members, ...members])].map((c) => ({ value: c, label: names.get(c) ?? c }))}
            selected={members}
            onChange={(codes) => set({ leden: sameList(codes, similar.data.data.members) ? undefined : codes.length ? codes : undefined })}
            name="leden"
          />
          {gemeenten.data && (
            <GemeenteSelect
              gemeenten={gemeenten.data.data.filter((g) => g.code !== similarTo && !members.includes(g.code))}
              value=""
              label="Gemeente toevoegen"
              name="toevoegen"
              onChange={(v) => {
                if (v) set({ leden: [...members, v] });
              }}
            />
          )}
        </form>
      )}
      {!groupCode || choosingSimilar ? (
        <p className="status status--empty">Kies een regio: een COROP-gebied, een provincie, de GKA-gemeenten of een eigen indeling.</p>
      ) : (
        <QueryState query={overview} what="het regio-overzicht" isEmpty={(d) => d.rows.length === 0} empty="Deze regio heeft geen gemeenten met cijfers.">
          {(d) => (
            <>
              <div className="regio-bar">
                <Legend />
                <p className="actions no-print">
                  <a className="button" href={overviewExportUrl('csv', { group: groupCode, areas, benchmark })} download data-testid="overview-csv">
                    Download CSV
                  </a>{' '}
                  <a className="button" href={overviewExportUrl('xlsx', { group: groupCode, areas, benchmark })} download data-testid="overview-xlsx">
                    Download Excel (XLSX)
                  </a>{' '}
                  <button type="button" onClick={() => window.print()}>
                    Afdrukken
                  </button>
                </p>
              </div>
              <OverviewHeatmaps overview={d} groupName={group?.name ?? 'Regio'} />
              <p className="hint">
                Vergeleken met {against(d)}; {COMPARISON_RULE}. COVID (cohort): het eerste cohort dat COVID raakte t.o.v. de cohorten vóór COVID samen;{' '}
                {CHANGE_RULE}. {disclosureSentence(d.minCell)}
              </p>
            </>
          )}
        </QueryState>
      )}
    </div>
  );
}
