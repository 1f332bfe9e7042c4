import { decideDisclosure, PUBLISHED, SLOT_KEYS, slotOf, type TableCell } from './decide.ts';
import { summarise, type DisclosureBasis, type Pair, type PairSummary } from './store.ts';

const SLOTS = SLOT_KEYS.length;

/** One indicator × cohort: counts by (area, group) in dense arrays, with the file line of each cell (0: absent). */
type Dense = { pair: Pair; k: Float64Array; n: Int32Array; line: Int32Array; kept: Map<number, boolean> };

export type KeptChange = { indicator: string; cohort: string; dimension: string; grp: string; area_code: string; hidden: boolean };

/**
 * The tables a large values file writes, collected while its lines are parsed, so the disclosure of
 * a national file is decided without reading three million rows back from Postgres. Cells are dense
 * per indicator × cohort (every area of the catalogue × 12 groups: ~45k cells, ~0.7 MB a table).
 */
export class FileTables {
  private readonly areaIndex: Map<string, number>;
  private readonly areas: string[];
  private readonly tables = new Map<string, Dense>();
  // Lines come grouped by indicator and cohort in practice: the last table saves a lookup per line.
  private last: Dense | undefined;

  constructor(areas: Iterable<string>) {
    this.areas = [...areas];
    this.areaIndex = new Map(this.areas.map((a, i) => [a, i]));
  }

  /** A validated line of the file (codes exist, the group belongs to the dimension). */
  add(indicator: string, cohort: string, area: string, dimension: string, group: string, k: number, n: number, line: number): void {
    let t = this.last;
    if (!t || t.pair.indicator !== indicator || t.pair.cohort !== cohort) {
      const key = `${indicator}|${cohort}`;
      t = this.tables.get(key);
      if (!t) {
        const size = this.areas.length * SLOTS;
        t = { pair: { indicator, cohort }, k: new Float64Array(size), n: new Int32Array(size), line: new Int32Array(size), kept: new Map() };
        this.tables.set(key, t);
      }
      this.last = t;
    }
    const i = this.areaIndex.get(area)! * SLOTS + slotOf(dimension, group)!;
    t.k[i] = k;
    t.n[i] = n;
    t.line[i] = line;
  }

  pairs(): Pair[] {
    const byKey = (a: Pair, b: Pair) => (a.indicator === b.indicator ? (a.cohort < b.cohort ? -1 : 1) : a.indicator < b.indicator ? -1 : 1);
    return [...this.tables.values()].map((t) => t.pair).sort(byKey);
  }

  /** A row already in `measure` for a pair of the file: it stays unless the file has the same key. */
  addKept(pair: Pair, area: string, dimension: string, group: string, k: number, n: number, hidden: boolean): void {
    const t = this.tables.get(`${pair.indicator}|${pair.cohort}`)!;
    const a = this.areaIndex.get(area);
    if (a === undefined) return;
    const i = a * SLOTS + slotOf(dimension, group)!;
    if (t.line[i] !== 0) return;
    t.k[i] = k;
    t.n[i] = n;
    t.line[i] = -1;
    t.kept.set(i, hidden);
  }

  /**
   * Decides every table: the file lines to write hidden (as a bitmap over line numbers, for
   * Postgres's get_bit), and the kept rows whose flag changes.
   */
  decide(basis: DisclosureBasis, lines: number): { hiddenLines: Buffer; keptChanges: KeptChange[]; summaries: PairSummary[] } {
    const hiddenLines = Buffer.alloc((lines >> 3) + 1);
    const keptChanges: KeptChange[] = [];
    const summaries: PairSummary[] = [];
    for (const pair of this.pairs()) {
      const t = this.tables.get(`${pair.indicator}|${pair.cohort}`)!;
      const at: number[] = [];
      const cells: TableCell[] = [];
      for (let i = 0; i < t.line.length; i++) {
        if (t.line[i] === 0) continue;
        const slot = SLOT_KEYS[i % SLOTS]!;
        at.push(i);
        cells.push({ area: this.areas[Math.floor(i / SLOTS)]!, dimension: slot.dimension, group: slot.group, k: t.k[i]!, n: t.n[i]! });
      }
      const decision = decideDisclosure(cells, basis.parentOf, basis.rulesFor(pair.indicator));
      summaries.push(summarise(pair, decision));
      at.forEach((i, c) => {
        const hidden = decision[c] !== PUBLISHED;
        const line = t.line[i]!;
        // get_bit numbers the bits of a byte from the least significant one.
        if (line > 0 && hidden) hiddenLines[line >> 3]! |= 1 << (line & 7);
        if (line < 0 && t.kept.get(i) !== hidden) {
          const { dimension, group } = SLOT_KEYS[i % SLOTS]!;
          keptChanges.push({ ...pair, dimension, grp: group, area_code: this.areas[Math.floor(i / SLOTS)]!, hidden });
        }
      });
    }
    return { hiddenLines, keptChanges, summaries };
  }
}
