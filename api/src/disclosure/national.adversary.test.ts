import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AreasResponse,
  ChangeResponse,
  CompareResponse,
  DIMENSIONS,
  ExpectedResponse,
  MixDimension,
  NATIONAL_CODE,
  ProfileResponse,
  TrendResponse,
  ValuesResponse,
  type Benchmark,
  type Dimension,
  type Value,
} from '@gka/shared';
import { buildApp } from '../app.ts';
import { loadDemo } from '../importers/demo/load.ts';
import { importOpenDataBoundaries } from '../importers/geo/open-data.ts';
import {
  attack,
  cellKey,
  invertWilson,
  pooledSystem,
  solvedBySystem,
  tableRelations,
  type Counts,
  type Relation,
  type WeightedRelation,
} from '../test/adversary.ts';
import { testConfig } from '../test/config.ts';
import { hasOpenData, OPEN_DATA } from '../test/open-data.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { revealsAttribute } from './rules.ts';

/**
 * The adversary's test at national scale: real 2024 boundaries (342 gemeenten, 3,474 wijken) with the
 * synthetic demo data, attacked only through what the API publishes. For three indicators and two
 * cohorts (one the COVID cohort) it collects every value at gemeente and wijk level for every
 * breakdown, the benchmarks, compare, trend, profile and the CSV export; checks that every route
 * publishes the same cells; turns benchmark intervals back into counts; and then peels every sum a
 * reader can form. It must recover nothing.
 */
const INDICATORS = ['advies_havo_vwo', 'heroverweging', 'zittenblijven'] as const;
const COHORTS = ['2020-2021', '2022-2023'];
const DIMS = Object.keys(DIMENSIONS) as Dimension[];
const MIN_CELL = 10;

type Area = { code: string; parent: string | null; stedelijkheid: number | null; gka: boolean; level: string };

/** What one indicator × cohort table looks like from outside: published counts and the cells that exist. */
class Table {
  readonly known = new Map<string, Counts>();
  readonly exists = new Set<string>();
  readonly relations: Relation[] = [];
  readonly conflicts: string[] = [];
  /** Pools over some of their members: counts, the members they could be over, and how many they are over. */
  readonly pools: { counts: Counts; parts: string[]; n: number; label: string }[] = [];
  /** Expected values as /expected publishes them: per area and breakdown, E and the reference rates. */
  readonly expected: { area: string; dimension: MixDimension; expected: number | null; rates: Map<string, number> }[] = [];

  see(area: string, dimension: string, v: Pick<Value, 'group' | 'numerator' | 'denominator' | 'suppressed'>, route: string): void {
    const key = cellKey(area, dimension, v.group);
    const before = this.seen.get(key);
    const now = v.suppressed ? 'hidden' : `${v.numerator}/${v.denominator}`;
    if (before !== undefined && before.value !== now) this.conflicts.push(`${key}: ${before.value} in ${before.route}, ${now} in ${route}`);
    this.seen.set(key, { value: now, route });
    this.exists.add(key);
    if (!v.suppressed) this.known.set(key, { k: v.numerator!, n: v.denominator! });
  }
  private readonly seen = new Map<string, { value: string; route: string }>();
}

