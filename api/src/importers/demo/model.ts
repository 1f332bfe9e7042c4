import { normal, type Rng } from './prng.ts';

/**
 * The statistical model behind the demo data. Pupils are simulated one by one: background
 * (migratieachtergrond → opleiding ouders → inkomen ouders, geslacht) from the area's profile,
 * then each indicator from a logistic model on that background, the area and the school year.
 * Levels are chosen to resemble published national figures; they are not real data.
 */

/** The GKA-monitor indicators of migrations/0002 (the DUO ones are real data, not generated here). */
export const DEMO_INDICATORS = [
  'advies_havo_vwo',
  'heroverweging',
  'bijstelling',
  'opstroom_lj3',
  'afstroom_lj3',
  'zittenblijven',
  'stapelen_vo',
  'stapelen_mbo',
  'opleidingsmobiliteit',
] as const;
export type DemoIndicator = (typeof DEMO_INDICATORS)[number];

/**
 * The school year after groep 8 (1 = the brugklas) on whose 1 October count the first pupils of a
 * groep-8 year reach the indicator's stage, by the shortest route its definition allows: the advice
 * in groep 8 itself (0); leerjaar 3 (3), where a repeat of leerjaar 1 or 2 shows too; a vmbo-gt
 * diploma after four years, then havo (5); vmbo, a one-year mbo entree diploma, then a higher level
 * (6); a diploma above the parents' level, at the earliest vmbo-gt and a next school (5).
 */
export const OBSERVED_IN_YEAR: Record<DemoIndicator, number> = {
  advies_havo_vwo: 0,
  heroverweging: 0,
  bijstelling: 0,
  opstroom_lj3: 3,
  afstroom_lj3: 3,
  zittenblijven: 3,
  stapelen_vo: 5,
  stapelen_mbo: 6,
  opleidingsmobiliteit: 5,
};

/** The demo stands for a delivery whose latest count is that of 1 October of this year (school year 2026-2027). */
export const DEMO_LAST_COUNT = 2026;

/**
 * Whether the demo can have an indicator for a cohort: every groep-8 year it pools (the last ends in
 * `yearEnds.at(-1)`) has reached the indicator's stage by the last count. Stapelaars and
 * opleidingsmobiliteit of cohort 2022-2023 have not: those pupils are in leerjaar 3 or 4 now.
 */
export function measurable(indicator: DemoIndicator, cohort: { yearEnds: readonly number[] }): boolean {
  const lastGroep8 = Math.max(...cohort.yearEnds);
  return lastGroep8 + OBSERVED_IN_YEAR[indicator] - 1 <= DEMO_LAST_COUNT;
}

type Three = readonly [number, number, number];

type IndicatorModel = {
  /** Rate by opleiding ouders (laag, midden, hoog) around 2018, before the other effects. */
  rates: Three;
  /** Share of the cohort in the denominator (pupils with an advice, in vo leerjaar 3, with a diploma, ...). */
  coverage: number;
  /** How strongly income, migration, sex and the area's random effect push this indicator (sign = direction). */
  ses: number;
  /** Logit change per year since 2018 (the trend over cohorts). */
  trend: number;
  /** Logit change in the COVID school years ending in 2020 and 2021. */
  covid: number;
};

