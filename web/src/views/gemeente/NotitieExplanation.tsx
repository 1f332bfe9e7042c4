import { peerText, type ProfileIndicator } from '@gka/shared';

/**
 * The vergelijkbare gemeenten that do significantly better, a line per indicator where there are
 * any (the expected values stand in the key figures' table), so the notitie stays short.
 */
export function NotitieExplanation({ indicators }: { indicators: ProfileIndicator[] }) {
  const peers = indicators.flatMap((i) => (i.peers && i.peers.length > 0 ? [{ ...i, list: i.peers }] : []));
  if (!indicators.some((i) => i.peers)) return null;
  return (
    <section className="notitie__verklaring" data-testid="notitie-verklaring">
      <h2>Vergelijkbare gemeenten die het beter doen</h2>
      {peers.length === 0 ? (
        <p>Op geen indicator doet een van de tien vergelijkbare gemeenten het significant beter.</p>
      ) : (
        <ul data-testid="notitie-peers">
          {peers.map(({ indicator, list }) => (
            <li key={indicator.code}>
              <strong>{indicator.name}</strong>: {list.map(peerText).join(', ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
