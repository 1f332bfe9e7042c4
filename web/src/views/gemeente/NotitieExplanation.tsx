import { expectedSentence, peerText, type ProfileIndicator } from '@gka/shared';
import { cohortLabel } from '../../components/controls/options.ts';

/**
 * The notitie's sentence per indicator on the pupil mix, and the vergelijkbare gemeenten that do
 * better: the figures the gemeente page shows, for the gesprek on paper.
 */
export function NotitieExplanation({ indicators }: { indicators: ProfileIndicator[] }) {
  const expected = indicators.filter((i) => i.expected && !i.expected.suppressed && i.expected.expected !== null);
  const peers = indicators.filter((i) => i.peers && i.peers.length > 0);
  if (expected.length === 0 && !indicators.some((i) => i.peers)) return null;
  return (
    <section className="notitie__verklaring" data-testid="notitie-verklaring">
      <h2>Verwacht gegeven de leerlingen</h2>
      {expected.length > 0 && (
        <ul>
          {expected.map((i) => (
            <li key={i.indicator.code}>
              <strong>{i.indicator.name}</strong> ({cohortLabel(i.cohort)}): {expectedSentence(i.expected!)}
            </li>
          ))}
        </ul>
      )}
      <h3>Vergelijkbare gemeenten die het beter doen</h3>
      {peers.length === 0 ? (
        <p>Op geen indicator doet een van de vergelijkbare gemeenten het significant beter.</p>
      ) : (
        <ul data-testid="notitie-peers">
          {peers.map((i) => (
            <li key={i.indicator.code}>
              <strong>{i.indicator.name}</strong>: {i.peers!.map(peerText).join(', ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
