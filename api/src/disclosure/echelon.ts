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

/** A sparse row: column → coefficient (never zero). */
export type Row = Map<number, number>;

export function rowOf(entries: Iterable<readonly [number, number]>): Row {
  const row: Row = new Map();
  for (const [c, v] of entries) {
    const x = mod((row.get(c) ?? 0) + v);
    if (x === 0) row.delete(c);
    else row.set(c, x);
  }
  return row;
}

const leading = (row: Row): number => {
  let min = Infinity;
  for (const c of row.keys()) if (c < min) min = c;
  return min;
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
    const row = new Map(input);
    while (row.size) {
      const c = leading(row);
      const pivot = this.pivots.get(c);
      if (!pivot) {
        const f = inverse(row.get(c)!);
        for (const [k, v] of row) row.set(k, mul(v, f));
        this.pivots.set(c, row);
        return;
      }
      subtract(row, row.get(c)!, pivot);
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
      const row = new Map(this.pivots.get(c)!);
      // Rows of later pivots are reduced already, so one pass clears every pivot column but c.
      for (const [k, v] of [...row]) if (k !== c && reduced.has(k)) subtract(row, v, reduced.get(k)!);
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
    return this.rows.get(column)?.size === 1;
  }

  /** Whether the combination `vector` is fixed: it is a combination of the rows, namely of those of its pivot columns. */
  fixes(vector: Row): boolean {
    const rest = new Map(vector);
    for (const [c, v] of vector) {
      const row = this.rows.get(c);
      if (row) subtract(rest, v, row);
    }
    return rest.size === 0;
  }
}

function subtract(row: Row, factor: number, pivot: Row): void {
  for (const [k, v] of pivot) {
    const x = mod((row.get(k) ?? 0) - mul(factor, v));
    if (x === 0) row.delete(k);
    else row.set(k, x);
  }
}
