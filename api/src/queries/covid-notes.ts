import { isSchoolYearCohort, schoolYearCode, type Cohort, type IndicatorCohort } from '@gka/shared';
import type { Db } from '../db/connect.ts';

type Note = { note: string; missing: boolean; rulesChanged: boolean };
/** Per indicator, per school year: what COVID did to its figures (table covid_note). */
export type CovidNotes = Map<string, Map<string, Note>>;

export async function listCovidNotes(db: Db): Promise<CovidNotes> {
  const rows = await db.selectFrom('covid_note').select(['indicator', 'school_year', 'note', 'missing', 'rules_changed']).orderBy('school_year').execute();
  const out: CovidNotes = new Map();
  for (const r of rows) {
    if (!out.has(r.indicator)) out.set(r.indicator, new Map());
    out.get(r.indicator)!.set(r.school_year, { note: r.note, missing: r.missing, rulesChanged: r.rules_changed });
  }
  return out;
}

/**
 * The cohort as one indicator has it: touched by COVID when a school year it pools has a note for
 * the indicator, with changed rules when one of them had. A pooled cohort with a year that has no
 * figures says which years its figures cover.
 */
export function indicatorCohort(cohort: Cohort, notes: Map<string, Note> | undefined): IndicatorCohort {
  const found = cohort.schoolYears.flatMap((y) => {
    const n = notes?.get(y);
    return n ? [{ year: y, ...n }] : [];
  });
  if (found.length === 0) return { ...cohort, covid: false, note: null };
  const missing = new Set(found.filter((n) => n.missing).map((n) => n.year));
  const rest = cohort.schoolYears.filter((y) => !missing.has(y));
  const cover = missing.size && rest.length ? ` De cijfers van dit cohort gaan alleen over schooljaar ${rest.join(' en ')}.` : '';
  // A year without figures (no heroverweging in 2020) changes nothing in the figures the cohort has.
  const rulesChanged = found.some((n) => n.rulesChanged && !n.missing);
  return { ...cohort, covid: true, note: found.map((n) => n.note).join(' ') + cover, ...(rulesChanged ? { rulesChanged } : {}) };
}

const startYear = (c: IndicatorCohort) => Number(c.schoolYears[0]?.slice(0, 4));

/**
 * The time axis a trend draws for an indicator counted per school year: its cohorts, and every school
 * year between the first and the last that has no figures, as an empty point, so the axis never closes
 * a gap (no eindtoets in 2020, a year not published or not loaded). A year without figures for a known
 * reason carries its COVID note. Other indicators (two-year GKA cohorts) keep their own cohorts.
 */
export function trendAxis(own: readonly IndicatorCohort[], notes: Map<string, Note> | undefined): IndicatorCohort[] {
  const [first, last] = [own[0], own.at(-1)];
  if (!first || !last || first === last || !own.every((c) => isSchoolYearCohort(c.code) && c.schoolYears.length === 1)) return [...own];
  const byYear = new Map(own.map((c) => [startYear(c), c]));
  const axis: IndicatorCohort[] = [];
  for (let y = startYear(first); y <= startYear(last); y++) {
    const schoolYear = `${y}-${y + 1}`;
    const note = notes?.get(schoolYear);
    axis.push(
      byYear.get(y) ?? {
        code: schoolYearCode(schoolYear),
        label: `Schooljaar ${schoolYear}`,
        schoolYears: [schoolYear],
        pooled: [],
        covid: note !== undefined,
        // Figures that do not exist say why; others were not published or not loaded.
        note: note?.missing ? note.note : [note?.note, 'Voor dit schooljaar zijn geen cijfers geladen.'].filter(Boolean).join(' '),
      },
    );
  }
  return axis;
}