const INDICATOR_MODELS: Record<Exclude<DemoIndicator, 'bijstelling' | 'afstroom_lj3'>, IndicatorModel> = {
  advies_havo_vwo: { rates: [0.2, 0.38, 0.66], coverage: 0.98, ses: 1, trend: 0.015, covid: 0.06 },
  heroverweging: { rates: [0.12, 0.09, 0.065], coverage: 0.93, ses: -0.5, trend: 0, covid: 0 },
  opstroom_lj3: { rates: [0.09, 0.11, 0.13], coverage: 0.9, ses: 0.4, trend: 0.01, covid: 0.1 },
  zittenblijven: { rates: [0.08, 0.06, 0.05], coverage: 0.95, ses: -0.5, trend: -0.01, covid: -0.35 },
  stapelen_vo: { rates: [0.11, 0.15, 0.18], coverage: 0.45, ses: 0.4, trend: 0.01, covid: 0.15 },
  stapelen_mbo: { rates: [0.16, 0.2, 0.24], coverage: 0.4, ses: 0.3, trend: 0.01, covid: 0.1 },
  opleidingsmobiliteit: { rates: [0.65, 0.42, 0.13], coverage: 0.85, ses: 0.5, trend: 0.01, covid: 0 },
};
/** Afstroom shares the opstroom denominator; a pupil is either above, below or at the advised level. */
const AFSTROOM: IndicatorModel = { rates: [0.12, 0.09, 0.07], coverage: 0.9, ses: -0.4, trend: -0.01, covid: -0.15 };
/** Share of heroverwegingen that end in a raised advice, by opleiding ouders. */
const BIJSTELLING_GIVEN_HEROVERWEGING: Three = [0.42, 0.5, 0.58];
/** Since 2022 schools reconsider more (lower advices in the COVID years, then the doorstroomtoets). */
const HEROVERWEGING_FROM_2022 = 0.35;

/** Background effects on the logit, scaled by each indicator's `ses`. */
const INKOMEN_EFFECT: Three = [-0.35, 0, 0.3];
const MIGRATIE_EFFECT: Three = [0, -0.1, -0.05];
const MEISJE_EFFECT = 0.15;
/** Contextual effect of the area's share of children of highly educated parents. */
const CONTEXT_EFFECT = 0.5;

/** Pupil shares by background (the national defaults and the area's deviation from them). */
const NATIONAL_OPLEIDING: Three = [0.2, 0.4, 0.4];
const NATIONAL_INKOMEN: Three = [0.3, 0.4, 0.3];
const NATIONAL_MIGRATIE: Three = [0.72, 0.09, 0.19];
/** Residents' education and households' low income nationally (CBS KWB 2022), to turn area figures into pupil shares. */
const RESIDENTS_OPLEIDING: Three = [0.263, 0.417, 0.32];
const RESIDENTS_LAAG_INKOMEN = 0.39;
const MEISJE_SHARE = 0.49;
/** Pupils in groep 8 per inhabitant per year (≈ 1/15 of the 0-15 year olds). */
const GROEP8_PER_INWONER = 0.011;

/** Random-effect spreads (logit scale): gemeenten differ, wijken within a gemeente differ more. */
const SPREAD = {
  gemeente: { ses: 0.35, quality: 0.12 },
  wijk: { ses: 0.6, quality: 0.15 },
};

const logit = (p: number) => Math.log(p / (1 - p));
const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/** An area as the generator sees it. */
export type AreaProfile = {
  /** Cumulative logits of P(laag) and P(laag or midden) for opleiding and inkomen ouders. */
  opleiding: [number, number];
  inkomen: [number, number];
  migratie: Three;
  /** Stable random effect on the outcomes ("how the schools and the wijk do"). */
  quality: number;
  /** Expected groep-8 pupils per school year. */
  pupilsPerYear: number;
};

