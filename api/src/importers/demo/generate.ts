import { DIMENSIONS, type AreaLevel } from '@gka/shared';
import { DEMO_COHORTS, hadEindtoets, type DemoCohort } from './cohorts.ts';
import {
  areaProfile,
  cohortSize,
  COVERAGE,
  DEMO_INDICATORS,
  measurable,
  NATIONAL_PROFILE,
  outcomes,
  PUPIL_TYPES,
  pupilSampler,
  type AreaProfile,
  type DemoIndicator,
} from './model.ts';
import { rngFor, type Rng } from './prng.ts';

/** An area of any level; the demo makes values for gemeenten and wijken only (never schools). */
export type DemoArea = {
  code: string;
  level: AreaLevel;
  parentCode: string | null;
  inwoners: number | null;
  attributes: Record<string, unknown>;
};

/** Breakdown groups in the order of DIMENSIONS: totaal, opleiding (3), inkomen (3), migratie (3), geslacht (2). */
export const GROUPS: { dimension: string; grp: string }[] = Object.entries(DIMENSIONS).flatMap(([dimension, groups]) =>
  groups.map((grp) => ({ dimension, grp })),
);
const G = GROUPS.length;
const I = DEMO_INDICATORS.length;

/** Counts of one area: [cohort][indicator][group][numerator, denominator], flattened. */
export type AreaCounts = Int32Array;
export const countIndex = (cohort: number, indicator: number, group: number) => ((cohort * I + indicator) * G + group) * 2;

export type DemoData = { cohorts: DemoCohort[]; counts: Map<string, AreaCounts> };

/** The groups a pupil type counts in: totaal and one group of each dimension. */
const TYPE_GROUPS: number[][] = Array.from({ length: PUPIL_TYPES }, (_, t) => [
  0,
  1 + (Math.floor(t / 6) % 3),
  4 + (Math.floor(t / 2) % 3),
  7 + Math.floor(t / 18),
  10 + (t % 2),
]);

/**
 * Generates the demo counts for every given area (pure: same areas and seed, same counts).
 * Wijken and gemeenten without wijken are simulated pupil by pupil; a gemeente with wijken is the
 * sum of its wijken and NL01 the sum of the gemeenten, so every level adds up. Within each
 * dimension the groups sum to totaal, because every pupil counts once in each dimension.
 */
export function generateDemo(areas: DemoArea[], seed: number): DemoData {
  const cohorts = DEMO_COHORTS;
  const size = cohorts.length * I * G * 2;
  const gemeenten = areas.filter((a) => a.level === 'gemeente');
  const wijkenOf = new Map<string, DemoArea[]>();
  for (const a of areas) {
    if (a.level !== 'wijk' || !a.parentCode) continue;
    const list = wijkenOf.get(a.parentCode) ?? [];
    list.push(a);
    wijkenOf.set(a.parentCode, list);
  }

  const counts = new Map<string, AreaCounts>();
  const national = new Int32Array(size);
  for (const gemeente of gemeenten) {
    const profile = areaProfile('gemeente', gemeente.inwoners, gemeente.attributes, NATIONAL_PROFILE, rngFor(seed, `${gemeente.code}:profiel`));
    const wijken = wijkenOf.get(gemeente.code) ?? [];
    const total = new Int32Array(size);
    if (wijken.length === 0) {
      simulate(profile, cohorts, rngFor(seed, `${gemeente.code}:leerlingen`), total);
    } else {
      // Wijken without a population figure share the gemeente's only when none of them has one.
      const anyKnown = wijken.some((w) => w.inwoners !== null);
      const fallback = anyKnown ? 0 : (gemeente.inwoners ?? 0) / wijken.length;
      for (const wijk of wijken) {
        const wijkProfile = areaProfile('wijk', wijk.inwoners ?? fallback, wijk.attributes, profile, rngFor(seed, `${wijk.code}:profiel`));
        const own = new Int32Array(size);
        simulate(wijkProfile, cohorts, rngFor(seed, `${wijk.code}:leerlingen`), own);
        counts.set(wijk.code, own);
        add(total, own);
      }
    }
    counts.set(gemeente.code, total);
    add(national, total);
  }
  for (const a of areas) if (a.level === 'land') counts.set(a.code, national);
  return { cohorts, counts };
}

function add(into: Int32Array, from: Int32Array) {
  for (let i = 0; i < into.length; i++) into[i]! += from[i]!;
}

