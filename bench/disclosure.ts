/**
 * What disclosure control costs and what it prevents, on the national demo data (2024 indeling:
 * 342 gemeenten, 3,474 wijken; 9 indicators × 6 cohorts × 12 groups). Per level: cells, cells hidden
 * by the old rule (fewer than GKA_MIN_CELL pupils) and now (primary, secondary), the gemeenten that
 * keep a totaal value, and the hidden cells the adversary of the test suite recovers from what is
 * published under each rule. Prints a markdown table for docs/methodology.md.
 * Usage (from bench/): DATABASE_URL=postgres://…/postgres pnpm disclosure   (or an embedded Postgres).
 */
import { fileURLToPath } from 'node:url';
import { DEFAULT_MIN_CELL } from '@gka/shared';
import { decideDisclosure, PRIMARY, PUBLISHED, SECONDARY, type TableCell } from '../api/src/disclosure/decide.ts';
import { demoRows, generateDemo, type DemoRow } from '../api/src/importers/demo/generate.ts';
import { DEFAULT_SEED } from '../api/src/importers/demo/load.ts';
import { importOpenDataBoundaries } from '../api/src/importers/geo/open-data.ts';
import { attack, cellKey, tableRelations } from '../api/src/test/adversary.ts';
import { withScratchDatabase } from './scratch-database.ts';

const openData = process.env.GKA_OPEN_DATA_DIR ?? fileURLToPath(new URL('../../shared/open-data/', import.meta.url));
const minCell = Number(process.env.GKA_MIN_CELL ?? DEFAULT_MIN_CELL);

type Tally = {
  noAttribute: number;
  totalsNoAttribute: number;
  cells: number;
  old: number;
  primary: number;
  attribute: number;
  secondary: number;
  oldRecovered: number;
  newRecovered: number;
  totals: number;
  totalsOld: number;
  totalsNew: number;
};
const tally = (): Tally => ({
  noAttribute: 0,
  totalsNoAttribute: 0,
  cells: 0,
  old: 0,
  primary: 0,
  attribute: 0,
  secondary: 0,
  oldRecovered: 0,
  newRecovered: 0,
  totals: 0,
  totalsOld: 0,
  totalsNew: 0,
});

function loadAreas() {
  return withScratchDatabase('gka-bench-disclosure', async (db) => {
    if (!(await importOpenDataBoundaries(db, openData))) throw new Error(`Geen gemeenten_<jaar>.geojson in ${openData}`);
    return db.selectFrom('area').select(['code', 'level', 'parent_code', 'inwoners', 'attributes']).execute();
  });
}

async function main() {
  const rows = await loadAreas();
  const areas = rows.map((a) => ({ code: a.code, level: a.level, parentCode: a.parent_code, inwoners: a.inwoners, attributes: a.attributes }));
  const level = new Map(rows.map((a) => [a.code, a.level]));
  const parents = new Map(rows.map((a) => [a.code, a.parent_code]));
  const relations = tableRelations(rows.map((a) => ({ code: a.code, parent: a.parent_code })));
  const data = generateDemo(areas, DEFAULT_SEED);

  const byLevel = new Map<string, Tally>();
  let decideMs = 0;
  let pairs = 0;
  let run: DemoRow[] = [];
  const finish = () => {
    if (!run.length) return;
    pairs++;
    const cells: TableCell[] = run.map((r) => ({ area: r.area, dimension: r.dimension, group: r.grp, k: r.numerator, n: r.denominator }));
    const started = performance.now();
    const decision = decideDisclosure(cells, (a) => parents.get(a), { minCell, attribute: true });
    decideMs += performance.now() - started;
    // The same without the shared-outcome rule: what that rule costs on its own.
    const withoutAttribute = decideDisclosure(cells, (a) => parents.get(a), { minCell, attribute: false });
    const exists = new Set(cells.map((c) => cellKey(c.area, c.dimension, c.group)));
    const known = (keep: (c: TableCell, i: number) => boolean) =>
      new Map(cells.filter(keep).map((c) => [cellKey(c.area, c.dimension, c.group), { k: c.k, n: c.n }]));
    const oldLeaks = attack(
      known((c) => c.n >= minCell),
      exists,
      relations,
      { minCell, attribute: false },
    ).filter((l) => l.kind === 'recovered');
    const newLeaks = attack(
      known((_, i) => decision[i] === PUBLISHED),
      exists,
      relations,
      { minCell, attribute: true },
    ).filter((l) => l.kind === 'recovered');
    cells.forEach((c, i) => {
      const l = level.get(c.area) ?? '?';
      const t = byLevel.get(l) ?? tally();
      byLevel.set(l, t);
      t.cells++;
      if (c.n < minCell) t.old++;
      if (decision[i] === PRIMARY) t.primary++;
      if (decision[i] === PRIMARY && c.n >= minCell) t.attribute++;
      if (decision[i] === SECONDARY) t.secondary++;
      if (withoutAttribute[i] !== PUBLISHED) t.noAttribute++;
      if (c.dimension === 'totaal' && withoutAttribute[i] === PUBLISHED) t.totalsNoAttribute++;
      if (c.dimension === 'totaal') {
        t.totals++;
        if (c.n >= minCell) t.totalsOld++;
        if (decision[i] === PUBLISHED) t.totalsNew++;
      }
    });
    for (const leaks of [oldLeaks, newLeaks]) {
      for (const leak of leaks) {
        const t = byLevel.get(level.get(leak.cell.split('|')[0]!) ?? '?')!;
        if (leaks === oldLeaks) t.oldRecovered++;
        else t.newRecovered++;
      }
    }
    run = [];
  };
  for (const r of demoRows(data)) {
    if (run.length && (r.indicator !== run[0]!.indicator || r.cohort !== run[0]!.cohort)) finish();
    run.push(r);
  }
  finish();

  const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
  const nl = (x: number) => x.toLocaleString('en');
  console.log(
    `National demo data (seed ${DEFAULT_SEED}), threshold ${minCell}, ${pairs} indicator × cohort tables; deciding took ${nl(Math.round(decideMs))} ms in all.\n`,
  );
  console.log(
    '| level | cells | hidden before (< threshold) | of which recovered | hidden now | primary: small | primary: shared outcome | secondary | recovered now | totaal values kept, before → now |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const l of ['land', 'gemeente', 'wijk']) {
    const t = byLevel.get(l);
    if (!t) continue;
    const hidden = t.primary + t.secondary;
    console.log(
      `| ${l} | ${nl(t.cells)} | ${nl(t.old)} (${pct(t.old, t.cells)}) | ${nl(t.oldRecovered)} | ${nl(hidden)} (${pct(hidden, t.cells)}) | ${nl(t.primary - t.attribute)} | ${nl(t.attribute)} | ${nl(t.secondary)} | ${nl(t.newRecovered)} | ${pct(t.totalsOld, t.totals)} → ${pct(t.totalsNew, t.totals)} |`,
    );
  }
  console.log('\nWithout the shared-outcome rule (small groups only, and secondary suppression):\n');
  console.log('| level | hidden | totaal values kept |');
  console.log('| --- | ---: | ---: |');
  for (const l of ['gemeente', 'wijk']) {
    const t = byLevel.get(l);
    if (t) console.log(`| ${l} | ${nl(t.noAttribute)} (${pct(t.noAttribute, t.cells)}) | ${pct(t.totalsNoAttribute, t.totals)} |`);
  }
}

await main();
