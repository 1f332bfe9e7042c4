export type CohortRow = { code: string; label: string; school_years: string[]; sort_order: number };

/**
 * A GKA cohort code `2020-2021` pools the groep-8 school years that end in its two calendar years:
 * 2019-2020 and 2020-2021. Other codes stay as they are, with no school years: nothing here knows
 * what they pool, so no COVID note reaches them either.
 */
export function cohortRow(code: string): CohortRow {
  const m = /^(\d{4})-(\d{4})$/.exec(code);
  const first = m ? Number(m[1]) : NaN;
  if (!m || Number(m[2]) !== first + 1) return { code, label: code, school_years: [], sort_order: Number(code.slice(0, 4)) || 0 };
  return { code, label: `Cohort ${code}`, school_years: [`${first - 1}-${first}`, code], sort_order: first };
}
