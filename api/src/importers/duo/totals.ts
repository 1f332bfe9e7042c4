import { NATIONAL_CODE } from '@gka/shared';

export type MeasureRow = { indicator: string; cohort: string; dimension: string; grp: string; area_code: string; numerator: number; denominator: number };

/** What a DUO file held that no imported gemeente could take, with its weight, so nothing disappears silently. */
export type Unmapped = { indicator: string; gemeente: string; rows: number; count: number };

/**
 * Sums numerators and denominators per measure key and per gemeente, and always into Nederland (NL01):
 * the national figure covers every school, also those whose gemeente could not be mapped. A row of a
 * school placed in a gemeente counts for that school too, so a gemeente is the sum of its schools.
 */
export class Totals {
  private readonly sums = new Map<string, MeasureRow>();
  private readonly missing = new Map<string, Unmapped>();

  add(indicator: string, cohort: string, dimension: string, grp: string, area: string | null, numerator: number, denominator: number, school?: string): void {
    for (const code of area ? (school ? [school, area, NATIONAL_CODE] : [area, NATIONAL_CODE]) : [NATIONAL_CODE]) {
      const key = `${indicator}|${cohort}|${dimension}|${grp}|${code}`;
      const row = this.sums.get(key);
      if (row) {
        row.numerator += numerator;
        row.denominator += denominator;
      } else this.sums.set(key, { indicator, cohort, dimension, grp, area_code: code, numerator, denominator });
    }
  }

  /** Records one source row that could not be placed; `count` is its pupils or candidates. */
  unmapped(indicator: string, gemeente: string, count: number): void {
    const key = `${indicator}|${gemeente}`;
    const u = this.missing.get(key) ?? { indicator, gemeente, rows: 0, count: 0 };
    u.rows++;
    u.count += count;
    this.missing.set(key, u);
  }

  /** Numerators may be sums of averages × pupils: rounded here, once, after summing. */
  rows(): MeasureRow[] {
    return [...this.sums.values()].map((r) => ({ ...r, numerator: Math.round(r.numerator) }));
  }

  unmappedReport(): Unmapped[] {
    return [...this.missing.values()].sort((a, b) => b.count - a.count || a.gemeente.localeCompare(b.gemeente));
  }
}
