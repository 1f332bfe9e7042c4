import { cohortPhrase, verdictOf, type Aandachtspunt, type Aandachtspunten, type ProfileIndicator } from '@gka/shared';

/** Smaller differences from Nederland are no aandachtspunt, however certain: 2 procentpunt. */
export const MIN_GAP = 0.02;
/** At most this many concerns, and this many strengths. */
export const MAX_POINTS = 3;

type Candidate = Aandachtspunt & { verdict: 'gunstig' | 'ongunstig' };

/**
 * One indicator as an aandachtspunt, or null (docs/methodology.md, "Aandachtspunten"):
 * 1. significant against Nederland, in the indicator's direction (a mean or a neutral indicator has none);
 * 2. at least MIN_GAP from Nederland;
 * 3. not explained by the pupil mix: where the figure has an expected value, it lies significantly
 *    beyond it on the same side as it lies from Nederland; without one it stands, marked untested.
 */
export function candidate(p: Pick<ProfileIndicator, 'indicator' | 'cohort' | 'value' | 'comparisons' | 'expected'>): Candidate | null {
  const nl = p.comparisons.find((c) => c.kind === 'nederland');
  if (!p.value || p.value.value === null || !nl || nl.difference === null || nl.benchmark === null) return null;
  const verdict = verdictOf(nl.significance, p.indicator.higherIsBetter);
  if (verdict !== 'gunstig' && verdict !== 'ongunstig') return null;
  // A whole 2 procentpunt counts, however the subtraction rounds (0.42 − 0.40 = 0.01999…).
  if (Math.abs(nl.difference) < MIN_GAP - 1e-9) return null;
  const e = p.expected && !p.expected.suppressed && p.expected.difference !== null ? p.expected : null;
  if (e && e.significance !== nl.significance) return null;
  return {
    indicator: p.indicator.code,
    name: p.indicator.name,
    unit: p.indicator.unit,
    cohort: cohortPhrase(p.cohort),
    value: p.value.value,
    benchmark: nl.benchmark,
    difference: nl.difference,
    expectedDifference: e?.difference ?? null,
    verdict,
  };
}

/** The concerns and strengths of a profile: each rule above, at most MAX_POINTS of each, largest difference first. */
export function aandachtspunten(indicators: readonly Parameters<typeof candidate>[0][]): Aandachtspunten {
  const all = indicators
    .flatMap((p) => candidate(p) ?? [])
    .sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference) || a.name.localeCompare(b.name, 'nl'));
  const pick = (v: Candidate['verdict']) =>
    all
      .filter((c) => c.verdict === v)
      .slice(0, MAX_POINTS)
      .map(({ verdict: _, ...point }) => point);
  return { zorgen: pick('ongunstig'), sterk: pick('gunstig') };
}
