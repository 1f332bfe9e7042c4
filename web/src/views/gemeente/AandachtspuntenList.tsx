import { aandachtspuntSentence, type Aandachtspunten } from '@gka/shared';

/**
 * At most three concerns and three strengths, as the API chose them by the rules of
 * docs/methodology.md ("Aandachtspunten"): significant against Nederland, sizeable, not explained by
 * the pupil mix. The rules are summed up in the hint, so a reader knows why a figure is listed.
 */
export function AandachtspuntenList({ points }: { points: Aandachtspunten }) {
  const none = points.zorgen.length === 0 && points.sterk.length === 0;
  return (
    <section className="aandachtspunten" aria-labelledby="aandachtspunten-kop" data-testid="aandachtspunten">
      <h2 id="aandachtspunten-kop">Aandachtspunten</h2>
      <p className="hint">
        Significant anders dan Nederland, minstens 2 procentpunt, en niet verklaard door de leerlingen (waar dat te toetsen is: verder van wat hun opleiding van
        de ouders deed verwachten). Hoogstens drie van elk, het grootste verschil eerst.
      </p>
      {none ? (
        <p>Geen indicator voldoet aan deze regels: geen uitschieters naar boven of naar beneden.</p>
      ) : (
        <div className="aandachtspunten__lists">
          {(
            [
              ['zorgen', 'Zorgen', 'ongunstig'],
              ['sterk', 'Sterke punten', 'gunstig'],
            ] as const
          ).map(([key, title, verdict]) => (
            <div key={key}>
              <h3>{title}</h3>
              {points[key].length === 0 ? (
                <p>Geen.</p>
              ) : (
                <ul data-testid={`aandachtspunten-${key}`}>
                  {points[key].map((p) => (
                    <li key={p.indicator}>
                      <span className={`verdict verdict--${verdict}`}>{aandachtspuntSentence(p)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
