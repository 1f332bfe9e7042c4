import { Link } from 'react-router';
import { expectedSentence, MIX_PHRASES, NO_PEERS_TEXT, peerText, verdictOf, type ProfileIndicator } from '@gka/shared';

/**
 * What explains the figure, as the API decided it: the figure against what the gemeente's pupils
 * would reach at Nederland's rates for their parents' education, and the vergelijkbare gemeenten
 * that do significantly better (names to call, each linked to its own page for this indicator).
 */
export function Explanation({ profile }: { profile: ProfileIndicator }) {
  const { expected, peers, indicator } = profile;
  return (
    <div className="explanation" data-testid="explanation">
      {expected ? (
        <p data-testid="expected">
          <span className={`verdict verdict--${expected.suppressed ? 'onbekend' : verdictOf(expected.significance, indicator.higherIsBetter)}`}>
            {expectedSentence(expected)}
          </span>
        </p>
      ) : (
        <p className="status status--empty" data-testid="expected">
          Geen verwachte waarde voor {indicator.name}: die bestaat voor een aandeel met cijfers naar {MIX_PHRASES.opleiding_ouders} dat daar niet zelf door
          bepaald wordt.
        </p>
      )}
      {peers && (
        <>
          <h3>Vergelijkbare gemeenten die het beter doen</h3>
          {peers.length === 0 ? (
            <p data-testid="peers">{NO_PEERS_TEXT}</p>
          ) : (
            <ul data-testid="peers">
              {peers.map((p) => (
                <li key={p.area}>
                  <Link to={`/gemeente/${p.area}?indicator=${indicator.code}`}>{peerText(p)}</Link>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