/** Simulates the pupils of one area for every cohort and adds them to `out`. */
function simulate(profile: AreaProfile, cohorts: DemoCohort[], rng: Rng, out: Int32Array) {
  const drawPupil = pupilSampler(profile);
  cohorts.forEach((cohort, c) => {
    const count = (indicator: number, type: number, success: boolean) => {
      const base = countIndex(c, indicator, 0);
      for (const g of TYPE_GROUPS[type]!) {
        out[base + g * 2 + 1]! += 1;
        if (success) out[base + g * 2]! += 1;
      }
    };
    for (const yearEnd of cohort.yearEnds) {
      const p = outcomes(profile, yearEnd);
      const eindtoets = hadEindtoets(yearEnd);
      const pupils = cohortSize(profile.pupilsPerYear, rng);
      for (let n = 0; n < pupils; n++) {
        const t = drawPupil(rng);
        if (rng() < COVERAGE.advies) count(0, t, rng() < p.advies[t]!);
        // No eindtoets in 2020: these pupils are left out of heroverweging and bijstelling altogether.
        if (eindtoets && rng() < COVERAGE.eindtoets) {
          const heroverwogen = rng() < p.heroverweging[t]!;
          count(1, t, heroverwogen);
          count(2, t, heroverwogen && rng() < p.bijstelling[t]!);
        }
        if (rng() < COVERAGE.leerjaar3) {
          const u = rng();
          count(3, t, u < p.opstroom[t]!);
          count(4, t, u >= p.opstroom[t]! && u < p.opstroom[t]! + p.afstroom[t]!);
        }
        if (rng() < COVERAGE.zittenblijven) count(5, t, rng() < p.zittenblijven[t]!);
        if (rng() < COVERAGE.stapelenVo) count(6, t, rng() < p.stapelenVo[t]!);
        if (rng() < COVERAGE.stapelenMbo) count(7, t, rng() < p.stapelenMbo[t]!);
        if (rng() < COVERAGE.mobiliteit) count(8, t, rng() < p.mobiliteit[t]!);
      }
    }
  });
}

export type DemoRow = { indicator: string; cohort: string; dimension: string; grp: string; area: string; numerator: number; denominator: number };

/** How many rows demoRows gives: every area and group of each indicator × cohort it can have. */
export function demoRowCount(data: DemoData, only: readonly DemoIndicator[] = DEMO_INDICATORS): number {
  const pairs = only.reduce((n, indicator) => n + data.cohorts.filter((c) => measurable(indicator, c)).length, 0);
  return data.counts.size * pairs * GROUPS.length;
}

/** Byte order, as Postgres sorts these ASCII codes; independent of the machine's locale. */
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every measure row, in primary-key order of `measure` (indicator, cohort, dimension, area, group),
 * so the heap lies in the order `values` reads it and the key's sort finds it sorted. A cohort an
 * indicator cannot have yet (`measurable`) has no rows: not zero, not there. Its pupils are still
 * simulated, so the other figures stay as they are.
 */
export function* demoRows(data: DemoData, only: readonly DemoIndicator[] = DEMO_INDICATORS): Generator<DemoRow> {
  const codes = [...data.counts.keys()].sort();
  const indicators = DEMO_INDICATORS.map((code, i) => ({ code, i }))
    .filter((ind) => only.includes(ind.code))
    .sort((a, b) => byCode(a.code, b.code));
  const cohorts = data.cohorts.map((c, i) => ({ code: c.code, i, cohort: c })).sort((a, b) => byCode(a.code, b.code));
  const dimensions = [...new Set(GROUPS.map((g) => g.dimension))].sort();
  const groupsOf = dimensions.map((d) =>
    GROUPS.map((g, i) => ({ ...g, i }))
      .filter((g) => g.dimension === d)
      .sort((a, b) => byCode(a.grp, b.grp)),
  );
  for (const ind of indicators) {
    for (const coh of cohorts) {
      if (!measurable(ind.code, coh.cohort)) continue;
      for (const groups of groupsOf) {
        for (const area of codes) {
          const counts = data.counts.get(area)!;
          for (const g of groups) {
            const k = countIndex(coh.i, ind.i, g.i);
            yield { indicator: ind.code, cohort: coh.code, dimension: g.dimension, grp: g.grp, area, numerator: counts[k]!, denominator: counts[k + 1]! };
          }
        }
      }
    }
  }
}
