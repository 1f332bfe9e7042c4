import { DIMENSION_LABELS, GROUP_LABELS, PROFILE_BREAKDOWNS, formatDecimal, formatPercent, type ProfileIndicator } from '@gka/shared';
import { formatDifference, formatValue } from '../../lib/format.ts';

/** The kansenkloof as the API gives it: a number, null (hidden or missing), or none for an indicator defined by the breakdown. */
function kloofText({ kansenkloof, indicator }: ProfileIndicator): string {
  if (kansenkloof === undefined)
    return `niet van toepassing${indicator.definedBy ? ` (de indicator is zelf naar ${DIMENSION_LABELS[indicator.definedBy].toLowerCase()} gedefinieerd)` : ''}`;
  return kansenkloof === null ? 'niet te berekenen (afgeschermd of geen gegevens)' : formatDifference(kansenkloof, indicator.unit);
}

/** Values by parents' education and income as a table with inline bars, and the kansenkloof. */
export function Breakdown({ profile }: { profile: ProfileIndicator }) {
  const unit = profile.indicator.unit;
  const all = profile.breakdown.flatMap((b) => b.values.map((v) => v.value ?? 0));
  const max = Math.max(unit === 'percentage' ? 1 : 0, ...all);
  return (
    <div className="breakdown" data-testid="breakdown">
      <p className="kloof">
        <strong>Kansenkloof</strong> (kinderen van hoog- minus laagopgeleide ouders): {kloofText(profile)}
      </p>
      <div className="breakdown__tables">
        {PROFILE_BREAKDOWNS.map((d) => {
          const values = profile.breakdown.find((b) => b.dimension === d)?.values ?? [];
          return (
            <table key={d} className="data-table bars">
              <caption>
                {profile.indicator.name} naar {DIMENSION_LABELS[d].toLowerCase()}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Groep</th>
                  <th scope="col" className="num">
                    Waarde
                  </th>
                  <th scope="col" aria-hidden="true" className="bar-col" />
                </tr>
              </thead>
              <tbody>
                {values.length === 0 && (
                  <tr>
                    <td colSpan={3}>Geen gegevens</td>
                  </tr>
                )}
                {values.map((v) => (
                  <tr key={v.group}>
                    <th scope="row">{GROUP_LABELS[v.group] ?? v.group}</th>
                    <td className="num">{formatValue(v, unit)}</td>
                    <td aria-hidden="true" className="bar-col">
                      {v.value !== null && <span className="bar" style={{ width: `${(100 * v.value) / (max || 1)}%` }} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          );
        })}
      </div>
      {unit === 'gemiddelde' && <p className="hint">Waarden zijn gemiddelden ({formatDecimal(max)} is de hoogste).</p>}
      {unit === 'percentage' && <p className="hint">De balken lopen van 0% tot {formatPercent(max)}.</p>}
    </div>
  );
}