type Attributes = Record<string, unknown>;
const num = (a: Attributes, key: string): number | null => {
  const v = a[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

export const NATIONAL_PROFILE: AreaProfile = {
  opleiding: [logit(NATIONAL_OPLEIDING[0]), logit(NATIONAL_OPLEIDING[0] + NATIONAL_OPLEIDING[1])],
  inkomen: [logit(NATIONAL_INKOMEN[0]), logit(NATIONAL_INKOMEN[0] + NATIONAL_INKOMEN[1])],
  migratie: NATIONAL_MIGRATIE,
  quality: 0,
  pupilsPerYear: 0,
};

/**
 * The profile of a gemeente or wijk: its own KWB attributes where present (opl_laag/midden/hoog,
 * pct_hh_laag_inkomen, pct_herkomst_*, pct_0_15), else its parent's profile moved by a random
 * socio-economic shift, so wijken differ in composition even without attributes of their own.
 */
export function areaProfile(level: 'gemeente' | 'wijk', inwoners: number | null, attributes: Attributes, parent: AreaProfile, rng: Rng): AreaProfile {
  const spread = SPREAD[level];
  // Always draw in the same order, whichever attributes exist, so the stream stays aligned.
  const ses = normal(rng) * spread.ses;
  const migratieShift = normal(rng) * 0.4 - 0.8 * ses;
  const quality = parent.quality + normal(rng) * spread.quality;

  const [oplL, oplM, oplH] = [num(attributes, 'opl_laag'), num(attributes, 'opl_midden'), num(attributes, 'opl_hoog')];
  const oplTotal = (oplL ?? 0) + (oplM ?? 0) + (oplH ?? 0);
  const opleiding: [number, number] =
    oplL !== null && oplM !== null && oplH !== null && oplTotal > 0
      ? [
          logit(clamp(oplL / oplTotal)) + logit(NATIONAL_OPLEIDING[0]) - logit(RESIDENTS_OPLEIDING[0]),
          logit(clamp((oplL + oplM) / oplTotal)) +
            logit(NATIONAL_OPLEIDING[0] + NATIONAL_OPLEIDING[1]) -
            logit(RESIDENTS_OPLEIDING[0] + RESIDENTS_OPLEIDING[1]),
        ]
      : [parent.opleiding[0] - ses, parent.opleiding[1] - ses];

  const laagInkomen = num(attributes, 'pct_hh_laag_inkomen');
  const inkomen: [number, number] =
    laagInkomen !== null
      ? shiftBoth(NATIONAL_PROFILE.inkomen, logit(clamp(laagInkomen / 100)) - logit(RESIDENTS_LAAG_INKOMEN))
      : [parent.inkomen[0] - ses, parent.inkomen[1] - ses];

  const herkomst = [num(attributes, 'pct_herkomst_nl'), num(attributes, 'pct_herkomst_europa'), num(attributes, 'pct_herkomst_buiten_europa')];
  const herkomstTotal = herkomst.reduce<number>((s, v) => s + (v ?? 0), 0);
  const migratie: Three =
    herkomst.every((v) => v !== null) && herkomstTotal > 0
      ? (herkomst.map((v) => v! / herkomstTotal) as unknown as Three)
      : shiftMigratie(parent.migratie, migratieShift);

  const children = num(attributes, 'pct_0_15');
  const perInwoner = children !== null && children > 0 ? children / 100 / 15 : GROEP8_PER_INWONER;
  return { opleiding, inkomen, migratie, quality, pupilsPerYear: Math.max(0, inwoners ?? 0) * perInwoner };
}

const clamp = (p: number) => Math.min(0.98, Math.max(0.02, p));
const shiftBoth = (c: readonly [number, number], by: number): [number, number] => [c[0] + by, c[1] + by];

/** Moves the odds of a migration background (europa and buiten_europa alike) by exp(shift). */
function shiftMigratie(m: Three, shift: number): Three {
  const f = Math.exp(shift);
  const total = m[0] + (m[1] + m[2]) * f;
  return [m[0] / total, (m[1] * f) / total, (m[2] * f) / total];
}

/** Pupil types: migratie (3) × opleiding (3) × inkomen (3) × geslacht (2). */
export const PUPIL_TYPES = 54;
const pupilType = (migratie: number, opleiding: number, inkomen: number, meisje: number) => ((migratie * 3 + opleiding) * 3 + inkomen) * 2 + meisje;

/**
 * Draws pupils' backgrounds in an area; returns a pupil type. Parents with a migration background
 * more often have a low education level; parents with a low education level, a low income.
 */
export function pupilSampler(profile: AreaProfile): (rng: Rng) => number {
  const [m0, m1] = [profile.migratie[0], profile.migratie[0] + profile.migratie[1]];
  // Cumulative probabilities per conditioning group, computed once instead of per pupil.
  const cumulative = (cut: readonly [number, number], shift: number) => [logistic(cut[0] + shift), logistic(cut[1] + shift)] as const;
  const opleidingBy = [0, 0.2, 0.6].map((shift) => cumulative(profile.opleiding, shift));
  const inkomenBy = [0.8, 0, -0.8].map((shift) => cumulative(profile.inkomen, shift));
  const pick = (c: readonly [number, number], u: number) => (u < c[0] ? 0 : u < c[1] ? 1 : 2);
  return (rng) => {
    const u = rng();
    const migratie = u < m0 ? 0 : u < m1 ? 1 : 2;
    const opleiding = pick(opleidingBy[migratie]!, rng());
    const inkomen = pick(inkomenBy[opleiding]!, rng());
    return pupilType(migratie, opleiding, inkomen, rng() < MEISJE_SHARE ? 1 : 0);
  };
}

/** Outcome probabilities for one area and school year: [indicator slot][pupil type]. */
export type Outcomes = {
  advies: Float64Array;
  heroverweging: Float64Array;
  /** P(bijstelling | heroverweging). */
  bijstelling: Float64Array;
  opstroom: Float64Array;
  afstroom: Float64Array;
  zittenblijven: Float64Array;
  stapelenVo: Float64Array;
  stapelenMbo: Float64Array;
  mobiliteit: Float64Array;
};

export const COVERAGE = {
  advies: INDICATOR_MODELS.advies_havo_vwo.coverage,
  eindtoets: INDICATOR_MODELS.heroverweging.coverage,
  leerjaar3: INDICATOR_MODELS.opstroom_lj3.coverage,
  zittenblijven: INDICATOR_MODELS.zittenblijven.coverage,
  stapelenVo: INDICATOR_MODELS.stapelen_vo.coverage,
  stapelenMbo: INDICATOR_MODELS.stapelen_mbo.coverage,
  mobiliteit: INDICATOR_MODELS.opleidingsmobiliteit.coverage,
};

export function outcomes(profile: AreaProfile, yearEnd: number): Outcomes {
  // Context: how far the area's share of highly educated parents lies from the national one.
  const hoog = 1 - logistic(profile.opleiding[1]);
  const context = CONTEXT_EFFECT * (hoog - NATIONAL_OPLEIDING[2]);
  const covid = yearEnd === 2020 || yearEnd === 2021;
  const table = (m: IndicatorModel, extra = 0) => {
    const out = new Float64Array(PUPIL_TYPES);
    const base = (yearEnd - 2018) * m.trend + (covid ? m.covid : 0) + extra + m.ses * (profile.quality + context);
    for (let t = 0; t < PUPIL_TYPES; t++) {
      const meisje = t % 2;
      const inkomen = Math.floor(t / 2) % 3;
      const opleiding = Math.floor(t / 6) % 3;
      const migratie = Math.floor(t / 18);
      const background = m.ses * (INKOMEN_EFFECT[inkomen]! + MIGRATIE_EFFECT[migratie]! + (meisje ? MEISJE_EFFECT : -MEISJE_EFFECT));
      out[t] = logistic(logit(m.rates[opleiding]!) + base + background);
    }
    return out;
  };
  const bijstelling = new Float64Array(PUPIL_TYPES);
  for (let t = 0; t < PUPIL_TYPES; t++) bijstelling[t] = BIJSTELLING_GIVEN_HEROVERWEGING[Math.floor(t / 6) % 3]!;
  return {
    advies: table(INDICATOR_MODELS.advies_havo_vwo),
    heroverweging: table(INDICATOR_MODELS.heroverweging, yearEnd >= 2022 ? HEROVERWEGING_FROM_2022 : 0),
    bijstelling,
    opstroom: table(INDICATOR_MODELS.opstroom_lj3),
    afstroom: table(AFSTROOM),
    zittenblijven: table(INDICATOR_MODELS.zittenblijven),
    stapelenVo: table(INDICATOR_MODELS.stapelen_vo),
    stapelenMbo: table(INDICATOR_MODELS.stapelen_mbo),
    mobiliteit: table(INDICATOR_MODELS.opleidingsmobiliteit),
  };
}

/** Pupils of a school year: the expected number with Poisson-like noise. */
export function cohortSize(expected: number, rng: Rng): number {
  return Math.max(0, Math.round(expected + Math.sqrt(expected) * normal(rng)));
}
