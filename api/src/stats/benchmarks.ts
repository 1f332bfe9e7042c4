import { estimate, type Estimate, type Unit } from './cells.ts';

export type BenchmarkEstimate = Estimate & { n: number; numerator: number | null; denominator: number | null };

/**
 * A pooled benchmark: counts summed over published cells only, so it tells nothing the cells did
 * not (a pool over hidden cells would reopen them). Null counts: the pool's own cell is hidden.
 */
export function pooled(numerator: number | null, denominator: number | null, areas: number, unit: Unit): BenchmarkEstimate {
  const suppressed = numerator === null || denominator === null;
  const e = estimate({ numerator, denominator, suppressed }, unit);
  return { ...e, n: areas, numerator: suppressed ? null : numerator, denominator: suppressed ? null : denominator };
}

type Counted = { numerator: number | null; denominator: number | null; suppressed: boolean };

/** Published cells summed, and how many there were: a pool of hidden cells would reopen them by subtraction. */
export function sumPublished(cells: Iterable<Counted>): { k: number; n: number; areas: number } {
  const sum = { k: 0, n: 0, areas: 0 };
  for (const c of cells) {
    if (c.suppressed || c.numerator === null || c.denominator === null) continue;
    sum.k += c.numerator;
    sum.n += c.denominator;
    sum.areas++;
  }
  return sum;
}

export function difference(value: number | null, benchmark: number | null): number | null {
  return value === null || benchmark === null ? null : value - benchmark;
}

/** The breakdown whose groups hoog minus laag make the kansenkloof. */
export const KANSENKLOOF_DIMENSION = 'opleiding_ouders' as const;

/** An indicator that breakdown defines (opleidingsmobiliteit) has no kansenkloof: its gap measures the definition. */
export const hasKansenkloof = (indicator: { definedBy: string | null }): boolean => indicator.definedBy !== KANSENKLOOF_DIMENSION;

/** Kansenkloof: opleiding_ouders hoog minus laag; unknown when either is suppressed or missing. */
export function kansenkloof(hoog: number | null | undefined, laag: number | null | undefined): number | null {
  return hoog === null || hoog === undefined || laag === null || laag === undefined ? null : hoog - laag;
}
