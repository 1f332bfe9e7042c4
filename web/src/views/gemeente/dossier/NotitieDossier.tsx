import type { Dossier, ProfileIndicator } from '@gka/shared';
import { formatDate, overdue } from './dossierRows.ts';

/**
 * The private part of the gespreksnotitie: the duiding per indicator, the open afspraken and the
 * interventies, from the dossier. Shown only on the notitie with `?dossier=1` to whoever may open it.
 */
export function NotitieDossier({ dossier, indicators }: { dossier: Dossier; indicators: ProfileIndicator[] }) {
  const names = new Map(indicators.map((i) => [i.indicator.code, i.indicator.name]));
  const open = dossier.afspraken.filter((a) => a.status === 'open');
  return (
    <section className="notitie__dossier" data-testid="notitie-dossier" aria-labelledby="notitie-dossier-kop">
      <h2 id="notitie-dossier-kop">Uit het dossier (vertrouwelijk)</h2>
      <h3>Duiding</h3>
      {dossier.duidingen.length ? (
        <ul>
          {dossier.duidingen.map((d) => (
            <li key={d.id}>
              <strong>{names.get(d.indicator) ?? d.indicator}</strong>: {d.tekst}
            </li>
          ))}
        </ul>
      ) : (
        <p>Nog geen duiding.</p>
      )}
      <h3>Open afspraken</h3>
      {open.length ? (
        <ul>
          {open.map((a) => (
            <li key={a.id}>
              {a.wat} ({a.wie}, uiterlijk {formatDate(a.deadline)}){overdue(a) && <strong> te laat</strong>}
            </li>
          ))}
        </ul>
      ) : (
        <p>Geen open afspraken.</p>
      )}
      <h3>Interventies</h3>
      {dossier.interventies.length ? (
        <ul>
          {dossier.interventies.map((i) => (
            <li key={i.id}>
              {i.naam}, vanaf {formatDate(i.start)}
              {i.eind ? ` tot ${formatDate(i.eind)}` : ''}
              {i.indicatoren.length ? ` (op ${i.indicatoren.map((c) => names.get(c) ?? c).join(', ')})` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>Nog geen interventies.</p>
      )}
    </section>
  );
}
