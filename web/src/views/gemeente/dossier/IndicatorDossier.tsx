import { Link } from 'react-router';
import { similarGroupCode, type Dossier } from '@gka/shared';
import { useAreas, useGroup } from '../../../api/hooks.ts';
import { useSharedInterventions } from '../../../api/werkruimte.ts';
import { duidingenOf, formatDate, interventiesOf } from './dossierRows.ts';

/**
 * Beside the chosen indicator, for whoever may open the dossier: its duiding, the gemeente's own
 * interventies aimed at it, and what the vergelijkbare gemeenten shared about the same indicator.
 */
export function IndicatorDossier({ gemeente, indicator, dossier }: { gemeente: string; indicator: { code: string; name: string }; dossier: Dossier }) {
  const duidingen = duidingenOf(dossier, indicator.code);
  const own = interventiesOf(dossier, indicator.code);
  const peers = useGroup(similarGroupCode(gemeente));
  const shared = useSharedInterventions(indicator.code, true);
  const areas = useAreas('gemeente');
  const names = new Map((areas.data?.data ?? []).map((a) => [a.code, a.name]));
  const members = new Set(peers.data?.data.members ?? []);
  const fromPeers = (shared.data?.data ?? []).filter((i) => members.has(i.gemeente) && i.gemeente !== gemeente);
  return (
    <aside className="indicator-dossier" aria-label={`Uit het dossier over ${indicator.name}`} data-testid="indicator-dossier">
      <h3>Duiding</h3>
      {duidingen.length ? (
        duidingen.map((d) => (
          <p key={d.id} className="dossier-item__text">
            {d.tekst}{' '}
            <span className="dossier-item__meta">
              ({d.bijgewerktDoor}, {formatDate(d.bijgewerktOp)})
            </span>
          </p>
        ))
      ) : (
        <p className="status status--empty">Nog geen duiding bij deze indicator (toe te voegen in het dossier hieronder).</p>
      )}
      {own.length > 0 && (
        <>
          <h3>Interventies op deze indicator</h3>
          <ul>
            {own.map((i) => (
              <li key={i.id}>
                {i.naam}, vanaf {formatDate(i.start)}
                {i.eind ? ` tot ${formatDate(i.eind)}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Wat doen vergelijkbare gemeenten?</h3>
      {shared.isPending || peers.isPending ? (
        <p className="status">Gedeelde interventies laden…</p>
      ) : fromPeers.length ? (
        <ul>
          {fromPeers.map((i) => (
            <li key={`${i.gemeente}-${i.id}`}>
              <Link to={`/gemeente/${i.gemeente}`}>{names.get(i.gemeente) ?? i.gemeente}</Link>: {i.naam} (vanaf {formatDate(i.start)})
              {i.beschrijving ? `. ${i.beschrijving}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p className="status status--empty">Geen van de vergelijkbare gemeenten deelt een interventie op deze indicator.</p>
      )}
    </aside>
  );
}