describe.skipIf(!hasOpenData)('disclosure control against an outside analyst, national demo data', () => {
  let t: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let areas: Area[];
  const tables = new Map<string, Table>();
  const table = (indicator: string, cohort: string) => {
    const key = `${indicator}|${cohort}`;
    if (!tables.has(key)) tables.set(key, new Table());
    return tables.get(key)!;
  };
  const get = async <T>(url: string, schema: { parse: (x: unknown) => T }): Promise<T> => {
    const res = await app.inject(url);
    expect(res.statusCode, url).toBe(200);
    return schema.parse(res.json());
  };
  /**
   * A benchmark's interval gives its counts back. Nederland from a delivered NL01 row (n = 1) is that
   * cell; a pool over all its member gemeenten is a sum over them, which the attack then peels; a pool
   * over fewer members (n says how many) must be the sum of the published ones, so it adds nothing.
   */
  const benchmarkSeen = (tb: Table, b: Benchmark, dimension: string, route: string) => {
    if (b.kind === 'nederland' && b.n === 1) return tb.see(NATIONAL_CODE, dimension, { group: b.group, ...countsOf(b) }, route);
    if (b.value === null || b.ciLow === null || b.ciHigh === null) return;
    const members =
      b.kind === 'nederland'
        ? areas.filter((a) => a.level === 'gemeente')
        : b.kind === 'gka'
          ? areas.filter((a) => a.level === 'gemeente' && a.gka)
          : b.kind === 'stedelijkheid'
            ? areas.filter((a) => a.level === 'gemeente' && a.stedelijkheid === b.stedelijkheid)
            : null;
    if (!members) return;
    const counts = invertWilson(b.value, b.ciLow, b.ciHigh);
    expect(counts, `${route}: ${b.kind} ${b.group} should give its counts back`).not.toBeNull();
    const parts = members.map((m) => cellKey(m.code, dimension, b.group));
    if (b.n === members.length) {
      const total = `pool:${b.kind}:${b.stedelijkheid ?? ''}|${dimension}|${b.group}`;
      tb.known.set(total, counts!);
      tb.exists.add(total);
      tb.relations.push({ total, parts, label: `benchmark ${b.kind} ${b.stedelijkheid ?? ''} (${dimension}/${b.group})` });
    } else {
      tb.pools.push({ counts: counts!, parts, n: b.n, label: `${route}: ${b.kind} ${b.stedelijkheid ?? ''} ${dimension}/${b.group}` });
    }
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    await importOpenDataBoundaries(t.db, OPEN_DATA);
    // Only the indicators attacked: each indicator × cohort is decided on its own.
    await loadDemo(t.url, { indicators: INDICATORS });
    app = await buildApp({ config: testConfig({ rateLimitPerMinute: 0 }), db: t.db });
    const gemeenten = (await get('/api/v1/areas?level=gemeente', AreasResponse)).data;
    const wijken = (await get('/api/v1/areas?level=wijk', AreasResponse)).data;
    areas = [{ code: NATIONAL_CODE, parent: null, stedelijkheid: null, gka: false, level: 'land' }, ...gemeenten, ...wijken];
    const byClass = new Map(gemeenten.filter((g) => g.stedelijkheid).map((g) => [g.stedelijkheid!, g.code]));

    for (const indicator of INDICATORS) {
      for (const cohort of COHORTS) {
        const tb = table(indicator, cohort);
        tb.relations.push(...tableRelations(areas));
        for (const dimension of DIMS) {
          const q = `indicator=${indicator}&cohort=${cohort}&dimension=${dimension}`;
          for (const level of ['gemeente', 'wijk']) {
            const url = `/api/v1/values?${q}&level=${level}`;
            const body = await get(url, ValuesResponse);
            for (const v of body.data) tb.see(v.area, dimension, v, url);
            for (const b of body.benchmarks) benchmarkSeen(tb, b, dimension, url);
          }
          // With a gemeente as parent: its stedelijkheid class pooled, and the gemeente itself as benchmark.
          for (const [, gemeente] of byClass) {
            const url = `/api/v1/values?${q}&level=wijk&parent=${gemeente}`;
            const body = await get(url, ValuesResponse);
            for (const v of body.data) tb.see(v.area, dimension, v, url);
            for (const b of body.benchmarks) {
              if (b.kind === 'gemeente') tb.see(b.area!, dimension, { group: b.group, ...countsOf(b) }, url);
              else benchmarkSeen(tb, b, dimension, url);
            }
          }
          // Compare: the first 100 gemeenten and 100 wijken.
          for (const list of [gemeenten.slice(0, 100), wijken.slice(0, 100)]) {
            const url = `/api/v1/compare?${q}&areas=${list.map((a) => a.code).join(',')}`;
            for (const r of (await get(url, CompareResponse)).data) tb.see(r.area, dimension, r, url);
          }
          if (MixDimension.safeParse(dimension).success) {
            for (const level of ['gemeente', 'wijk']) {
              const url = `/api/v1/expected?${q}&level=${level}`;
              const body = await get(url, ExpectedResponse);
              const rates = new Map(body.reference.map((r) => [r.group, r.rate!]));
              for (const r of body.data) tb.expected.push({ area: r.area, dimension: dimension as MixDimension, expected: r.expected, rates });
            }
          }
          const csv = (await app.inject(`/api/v1/export?format=csv&${q}&level=wijk`)).body;
          for (const [area, v] of csvCells(csv)) tb.see(area, dimension, v, 'export csv');
        }
      }
    }
    // Trend (all cohorts of an area) and profile (a gemeente, its breakdowns and wijken) for a sample.
    const sample = [...gemeenten.filter((_, i) => i % 12 === 0), ...wijken.filter((_, i) => i % 120 === 0)];
    for (const area of sample) {
      for (const indicator of INDICATORS) {
        for (const dimension of ['totaal', 'opleiding_ouders'] as const) {
          const url = `/api/v1/trend?indicator=${indicator}&area=${area.code}&dimension=${dimension}`;
          for (const point of (await get(url, TrendResponse)).data) {
            if (!COHORTS.includes(point.cohort.code)) continue;
            for (const v of point.values) table(indicator, point.cohort.code).see(area.code, dimension, v, url);
          }
        }
      }
    }
    for (const g of gemeenten.filter((_, i) => i % 12 === 0)) {
      for (const cohort of COHORTS) {
        const url = `/api/v1/profile/${g.code}?cohort=${cohort}`;
        for (const p of (await get(url, ProfileResponse)).indicators) {
          if (!(INDICATORS as readonly string[]).includes(p.indicator.code) || p.cohort.code !== cohort) continue;
          const tb = table(p.indicator.code, cohort);
          if (p.value) tb.see(g.code, 'totaal', p.value, url);
          for (const b of p.breakdown) for (const v of b.values) tb.see(g.code, b.dimension, v, url);
          for (const w of p.deviatingWijken) tb.see(w.area, 'totaal', w, url);
          for (const b of p.benchmarks) benchmarkSeen(tb, b, 'totaal', url);
        }
      }
    }
  }, 600_000);

  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('publishes the same cells, hidden or not, on every route and in the export', () => {
    expect(tables.size).toBe(INDICATORS.length * COHORTS.length);
    for (const tb of tables.values()) {
      expect(tb.conflicts).toEqual([]);
      // Every gemeente and wijk was seen in every group.
      expect(tb.exists.size).toBeGreaterThan(3_000 * 12);
    }
  });

  it('recovers no hidden cell and no small remainder by subtraction, through any sum or benchmark', () => {
    const found: string[] = [];
    let hidden = 0;
    for (const [key, tb] of tables) {
      hidden += [...tb.exists].filter((c) => !tb.known.has(c)).length;
      const leaks = attack(tb.known, tb.exists, tb.relations, { minCell: MIN_CELL, attribute: true });
      found.push(...leaks.slice(0, 5).map((l) => `${key} ${l.kind} ${l.cell} = ${l.counts.k}/${l.counts.n} via ${l.via}`));
    }
    // Enough hidden cells that the attack had something to try.
    expect(hidden).toBeGreaterThan(50_000);
    expect(found).toEqual([]);
  });

  it('gives back no hidden group size through the expected values; published for every area, they would', async () => {
    /** Σ (p_g − E) · n_g = 0 over the area's groups: what an expected value E tells about its group sizes. */
    const equation = (area: string, dimension: MixDimension, e: number, rates: Map<string, number>): WeightedRelation => ({
      terms: DIMENSIONS[dimension].map((g) => [cellKey(area, dimension, g), rates.get(g)! - e] as const),
      label: `verwacht ${area} (${dimension})`,
    });
    let checked = 0;
    let published = 0;
    const solved: string[] = [];
    const solvedNaively: string[] = [];
    for (const [key, tb] of tables) {
      const [indicator, cohort] = key.split('|') as [string, string];
      // The true group sizes, which a naive /expected would have used for every area.
      const truth = await t.db
        .selectFrom('measure')
        .select(['area_code', 'dimension', 'grp', 'denominator'])
        .where('indicator', '=', indicator)
        .where('cohort', '=', cohort)
        .execute();
      const trueN = new Map(truth.map((r) => [cellKey(r.area_code, r.dimension, r.grp), Number(r.denominator)]));
      for (const x of tb.expected) {
        const groups = DIMENSIONS[x.dimension].map((g) => cellKey(x.area, x.dimension, g));
        const hidden = groups.filter((c) => tb.exists.has(c) && !tb.known.has(c));
        if (x.expected !== null) {
          published++;
          // A published expected value is the one the published groups give.
          const mix = groups.map((c) => ({ n: tb.known.get(c)?.n ?? 0, rate: x.rates.get(c.split('|')[2]!)! }));
          const n = mix.reduce((s, g) => s + g.n, 0);
          expect(x.expected, `${key} ${x.area} ${x.dimension}`).toBeCloseTo(mix.reduce((s, g) => s + g.n * g.rate, 0) / n, 10);
        }
        if (hidden.length === 0) continue;
        checked++;
        // The area's own system: its breakdown adds up to its total, and its expected value where published.
        const cells = new Set([cellKey(x.area, 'totaal', 'totaal'), ...groups].filter((c) => tb.exists.has(c)));
        const local = new Map([...cells].flatMap((c) => (tb.known.has(c) ? [[c, tb.known.get(c)!] as const] : [])));
        const sums: Relation[] = [{ total: cellKey(x.area, 'totaal', 'totaal'), parts: groups, label: `uitsplitsing ${x.area}` }];
        if (x.expected !== null)
          solved.push(...solvedBySystem(local, cells, sums, [equation(x.area, x.dimension, x.expected, x.rates)]).map((c) => `${key} ${c}`));
        const n = groups.reduce((s, c) => s + (trueN.get(c) ?? 0), 0);
        if (n > 0) {
          const naive = groups.reduce((s, c) => s + (trueN.get(c) ?? 0) * x.rates.get(c.split('|')[2]!)!, 0) / n;
          solvedNaively.push(...solvedBySystem(local, cells, sums, [equation(x.area, x.dimension, naive, x.rates)]));
        }
      }
    }
    expect(published).toBeGreaterThan(1_000);
    expect(checked).toBeGreaterThan(1_000);
    expect(solved).toEqual([]);
    // The attack has teeth: with every area's expected value published, two hidden groups beside a published total give both back.
    expect(solvedNaively.length).toBeGreaterThan(100);
  });

  it('pools benchmarks over published gemeenten only, so they tell nothing the gemeenten do not', () => {
    let checked = 0;
    for (const tb of tables.values()) {
      for (const p of tb.pools) {
        const published = p.parts.filter((c) => tb.known.has(c));
        const sum = published.reduce((s, c) => ({ k: s.k + tb.known.get(c)!.k, n: s.n + tb.known.get(c)!.n }), { k: 0, n: 0 });
        expect({ areas: p.n, ...sum }, p.label).toEqual({ areas: published.length, ...p.counts });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('shows no small published group in which all, or all but one or two, pupils share the outcome', () => {
    for (const tb of tables.values()) {
      const risky = [...tb.known].filter(([key, c]) => !key.startsWith('pool:') && revealsAttribute(c.k, c.n, MIN_CELL));
      expect(risky).toEqual([]);
    }
  });

  it('publishes in /change only what the published cells give: the stored pooled period before COVID as the reference', async () => {
    const indicator = 'zittenblijven';
    const pre = ['2012-2013', '2014-2015', '2016-2017', '2018-2019'];
    const pool = '2012-2013_2018-2019';
    for (const dimension of ['totaal', 'opleiding_ouders'] as const) {
      const q = `indicator=${indicator}&dimension=${dimension}&level=wijk`;
      const cells = new Map<string, Value>();
      for (const cohort of ['2022-2023', pool, ...pre]) {
        for (const v of (await get(`/api/v1/values?${q}&cohort=${cohort}`, ValuesResponse)).data) cells.set(`${cohort}|${v.area}|${v.group}`, v);
      }
      const body = await get(`/api/v1/change?${q}&cohort=2022-2023&reference=voor-covid`, ChangeResponse);
      expect(body.meta.reference.cohorts).toEqual(pre);
      let published = 0;
      let onlyPooled = 0;
      for (const r of body.data) {
        const now = cells.get(`2022-2023|${r.area}|${r.group}`)!;
        const before = cells.get(`${pool}|${r.area}|${r.group}`)!;
        expect(r.suppressed, `${r.area} ${r.group}`).toBe(now.suppressed || before.suppressed);
        if (r.suppressed) continue;
        published++;
        expect(r.value).toBe(now.value);
        expect(r.referenceValue).toBe(before.value);
        // Where every cohort is published, the pooled period is their sum.
        const members = pre.map((c) => cells.get(`${c}|${r.area}|${r.group}`)).filter((v): v is Value => v !== undefined);
        if (members.every((v) => !v.suppressed))
          expect(before.numerator! / before.denominator!).toBeCloseTo(
            members.reduce((s, v) => s + v.numerator!, 0) / members.reduce((s, v) => s + v.denominator!, 0),
            12,
          );
        else onlyPooled++;
      }
      expect(published).toBeGreaterThan(100);
      // The point of the pooled period: references where some cohort before COVID is hidden.
      expect(onlyPooled).toBeGreaterThan(0);
    }
  });

  it('lets the pooled period and its four cohorts together, at both levels and in every breakdown, give back nothing by subtraction', async () => {
    // zittenblijven: a rare outcome, so many hidden cells, the hardest case for a pooled period.
    const indicator = 'zittenblijven';
    const members = ['2012-2013', '2014-2015', '2016-2017', '2018-2019'];
    const pool = '2012-2013_2018-2019';
    const { known, exists, relations } = await pooledSystem(
      areas,
      members,
      pool,
      async (cohort, dimension, level) =>
        (await get(`/api/v1/values?indicator=${indicator}&cohort=${cohort}&dimension=${dimension}&level=${level}`, ValuesResponse)).data,
    );
    // The pooled period publishes wijk cells that every cohort hides: what the analyst attacks.
    const gained = [...exists].filter(
      (k) => k.startsWith(`${pool}#WK`) && known.has(k) && members.every((m) => !known.has(`${m}#${k.slice(pool.length + 1)}`)),
    );
    expect(gained.length).toBeGreaterThan(1000);
    expect(attack(known, exists, relations, { minCell: MIN_CELL, attribute: true })).toEqual([]);
  });

  it("averages only published gemeenten in 'gemiddelde van de gemeenten'", async () => {
    for (const indicator of INDICATORS) {
      const body = await get(`/api/v1/values?indicator=${indicator}&cohort=2020-2021&dimension=opleiding_ouders&level=gemeente`, ValuesResponse);
      for (const b of body.benchmarks.filter((x) => x.kind === 'gemeenten')) {
        const published = body.data.filter((v) => v.group === b.group && v.value !== null).map((v) => v.value!);
        expect(b.n).toBe(published.length);
        expect(b.value).toBeCloseTo(published.reduce((s, x) => s + x, 0) / published.length, 12);
      }
    }
  });
});

function countsOf(b: Benchmark): Pick<Value, 'numerator' | 'denominator' | 'suppressed'> {
  if (b.value === null || b.ciLow === null || b.ciHigh === null) return { numerator: null, denominator: null, suppressed: true };
  // A benchmark publishes its pooled counts; the analyst takes them as they are.
  if (b.numerator !== undefined && b.numerator !== null && b.denominator !== undefined && b.denominator !== null) {
    return { numerator: b.numerator, denominator: b.denominator, suppressed: false };
  }
  const c = invertWilson(b.value, b.ciLow, b.ciHigh)!;
  return { numerator: c.k, denominator: c.n, suppressed: false };
}

/** The data rows of a CSV export as cells (the header is the line starting with 'Gebiedscode'). */
function csvCells(csv: string): [string, Pick<Value, 'group' | 'numerator' | 'denominator' | 'suppressed'>][] {
  const rows = parse(csv, { columns: true, delimiter: ';', bom: true }) as Record<string, string>[];
  const labels = new Map(
    Object.values(DIMENSIONS)
      .flat()
      .map((g) => [g.replace('_', ' '), g]),
  );
  return rows.map((r) => {
    const group = labels.get(r.Groep!.toLowerCase()) ?? r.Groep!.toLowerCase();
    const suppressed = r.Onderdrukt === 'ja';
    return [r.Gebiedscode!, { group, numerator: suppressed ? null : Number(r.Teller), denominator: suppressed ? null : Number(r.Noemer), suppressed }];
  });
}
