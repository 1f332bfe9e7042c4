/**
 * What a system of linear sums fixes, exactly: a sparse row echelon form over the integers modulo a
 * prime. Sums of hidden cells have coefficients 0 and ±1; a combination the rational system fixes
 * is fixed modulo the prime too, so the check never misses one (in the rare case that the prime
 * divides a pivot it may see one too many, which only hides a cell more).
 */
export const PRIME = 67_108_859; // below 2^26: every product stays an exact double.

const mod = (x: number) => ((x % PRIME) + PRIME) % PRIME;
const mul = (a: number, b: number) => (a * b) % PRIME;

function inverse(a: number): number {
  // Fermat: a^(p-2) mod p.
  let result = 1;
  let base = a;
  for (let e = PRIME - 2; e > 0; e = Math.floor(e / 2)) {
    if (e % 2) result = mul(result, base);
    base = mul(base, base);
  }
  return result;
}

/** A sparse row: columns in increasing order, each with a non-zero coefficient. */
export type Row = { cols: number[]; vals: number[] };

/** A row from (column, coefficient) pairs in any order; coefficients of a column add up. */
export function rowOf(entries: Iterable<readonly [number, number]>): Row {
  const sum = new Map<number, number>();
  for (const [c, v] of entries) sum.set(c, mod((sum.get(c) ?? 0) + v));
  const cols = [...sum.keys()].filter((c) => sum.get(c) !== 0).sort((a, b) => a - b);
  return { cols, vals: cols.map((c) => sum.get(c)!) };
}

/** row − factor × pivot, merged in column order. */
function subtract(row: Row, factor: number, pivot: Row): Row {
  const cols: number[] = [];
  const vals: number[] = [];
  let i = 0;
  let j = 0;
  while (i < row.cols.length || j < pivot.cols.length) {
    const a = i < row.cols.length ? row.cols[i]! : Infinity;
    const b = j < pivot.cols.length ? pivot.cols[j]! : Infinity;
    let v: number;
    let c: number;
    if (a < b) {
      c = a;
      v = row.vals[i++]!;
    } else if (b < a) {
      c = b;
      v = mod(-mul(factor, pivot.vals[j++]!));
    } else {
      c = a;
      v = mod(row.vals[i++]! - mul(factor, pivot.vals[j++]!));
    }
    if (v !== 0) {
      cols.push(c);
      vals.push(v);
    }
  }
  return { cols, vals };
}

const valueAt = (row: Row, column: number): number => {
  let lo = 0;
  let hi = row.cols.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = row.cols[mid]!;
    if (c === column) return row.vals[mid]!;
    if (c < column) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
};

/**
 * Rows kept in echelon form: each pivot row starts at its own column with coefficient 1. Columns are
 * eliminated in number order, so a caller puts the unknowns it wants to eliminate first at low numbers.
 */
export class Echelon {
  private readonly pivots = new Map<number, Row>();

  clone(): Echelon {
    const copy = new Echelon();
    for (const [c, r] of this.pivots) copy.pivots.set(c, r);
    return copy;
  }

  /** Adds a row (its constant side does not matter: only which combinations are fixed). */
  add(input: Row): void {
    let row = input;
    while (row.cols.length) {
      const c = row.cols[0]!;
      const pivot = this.pivots.get(c);
      if (!pivot) {
        const f = inverse(row.vals[0]!);
        this.pivots.set(c, { cols: row.cols, vals: row.vals.map((v) => mul(v, f)) });
        return;
      }
      row = subtract(row, row.vals[0]!, pivot);
    }
  }

  /** How many pivots start in columns for which `test` holds (with columns ordered so, the dimension of what is fixed among them alone). */
  pivotsWhere(test: (column: number) => boolean): number {
    let count = 0;
    for (const c of this.pivots.keys()) if (test(c)) count++;
    return count;
  }

  /** The reduced form (each pivot column appears in its own row only): then what is fixed can be read off. */
  reduce(): Reduced {
    const reduced = new Map<number, Row>();
    for (const c of [...this.pivots.keys()].sort((a, b) => b - a)) {
      let row = this.pivots.get(c)!;
      // Rows of later pivots are reduced already: subtracting one brings in no other pivot column.
      for (const k of row.cols.filter((k) => k !== c && reduced.has(k))) row = subtract(row, valueAt(row, k), reduced.get(k)!);
      reduced.set(c, row);
    }
    return new Reduced(reduced);
  }
}

/** A system in reduced row echelon form. */
export class Reduced {
  constructor(private readonly rows: Map<number, Row>) {}

  /** Whether the value of this one unknown is fixed. */
  fixesColumn(column: number): boolean {
    return this.rows.get(column)?.cols.length === 1;
  }

  /** Whether the combination `vector` is fixed: it is a combination of the rows, namely of those of its pivot columns. */
  fixes(vector: Row): boolean {
    let rest = vector;
    vector.cols.forEach((c, i) => {
      const row = this.rows.get(c);
      if (row) rest = subtract(rest, vector.vals[i]!, row);
    });
    return rest.cols.length === 0;
  }
}
