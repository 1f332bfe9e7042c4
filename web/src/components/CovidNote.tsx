import type { IndicatorCohort } from '@gka/shared';

/**
 * What COVID did to the shown cohorts of one indicator, in the words of its notes (one per
 * indicator × cohort, from the API). Nothing where COVID played no role.
 */
export function CovidNote({ cohorts }: { cohorts: IndicatorCohort[] }) {
  const touched = cohorts.filter((c) => c.covid && c.note);
  const [only] = touched;
  if (!only) return null;
  return (
    <aside className="covid-note" data-testid="covid-note">
      {touched.length === 1 ? (
        <p>
          <strong>{only.label} en COVID:</strong> {only.note}
        </p>
      ) : (
        <>
          <p>
            <strong>COVID raakte deze cijfers:</strong>
          </p>
          <ul>
            {touched.map((c) => (
              <li key={c.code}>
                <strong>{c.label}:</strong> {c.note}
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
