import { z } from 'zod';
import { AreaCode, AreaLevel, DataLevel, Dimension, GEMEENTE_CODE, UNITS, ValueNote } from './domain.ts';

// Validation messages in Dutch, in the API's error bodies and in the web app alike.
z.config(z.locales.nl());

/**
 * The REST API v1 contract (docs/architecture.md): query parameters and response bodies. The api validates and
 * serialises with these schemas; the web client parses with the same ones.
 */

const code = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9_-]+$/i, 'alleen letters, cijfers, - en _');

/** A comma-separated list in one parameter (`areas=GM0363,GM0518`), each item checked by `item`. */
const commaList = (item: z.ZodString, maxItems: number, maxLength: number) =>
  z
    .string()
    .max(maxLength)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1).max(maxItems));

/** The most gemeenten one `parent` names; more are a group (GET /groups). */
export const MAX_PARENTS = 50;

/**
 * `parent`: where a table's areas lie. One area code (a gemeente for its wijken or schools), several
 * gemeenten comma-separated (`GM0363,GM0344`, at most MAX_PARENTS), or one group of gemeenten from
 * GET /groups (`corop-34`): the wijken or schools of its gemeenten, at level gemeente those gemeenten.
 */
export const ParentParam = z
  .string()
  .max(1000)
  .transform((s, ctx): { group: string } | { areas: string[] } => {
    const codes = [
      ...new Set(
        s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      ),
    ];
    const fail = (message: string) => {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    const [first] = codes;
    if (first === undefined) return fail('Geef een gebiedscode, gemeentecodes (GM0363,GM0344) of een groep (corop-34)');
    if (codes.length === 1 && !AreaCode.safeParse(first).success) {
      return code.safeParse(first).success ? { group: first } : fail(`'${first}' is geen gebiedscode en geen groepscode (zoals corop-34)`);
    }
    if (codes.length > MAX_PARENTS)
      return fail(`Hoogstens ${MAX_PARENTS} gemeenten tegelijk, dit zijn er ${codes.length}; kies voor meer een groep (GET /api/v1/groups)`);
    const other = codes.filter((c) => codes.length > 1 && !GEMEENTE_CODE.test(c));
    if (other.length) return fail(`Meerdere gebieden kunnen alleen gemeenten zijn (zoals GM0363,GM0344), niet ${other.join(', ')}`);
    return { areas: codes };
  });
export type ParentParam = z.output<typeof ParentParam>;

/** What the DUO address lists say of a school (level `school`). */
export const SchoolInfo = z.object({
  brin: z.string(),
  /** BRIN vestiging: `00AP00`. */
  vestiging: z.string(),
  sector: z.enum(['po', 'vo']),
  /** Bo or Sbo (po), or the onderwijsstructuur (vo: `HAVO/VWO`, `VBO/MAVO`, …). */
  soort: z.string().nullable(),
  denominatie: z.string().nullable(),
  adres: z.string().nullable(),
  postcode: z.string().nullable(),
  plaats: z.string().nullable(),
  /** No longer in the address list that covers it; null where no list covers it (sbo). */
  gesloten: z.boolean().nullable(),
});
export type SchoolInfo = z.infer<typeof SchoolInfo>;

export const Area = z.object({
  code: z.string(),
  name: z.string(),
  level: AreaLevel,
  parent: z.string().nullable(),
  stedelijkheid: z.number().int().min(1).max(5).nullable(),
  inwoners: z.number().int().nullable(),
  provincie: z.string().nullable(),
  gka: z.boolean(),
  gkaSinds: z.string().nullable(),
  /** A school's address and kind; null for other areas. */
  school: SchoolInfo.nullable(),
});
export type Area = z.infer<typeof Area>;

export const AreasQuery = z.object({
  level: DataLevel,
  parent: AreaCode.optional(),
  gka: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export const AreasResponse = z.object({ data: z.array(Area) });
export const AreaResponse = z.object({ data: Area.extend({ omgevingsadressendichtheid: z.number().nullable() }) });

export const GeoParams = z.object({ level: z.enum(['gemeente', 'wijk']) });
export const GeoQuery = z.object({ parent: AreaCode.optional() });

/** A cohort: the school years it pools (groep-8 years for a GKA cohort, one school year for DUO figures). */
export const Cohort = z.object({
  code: z.string(),
  label: z.string(),
  schoolYears: z.array(z.string()),
  /** A pooled period: the cohorts whose counts it sums (e.g. every cohort before COVID); empty for an ordinary cohort. */
  pooled: z.array(z.string()),
});
export type Cohort = z.infer<typeof Cohort>;
export const CohortsResponse = z.object({ data: z.array(Cohort) });

/**
 * A cohort as one indicator has it: whether COVID touched that indicator's figures of the cohort,
 * and how (`note`, in Dutch). The same cohort can be touched for one indicator and not another.
 */
export const IndicatorCohort = Cohort.extend({
  covid: z.boolean(),
  note: z.string().nullable(),
  /**
   * True where the indicator's own rules changed in the cohort (the central exams of 2020 were
   * cancelled, those of 2021 and 2022 easier; no heroverweging in 2020): a change into it is shown
   * without a verdict, with its note.
   */
  rulesChanged: z.boolean().optional(),
});
export type IndicatorCohort = z.infer<typeof IndicatorCohort>;

/** The breakdowns an expected value can be standardised on (docs/methodology.md, "Verwacht gegeven de leerlingen"). */
export const MixDimension = z.enum(['opleiding_ouders', 'inkomen_ouders', 'migratieachtergrond']);
export type MixDimension = z.infer<typeof MixDimension>;

export const Indicator = z.object({
  code: z.string(),
  name: z.string(),
  definition: z.string(),
  numeratorDefinition: z.string(),
  denominatorDefinition: z.string(),
  unit: z.enum(UNITS),
  higherIsBetter: z.boolean().nullable(),
  source: z.string(),
  /**
   * The breakdown that defines the indicator, if any (opleidingsmobiliteit: opleiding_ouders). Its
   * gap between that breakdown's groups measures the definition, so the API gives no kansenkloof for it.
   */
  definedBy: Dimension.nullable(),
  /** The indicator's own time axis: the cohorts that hold values for it, oldest first. */
  cohorts: z.array(IndicatorCohort),
  /**
   * Pooled periods of the indicator (counts of several cohorts summed, so that small wijken get a
   * value), with their own disclosure decision. Not on the time axis. A fixed choice: two pooled
   * periods that differ by one cohort would give that cohort back by subtraction.
   */
  pools: z.array(IndicatorCohort),
  /** Whether it has values per wijk (DUO figures, for one, exist per gemeente only). */
  hasWijken: z.boolean(),
  /** Whether it has values per school (DUO and CBS figures by school location). */
  hasSchools: z.boolean(),
  /**
   * The breakdowns /expected can standardise it on: a share with values in that breakdown that it is
   * not defined by (empty for a mean, and for figures without breakdowns such as DUO's).
   */
  mixDimensions: z.array(MixDimension),
  /**
   * Whether its figures are synthetic (`syntheticFigures`): an import holding its values is (demo
   * data), or the boundaries are a fictitious region. Every page and file marks its figures by it.
   */
  synthetic: z.boolean(),
});
export type Indicator = z.infer<typeof Indicator>;

/** The codes of the indicator's cohorts, oldest first. */
export const cohortCodes = (indicator: Pick<Indicator, 'cohorts'>): string[] => indicator.cohorts.map((c) => c.code);
export const IndicatorsResponse = z.object({ data: z.array(Indicator) });

/**
 * One value. Hidden cells (`suppressed`: too few pupils, a small group that shares one outcome, or
 * recoverable from other published cells; one decision for every route) carry nulls: their counts
 * never leave the database. For unit 'percentage' value/ciLow/ciHigh are fractions (0.453 = 45,3%);
 * for 'gemiddelde' value is the mean and the interval is null.
 */
export const Value = z.object({
  area: z.string(),
  name: z.string(),
  group: z.string(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
  /**
   * The binomial (Wilson) interval alone, for shares where overdispersion widened `ciLow`–`ciHigh`
   * (see `dispersion`); absent where they are the same. Verdicts follow `ciLow`–`ciHigh`.
   */
  samplingCiLow: z.number().nullable().optional(),
  samplingCiHigh: z.number().nullable().optional(),
  suppressed: z.boolean(),
  /**
   * What the source itself says about the figure, shown with it (`VALUE_NOTE_TEXT`); absent when it
   * says nothing. 'onbetrouwbaar': CBS flags the achterstandsscore of a school with 40 pupils or fewer.
   */
  note: ValueNote.optional(),
});
export type Value = z.infer<typeof Value>;

/**
 * Overdispersion of one breakdown group at a level (docs/methodology.md): how much more the areas
 * (or, for a change, their stable year-to-year changes) vary than the binomial model allows. `phi`
 * is the mean squared z-score (1 = as binomial), `tau2` the between-area variance added to every
 * interval of that group; both null where fewer than 10 areas give an estimate (no widening).
 */
export const GroupDispersion = z.object({ group: z.string(), units: z.number().int(), phi: z.number().nullable(), tau2: z.number().nullable() });
export type GroupDispersion = z.infer<typeof GroupDispersion>;

export const BENCHMARKS = ['nederland', 'gemeenten', 'stedelijkheid', 'gka', 'groep', 'gemeente'] as const;
export const BenchmarkKind = z.enum(BENCHMARKS);
export type BenchmarkKind = z.infer<typeof BenchmarkKind>;

/** A benchmark value for one group: pooled (counts summed) or, for 'gemeenten', the unweighted mean. */
export const Benchmark = z.object({
  kind: BenchmarkKind,
  label: z.string(),
  group: z.string(),
  value: z.number().nullable(),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
  /** For kind 'gemeente': its binomial interval where overdispersion widened `ciLow`–`ciHigh`, as on Value. */
  samplingCiLow: z.number().nullable().optional(),
  samplingCiHigh: z.number().nullable().optional(),
  /** Pupils pooled (teller and noemer summed over published cells); null for the mean of the gemeenten and a hidden pool. */
  numerator: z.number().nullable().optional(),
  denominator: z.number().nullable().optional(),
  /** Areas pooled: only published cells count, so a pool never reopens a hidden one; for 'gemeenten' the number of gemeenten averaged. */
  n: z.number().int(),
  /** For kind 'stedelijkheid': the class pooled (a wijk is compared with its gemeente's class). */
  stedelijkheid: z.number().int().min(1).max(5).nullable().optional(),
  /** For kind 'gemeente': the gemeente whose value this is. */
  area: z.string().optional(),
  /** For kind 'groep': the group pooled (GET /groups). */
  groep: z.string().optional(),
});
export type Benchmark = z.infer<typeof Benchmark>;

export const Significance = z.enum(['hoger', 'lager', 'niet_significant', 'onbekend']);
export type Significance = z.infer<typeof Significance>;

export const ValuesQuery = z.object({
  indicator: code,
  /** Without it: the latest cohort that holds values for the indicator. */
  cohort: code.optional(),
  level: DataLevel,
  parent: ParentParam.optional(),
  dimension: Dimension.default('totaal'),
  /** A group of gemeenten (GET /groups) to compare with too: its members' published cells pooled. */
  group: code.optional(),
});
export type ValuesQuery = z.infer<typeof ValuesQuery>;

export const Meta = z.object({
  indicator: Indicator.omit({ cohorts: true, synthetic: true }),
  cohort: IndicatorCohort,
  minCell: z.number().int(),
  sources: z.array(z.object({ kind: z.string(), source: z.string(), synthetic: z.boolean(), importedAt: z.string() })),
  /** Whether this indicator's figures are synthetic, as `Indicator.synthetic`. */
  synthetic: z.boolean(),
});
export type Meta = z.infer<typeof Meta>;

/**
 * A value against one benchmark: `difference` = value − benchmark with its 95% interval, which
 * decides `significance`. Against a pool that holds the area itself the test is against the rest of
 * the pool and `share` is the area's part of its pupils (docs/methodology.md).
 */
export const Comparison = z.object({
  kind: BenchmarkKind,
  benchmark: z.number().nullable(),
  difference: z.number().nullable(),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
  share: z.number().nullable(),
  significance: Significance,
});
export type Comparison = z.infer<typeof Comparison>;
/** A value of /values with its comparisons with every benchmark that applies to it, decided by the API. */
export const ComparedValue = Value.extend({ comparisons: z.array(Comparison) });
export type ComparedValue = z.infer<typeof ComparedValue>;

export const ValuesResponse = z.object({
  data: z.array(ComparedValue),
  benchmarks: z.array(Benchmark),
  /** The overdispersion that widened the intervals of `data`, per group (empty for means). */
  dispersion: z.array(GroupDispersion),
  meta: Meta,
});
export type ValuesResponse = z.infer<typeof ValuesResponse>;

/** Each in a sentence: "verwacht op grond van …". */
export const MIX_PHRASES: Record<MixDimension, string> = {
  opleiding_ouders: 'de opleiding van de ouders',
  inkomen_ouders: 'het inkomen van de ouders',
  migratieachtergrond: 'de migratieachtergrond',
};

export const ExpectedQuery = z.object({
  indicator: code,
  /** Without it: the latest cohort that holds values for the indicator. */
  cohort: code.optional(),
  level: z.enum(['gemeente', 'wijk']),
  parent: ParentParam.optional(),
  dimension: MixDimension.default('opleiding_ouders'),
});
export type ExpectedQuery = z.infer<typeof ExpectedQuery>;

/**
 * An area's share against what its own pupils would reach at Nederland's rates for their group:
 * `difference` = observed − expected with its 95% interval, which decides `significance`. Suppressed
 * where a group of the area is hidden: its expected value would give the hidden group sizes back.
 */
export const ExpectedRow = z.object({
  area: z.string(),
  name: z.string(),
  observed: z.number().nullable(),
  expected: z.number().nullable(),
  difference: z.number().nullable(),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
  significance: Significance,
  suppressed: z.boolean(),
});
export type ExpectedRow = z.infer<typeof ExpectedRow>;

export const ExpectedResponse = z.object({
  data: z.array(ExpectedRow),
  /** Nederland's share per group of the dimension: the rates the expected values are made from. */
  reference: z.array(z.object({ group: z.string(), rate: z.number().nullable() })),
  /** The spread of the level's areas around their expected values, which widens every interval. */
  dispersion: z.object({ units: z.number().int(), phi: z.number().nullable(), tau2: z.number().nullable() }),
  meta: Meta,
});
export type ExpectedResponse = z.infer<typeof ExpectedResponse>;

export const PeersQuery = z.object({
  area: z.string().regex(GEMEENTE_CODE, 'Een gemeentecode zoals GM0855'),
  indicator: code,
  /** Without it: the latest cohort that holds values for the indicator. */
  cohort: code.optional(),
  /** The breakdown the distance from the expected value is measured on. */
  dimension: MixDimension.default('opleiding_ouders'),
});
export type PeersQuery = z.infer<typeof PeersQuery>;

/**
 * A vergelijkbare gemeente that does significantly better: `difference` = its share − the area's,
 * with the 95% interval that decides `significance`. Where both have an expected value (/expected),
 * `adjustedDifference` compares their distances from it: it must then be significantly better too.
 */
export const PeerRow = z.object({
  area: z.string(),
  name: z.string(),
  value: z.number(),
  difference: z.number(),
  ciLow: z.number(),
  ciHigh: z.number(),
  significance: Significance,
  adjustedDifference: z.number().nullable(),
  adjustedSignificance: Significance,
});
export type PeerRow = z.infer<typeof PeerRow>;

export const PeersResponse = z.object({
  area: z.object({ code: z.string(), name: z.string(), value: z.number().nullable() }),
  /** The group the peers come from (GET /groups/vergelijkbaar-GM…). */
  group: z.string(),
  data: z.array(PeerRow),
  meta: Meta,
});
export type PeersResponse = z.infer<typeof PeersResponse>;

/**
 * A funnel plot of one indicator × cohort × level (docs/methodology.md, "Trechterdiagram"): only for
 * shares. `subgroup` is the group of the dimension whose areas are the points (without it the
 * dimension's first group: totaal for totaal).
 */
export const FunnelQuery = ValuesQuery.omit({ group: true }).extend({ parent: AreaCode.optional(), subgroup: code.optional() });
export type FunnelQuery = z.infer<typeof FunnelQuery>;
/** One area: its share against its number of pupils (the noemer), with the interval and verdict of /values. */
export const FunnelPoint = z.object({
  area: z.string(),
  name: z.string(),
  n: z.number(),
  value: z.number(),
  ciLow: z.number(),
  ciHigh: z.number(),
  significance: Significance,
});
export type FunnelPoint = z.infer<typeof FunnelPoint>;
/** The shares at which the target lies exactly on the edge of the (widened) 95% and 99.8% interval for n pupils. */
export const FunnelLimit = z.object({ n: z.number(), low95: z.number(), high95: z.number(), low998: z.number(), high998: z.number() });
export type FunnelLimit = z.infer<typeof FunnelLimit>;
export const FunnelResponse = z.object({
  /** What the points are judged against: the own gemeente for its wijken or schools, else Nederland; value null when hidden. */
  target: z.object({ kind: BenchmarkKind, label: z.string(), value: z.number().nullable() }),
  /** The overdispersion that widens the intervals and the limits. */
  dispersion: GroupDispersion,
  /** Published shares only: a hidden cell is no point. */
  points: z.array(FunnelPoint),
  /** On a log-spaced grid of n from the smallest to the largest point; empty without a target or points. */
  limits: z.array(FunnelLimit),
  meta: Meta,
});
export type FunnelResponse = z.infer<typeof FunnelResponse>;

const MAX_COMPARE_AREAS = 100;
export const CompareQuery = z.object({
  indicator: code,
  cohort: code.optional(),
  areas: commaList(AreaCode, MAX_COMPARE_AREAS, MAX_COMPARE_AREAS * 9),
  dimension: Dimension.default('totaal'),
  group: code.optional(),
});

export const CompareRow = Value.extend({ level: AreaLevel, parent: z.string().nullable(), comparisons: z.array(Comparison) });
export type CompareRow = z.infer<typeof CompareRow>;
export const CompareResponse = z.object({ data: z.array(CompareRow), benchmarks: z.array(Benchmark), meta: Meta });
export type CompareResponse = z.infer<typeof CompareResponse>;

export const TrendQuery = z.object({ indicator: code, area: AreaCode, dimension: Dimension.default('totaal'), group: code.optional() });
export const TrendPoint = z.object({
  cohort: IndicatorCohort,
  values: z.array(Value),
  benchmarks: z.array(Benchmark),
});
export const TrendResponse = z.object({
  area: Area,
  indicator: Indicator.omit({ cohorts: true, synthetic: true }),
  data: z.array(TrendPoint),
  minCell: z.number().int(),
  synthetic: z.boolean(),
});
export type TrendResponse = z.infer<typeof TrendResponse>;

/** A change between cohorts: both sides, the difference with its 95% interval, its significance; hidden when either side is. */
export const ChangeFields = z.object({
  value: z.number().nullable(),
  referenceValue: z.number().nullable(),
  difference: z.number().nullable(),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
  significance: Significance,
  suppressed: z.boolean(),
});
/** What a change is measured against: one cohort, or several pooled (`voor-covid`). */
export const ChangeReference = z.object({ code: z.string(), label: z.string(), cohorts: z.array(z.string()) });
export type ChangeReference = z.infer<typeof ChangeReference>;

export const ProfileParams = z.object({ code: z.string().regex(/^GM\d{4}$/, 'verwacht een gemeentecode zoals GM0363') });
export const ProfileQuery = z.object({ cohort: code.optional(), group: code.optional() });
/**
 * The breakdowns a profile carries: what the gemeente page shows beside the kansenkloof. The other
 * breakdowns are in /values; in the profile they were a fifth of its bytes that no page read.
 */
export const PROFILE_BREAKDOWNS = ['opleiding_ouders', 'inkomen_ouders'] as const satisfies readonly Dimension[];
/** How many wijken a profile names per indicator as most deviating: what the gespreksnotitie shows. */
export const DEVIATING_WIJKEN = 6;
export const ProfileIndicator = z.object({
  /** With `synthetic`: the gemeente page and the notitie mark each indicator's figures real or synthetic. */
  indicator: Indicator.omit({ cohorts: true }),
  /** The cohort shown: the one asked for if the gemeente has values in it, else the indicator's latest. */
  cohort: IndicatorCohort,
  value: Value.nullable(),
  comparisons: z.array(Comparison),
  benchmarks: z.array(Benchmark),
  /**
   * opleiding_ouders hoog minus laag, as a fraction (0.25 = 25 procentpunt); null when either is
   * suppressed or missing; absent when it does not apply (an indicator defined by opleiding_ouders).
   */
  kansenkloof: z.number().nullable().optional(),
  /** The gemeente's values in the groups of each of PROFILE_BREAKDOWNS that it has values for, in that order. */
  breakdown: z.array(z.object({ dimension: Dimension, values: z.array(Value) })),
  /** The indicator's own cohorts, oldest first: the gemeente's totaal with its interval, and the pooled benchmarks. */
  trend: z.array(
    z.object({
      cohort: IndicatorCohort,
      value: z.number().nullable(),
      ciLow: z.number().nullable(),
      ciHigh: z.number().nullable(),
      suppressed: z.boolean(),
      benchmarks: z.array(z.object({ kind: BenchmarkKind, value: z.number().nullable() })),
    }),
  ),
  /**
   * The indicator's first COVID cohort against its cohorts before COVID taken together, as /change
   * with reference voor-covid; null when the indicator has no COVID cohort or nothing before it.
   */
  covidChange: ChangeFields.extend({ cohort: IndicatorCohort, reference: ChangeReference }).nullable(),
  /**
   * The gemeente against what its pupils would reach at Nederland's rates by parents' education, as
   * /expected gives it; null for a mean, an indicator defined by parents' education or without that breakdown.
   */
  expected: ExpectedRow.omit({ area: true, name: true }).extend({ dimension: MixDimension }).nullable(),
  /** Vergelijkbare gemeenten that do significantly better, as /peers gives them; null for a mean or a neutral indicator. */
  peers: z.array(PeerRow).nullable(),
  /** Wijken furthest from the own gemeente, significant ones first. */
  deviatingWijken: z.array(Value.extend({ difference: z.number().nullable(), significance: Significance })).max(DEVIATING_WIJKEN),
});
export type ProfileIndicator = z.infer<typeof ProfileIndicator>;
/**
 * A concern or strength at the top of the gemeente page and the notitie (docs/methodology.md,
 * "Aandachtspunten"): significant against Nederland, sizeable, and not explained by the pupil mix.
 * `expectedDifference` is null where the figure has no expected value to test that on.
 */
export const Aandachtspunt = z.object({
  indicator: z.string(),
  name: z.string(),
  unit: z.enum(UNITS),
  cohort: z.string(),
  value: z.number(),
  benchmark: z.number(),
  difference: z.number(),
  expectedDifference: z.number().nullable(),
});
export type Aandachtspunt = z.infer<typeof Aandachtspunt>;
export const Aandachtspunten = z.object({ zorgen: z.array(Aandachtspunt), sterk: z.array(Aandachtspunt) });
export type Aandachtspunten = z.infer<typeof Aandachtspunten>;

export const ProfileResponse = z.object({
  area: Area.extend({ omgevingsadressendichtheid: z.number().nullable() }),
  cohorts: z.array(Cohort),
  indicators: z.array(ProfileIndicator),
  /** At most three concerns and three strengths, largest difference first. */
  aandachtspunten: Aandachtspunten,
  wijken: z.array(Area),
  minCell: z.number().int(),
  sources: Meta.shape.sources,
  /** Whether every figure shown is synthetic (`allSynthetic`): then one banner says so, else each indicator is marked. */
  synthetic: z.boolean(),
});
export type ProfileResponse = z.infer<typeof ProfileResponse>;

/** How many schools far from their gemeente /schools names: what the gespreksnotitie shows. */
export const FAR_SCHOOLS = 6;
/** A gemeente for its schools, or one school (its page): the same answer with that school alone. */
export const SchoolsParams = z.object({
  code: z.string().regex(/^(GM\d{4}|SC[0-9A-Z]{4}\d{2})$/, 'verwacht een gemeentecode zoals GM0363 of een schoolcode zoals SC00AP00'),
});
/**
 * A band of schools by their achterstandsscore (docs/methodology.md, "Scholen tegenover vergelijkbare
 * scholen"): about a fifth of the schools of Nederland with a published figure, `from`–`to` their
 * scores per 100 pupils, `value` their pooled share (published counts only).
 */
export const AchterstandBand = z.object({
  /** 1 = the lowest scores (the least expected disadvantage). */
  band: z.number().int().min(1),
  from: z.number(),
  to: z.number(),
  schools: z.number().int(),
  numerator: z.number(),
  denominator: z.number(),
  value: z.number(),
});
export type AchterstandBand = z.infer<typeof AchterstandBand>;
/**
 * A school against the schools of its band: its share with the 95% interval widened by how far the
 * band's schools spread, the band's pooled share, and `difference` = share − band share with the
 * interval that decides `significance` (against the rest of the band). `onbekend` with nulls where
 * the school's figure is hidden or it has no achterstandsscore; `band` null without a score.
 */
export const SimilarSchools = z.object({
  band: z.number().int().min(1).nullable(),
  score: z.number().nullable(),
  value: z.number().nullable(),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
  bandValue: z.number().nullable(),
  difference: z.number().nullable(),
  differenceLow: z.number().nullable(),
  differenceHigh: z.number().nullable(),
  significance: Significance,
});
export type SimilarSchools = z.infer<typeof SimilarSchools>;
/** One indicator with figures per school, in its latest school year; a referentieniveau with its bands. */
export const SchoolsColumn = z.object({
  indicator: Indicator.omit({ cohorts: true }),
  cohort: IndicatorCohort,
  /** For a referentieniveau: the national bands of this school year, and the school year of the achterstandsscores. */
  similar: z.object({ scoreCohort: Cohort.pick({ code: true, label: true }), bands: z.array(AchterstandBand) }).optional(),
});
export type SchoolsColumn = z.infer<typeof SchoolsColumn>;
/** A school's share in one column, with its difference from its gemeente. */
export const FarSchool = ComparedValue.extend({ sector: SchoolInfo.shape.sector, indicator: z.string(), difference: z.number(), significance: Significance });
export type FarSchool = z.infer<typeof FarSchool>;
/**
 * GET /schools/{gemeente}: the gemeente's schools with their figures per school location, each
 * indicator in its latest school year, every value with its comparisons as /values decides them.
 * GET /schools/{school}: the same for that school alone (its page), `far` empty.
 */
export const SchoolsResponse = z.object({
  gemeente: Area.pick({ code: true, name: true }),
  columns: z.array(SchoolsColumn),
  /** Each value of a referentieniveau with `similar`: the school against schools of a similar achterstandsscore. */
  schools: z.array(z.object({ school: Area, values: z.array(ComparedValue.extend({ indicator: z.string(), similar: SimilarSchools.optional() })) })),
  /** Schools with at least one published figure, per sector. */
  counts: z.object({ po: z.number().int(), vo: z.number().int() }),
  /**
   * The FAR_SCHOOLS school shares furthest from the gemeente, significant ones first (as the wijken of
   * the profile). Only shares with a better direction: a mean (a toets score) has no interval and a
   * scale of its own, and a share such as havo/vwo in leerjaar 3 follows the streams a school offers.
   */
  far: z.array(FarSchool).max(FAR_SCHOOLS),
});
export type SchoolsResponse = z.infer<typeof SchoolsResponse>;

/** `voor-covid`: the cohorts of the indicator before its first COVID cohort, pooled (counts summed). */
export const PRE_COVID = 'voor-covid';
export const ChangeQuery = z.object({
  indicator: code,
  cohort: code,
  reference: code,
  level: DataLevel,
  parent: ParentParam.optional(),
  dimension: Dimension.default('totaal'),
});

/**
 * The change of one area and group between a cohort and a reference: shares as fractions like
 * /values, `difference` = value − referenceValue with its 95% Newcombe interval. Hidden
 * (`suppressed`) when either side is hidden; a pooled reference is hidden when any of its cohorts is.
 */
export const ChangeRow = z.object({ area: z.string(), name: z.string(), group: z.string() }).extend(ChangeFields.shape);
export type ChangeRow = z.infer<typeof ChangeRow>;
/**
 * For dimension opleiding_ouders: the kansenkloof (hoog − laag) now, before and its change, with an
 * interval; absent for an indicator defined by opleiding_ouders (`definedBy`).
 */
export const GapChange = ChangeRow.omit({ group: true });
export const ChangeResponse = z.object({
  data: z.array(ChangeRow),
  kansenkloof: z.array(GapChange).optional(),
  /** The overdispersion of stable year-to-year changes that widened the intervals, per group (`tau2` of a change between two single years). */
  dispersion: z.array(GroupDispersion),
  meta: Meta.extend({ reference: ChangeReference }),
});
export type ChangeResponse = z.infer<typeof ChangeResponse>;

/**
 * Every benchmark that applies is a column. `reference` (a cohort code or `voor-covid`) adds the
 * change as /change gives it. `metadata=1` answers the definitions, sources and filters as text
 * instead of the table: the CSV itself starts with its header line.
 */
export const ExportQuery = ValuesQuery.extend({
  format: z.enum(['csv', 'xlsx']),
  reference: code.optional(),
  metadata: z.enum(['0', '1']).default('0'),
});

/** Everything at one level in long format: every indicator, cohort, breakdown and area of a level (or of `parent`), one value per line. */
export const BulkExportQuery = z.object({ level: DataLevel, parent: ParentParam.optional() });
/** What a bulk export holds, told before it is built: its lines without the header (counted, not written). */
export const BulkExportInfo = z.object({ data: z.object({ level: DataLevel, rows: z.number().int() }) });
export type BulkExportInfo = z.infer<typeof BulkExportInfo>;

/**
 * A group of gemeenten: a provincie, a COROP-gebied (`corop-34`), the GKA gemeenten (`gka`) or an
 * imported grouping (`regio-…`), with its members' codes.
 */
export const Group = z.object({ code: z.string(), kind: z.string(), name: z.string(), members: z.array(z.string()) });
/**
 * The kinds of group the dashboard makes itself, with their names. `Group.kind` stays an open string:
 * an imported grouping names its own kind (`regio`, `g4`), which is then its name too.
 */
export const GROUP_KINDS = {
  gka: { label: 'GKA' },
  provincie: { label: 'Provincie' },
  corop: { label: 'COROP' },
  vergelijkbaar: { label: 'Vergelijkbaar' },
} as const satisfies Record<string, { label: string }>;
export type GroupKind = keyof typeof GROUP_KINDS;
const isGroupKind = (kind: string): kind is GroupKind => Object.hasOwn(GROUP_KINDS, kind);
/** 'COROP' for `corop`, the kind itself for an imported one ('g4'). */
export const groupKindLabel = (kind: string): string => (isGroupKind(kind) ? GROUP_KINDS[kind].label : kind);
/** 'Midden-Noord-Brabant' → 'midden-noord-brabant', 'G4' → 'g4': a part of a group code a URL can carry. */
export function groupSlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
/** The group of a provincie's gemeenten: `provincie-noord-brabant`. */
export const provincieGroupCode = (provincie: string): string => `provincie-${groupSlug(provincie)}`;
const SIMILAR_PREFIX = 'vergelijkbaar-';
/** The group of a gemeente's vergelijkbare gemeenten: `vergelijkbaar-GM0855` (one per gemeente, not listed in /groups). */
export const similarGroupCode = (gemeente: string): string => `${SIMILAR_PREFIX}${gemeente}`;
/** The gemeente whose vergelijkbare gemeenten a group code names, or undefined for another code. */
export const similarGroupOf = (code: string | undefined): string | undefined =>
  code?.startsWith(SIMILAR_PREFIX) ? code.slice(SIMILAR_PREFIX.length) : undefined;
export type Group = z.infer<typeof Group>;
export const GroupsResponse = z.object({ data: z.array(Group) });
export const GroupResponse = z.object({ data: Group });
export const GroupParams = z.object({ code: code });

const MAX_OVERVIEW_AREAS = 400;
/** What an overview compares with: every benchmark but the own gemeente (an overview has no wijken). */
export const OVERVIEW_BENCHMARKS = [
  ...BENCHMARKS.filter((k): k is Exclude<BenchmarkKind, 'gemeente'> => k !== 'gemeente'),
  'verwacht',
] as const satisfies readonly (BenchmarkKind | 'verwacht')[];
/**
 * What a regio overview compares with: a benchmark, or `verwacht`: each gemeente's own expected value
 * given its pupils' parents' education (/expected), for the indicators that have one.
 */
export const OverviewBenchmark = z.enum(
  OVERVIEW_BENCHMARKS as unknown as [Exclude<BenchmarkKind, 'gemeente'> | 'verwacht', ...(Exclude<BenchmarkKind, 'gemeente'> | 'verwacht')[]],
);
export type OverviewBenchmark = z.infer<typeof OverviewBenchmark>;

/** The overview of a group (`group`) or of chosen gemeenten (`areas`): one of the two. */
const OverviewFields = z.object({
  group: code.optional(),
  areas: commaList(z.string().regex(/^GM\d{4}$/, 'verwacht gemeentecodes zoals GM0363'), MAX_OVERVIEW_AREAS, MAX_OVERVIEW_AREAS * 7).optional(),
  /** Comma-separated indicator codes; without it every indicator with values. */
  indicators: commaList(code, 50, 2000).optional(),
  /** Without it each indicator's latest cohort. */
  cohort: code.optional(),
  benchmark: OverviewBenchmark.default('nederland'),
});
const overviewRules = <T extends z.ZodType<z.infer<typeof OverviewFields>>>(schema: T) =>
  schema
    .refine((q) => (q.group === undefined) !== (q.areas === undefined), { message: 'Kies een groep (group) of gemeenten (areas), één van de twee' })
    .refine((q) => q.benchmark !== 'groep' || q.group !== undefined, { message: 'benchmark=groep kan alleen met een groep (group)' });
export const OverviewQuery = overviewRules(OverviewFields);
export type OverviewQuery = z.infer<typeof OverviewQuery>;
/** The overview as a file: one line per gemeente × indicator (long format), CSV or XLSX. */
export const OverviewExportQuery = overviewRules(OverviewFields.extend({ format: z.enum(['csv', 'xlsx']).default('csv') }));

export const Verdict = z.enum(['gunstig', 'ongunstig', 'geen_verschil', 'neutraal', 'onbekend']);
export type Verdict = z.infer<typeof Verdict>;
/** The change since before COVID of one overview cell (the pooled reference is named once, on its indicator). */
export const OverviewChange = ChangeFields.pick({ difference: true, ciLow: true, ciHigh: true, significance: true, suppressed: true });
export type OverviewChange = z.infer<typeof OverviewChange>;
/** One gemeente × indicator: the value, the chosen benchmark that applies to it, the verdict, and the change since before COVID. */
export const OverviewCell = z.object({
  indicator: z.string(),
  value: z.number().nullable(),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
  /** Pupils (the files have it; GET /overview leaves it out, /values has it). */
  denominator: z.number().nullable().optional(),
  suppressed: z.boolean(),
  benchmark: z.number().nullable(),
  difference: z.number().nullable(),
  /** The 95% interval of `difference`, which decides `significance` (docs/methodology.md). */
  differenceCiLow: z.number().nullable(),
  differenceCiHigh: z.number().nullable(),
  significance: Significance,
  verdict: Verdict,
  covidChange: OverviewChange.nullable(),
});
export type OverviewCell = z.infer<typeof OverviewCell>;
export const OverviewRow = z.object({ area: z.string(), name: z.string(), cells: z.array(OverviewCell) });
export type OverviewRow = z.infer<typeof OverviewRow>;
/**
 * An overview's column: the indicator as the table and its files describe it, in the cohort shown.
 * `covidCohort` and `reference`: the indicator's COVID change, its first COVID
 * cohort against its cohorts before COVID taken together, whichever cohort the column shows (the same
 * change as the gemeente page and the notitie give); both null without one.
 */
export const OverviewIndicator = Indicator.pick({
  code: true,
  name: true,
  definition: true,
  unit: true,
  higherIsBetter: true,
  source: true,
  synthetic: true,
}).extend({
  cohort: IndicatorCohort,
  covidCohort: IndicatorCohort.nullable(),
  reference: ChangeReference.nullable(),
});
export type OverviewIndicator = z.infer<typeof OverviewIndicator>;
/** The overview as rows of cells: what the page and the files work with (`expandOverview` makes it from the answer). */
export const Overview = z.object({
  group: Group.nullable(),
  benchmark: OverviewBenchmark,
  indicators: z.array(OverviewIndicator),
  rows: z.array(OverviewRow),
  /** The members pooled (published cells only), against the same benchmark. */
  pooled: OverviewRow,
  minCell: z.number().int(),
  /** Whether every column is synthetic (`allSynthetic`): then one banner says so, else each column is marked. */
  synthetic: z.boolean(),
});
export type Overview = z.infer<typeof Overview>;

const Numbers = z.array(z.number().nullable());
/** Row positions (in `rows`, the pooled row last) whose cell is hidden by disclosure control. */
const Hidden = z.array(z.number().int().nonnegative());
/**
 * One indicator's cells column-wise, one entry per row: the members in `rows` order, then the pooled
 * row. Values rounded to 0.0001 (0.01 procentpunt) for shares and 0.01 for means, interval bounds
 * rounded outward to 0.001 and 0.1; significance is decided before rounding. The difference with the
 * benchmark is value − benchmark, the verdict follows from significance and `higherIsBetter`. Pupil
 * counts are left out (a sixth of the bytes): /values and the overview's files have them.
 */
export const OverviewColumn = z.object({
  value: Numbers,
  ciLow: Numbers,
  ciHigh: Numbers,
  benchmark: Numbers,
  /** The interval of value − benchmark that decides `significance`, rounded outward like ciLow and ciHigh. */
  differenceCiLow: Numbers,
  differenceCiHigh: Numbers,
  significance: z.array(Significance),
  suppressed: Hidden,
  /** The change since before COVID (`reference` of the indicator); null when the cohort is not after COVID. */
  change: z.object({ difference: Numbers, ciLow: Numbers, ciHigh: Numbers, significance: z.array(Significance), suppressed: Hidden }).nullable(),
});
export type OverviewColumn = z.infer<typeof OverviewColumn>;
const OverviewArea = z.object({ area: z.string(), name: z.string() });
/**
 * GET /overview: an indicator's cells as columns of numbers, which is a tenth of the size of a cell
 * object per gemeente × indicator (101 gemeenten × 12 indicators).
 */
export const OverviewResponse = z.object({
  group: Group.nullable(),
  benchmark: OverviewBenchmark,
  rows: z.array(OverviewArea),
  /** The members pooled (published cells only): the last entry of every column. */
  pooled: OverviewArea,
  indicators: z.array(OverviewIndicator.extend({ cells: OverviewColumn })),
  minCell: z.number().int(),
  /** As `Overview.synthetic`: every column synthetic. */
  synthetic: z.boolean(),
});
export type OverviewResponse = z.infer<typeof OverviewResponse>;

export const SourcesResponse = z.object({ sources: Meta.shape.sources, synthetic: z.boolean(), minCell: z.number().int() });
export type SourcesResponse = z.infer<typeof SourcesResponse>;
