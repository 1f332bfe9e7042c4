/** Cohort rows for DUO school years; the DUO importer knows which of its years COVID disturbed. */
export type SchoolYearCohort = { code: string; label: string; school_years: string[]; covid: boolean; note: string | null; sort_order: number };

const COVID_NOTES: Record<string, string> = {
  '2019-2020':
    'Coronajaar: in 2020 gingen de centrale examens in het vo niet door (slagen op het schoolexamen alleen) en werd de eindtoets in groep 8 afgelast. Slagingspercentages liggen daardoor hoger dan in andere jaren.',
  '2020-2021':
    'Coronajaar: de eindtoets van 2020 ging niet door en in 2021 waren de vo-examens makkelijker te halen (extra herkansing, een vak mocht wegvallen). Vergelijk met voorzichtigheid.',
};

export function schoolYearCohort(year: string): SchoolYearCohort {
  return {
    code: year,
    label: `Schooljaar ${year}`,
    school_years: [year],
    covid: year in COVID_NOTES,
    note: COVID_NOTES[year] ?? null,
    sort_order: Number(year.slice(0, 4)),
  };
}
