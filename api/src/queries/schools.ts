import { FAR_SCHOOLS, isReferentieIndicator, type ComparedValue, type FarSchool, type SchoolsColumn, type SchoolsResponse } from '@gka/shared';
import { furthestFirst } from '../stats/compare.ts';
import type { AreaDetail } from './areas.ts';
import { indicators as allIndicators, listAreas } from './catalogue.ts';
import type { QueryContext } from './context.ts';
import { schoolBands, UNKNOWN_SIMILAR } from './school-bands.ts';
import { valuesView } from './values-view.ts';

/**
 * GET /schools/{gemeente}: one read model for the schools table and the gespreksnotitie. Each
 * indicator with school figures in its latest school year, compared as /values compares them, so
 * the table, the notitie and /values give a school the same verdict. A referentieniveau also
 * compares each school with the schools of Nederland of a similar achterstandsscore (school-bands.ts).
 * With `only`, that school alone (its page): the same figures and verdicts as in its gemeente's table.
 */
export async function schoolsView(ctx: QueryContext, gemeente: AreaDetail, only?: string): Promise<SchoolsResponse> {
  const [indicators, all] = await Promise.all([allIndicators(ctx), listAreas(ctx, { level: 'school', parent: gemeente.code })]);
  const schools = only === undefined ? all : all.filter((s) => s.code === only);
  const candidates = indicators.flatMap(({ cohorts, ...indicator }) => {
    const cohort = cohorts.at(-1);
    return indicator.hasSchools && cohort ? [{ indicator, cohort, cohorts }] : [];
  });
  const views = await Promise.all(
    candidates.map(async ({ indicator, cohort, cohorts }) => ({
      indicator,
      cohort,
      view: await valuesView(ctx, { ...indicator, cohorts }, cohort, { level: 'school', dimension: 'totaal', parent: { areas: [gemeente] } }),
      bands: isReferentieIndicator(indicator.code) ? await schoolBands(ctx, indicator.code, cohort.code) : null,
    })),
  );
  const wanted = new Set(schools.map((s) => s.code));
  const present = views.flatMap(({ indicator, cohort, view, bands }) => {
    const rows: (ComparedValue & Pick<SchoolsResponse['schools'][number]['values'][number], 'similar'>)[] = view.data
      .filter((v) => v.group === 'totaal' && wanted.has(v.area))
      .map((v) => (bands ? { ...v, similar: bands.bySchool.get(v.area) ?? UNKNOWN_SIMILAR } : v));
    const column: SchoolsColumn = bands ? { indicator, cohort, similar: { scoreCohort: bands.scoreCohort, bands: bands.bands } } : { indicator, cohort };
    return rows.length > 0 ? [{ column, rows }] : [];
  });

  const bySchool = new Map<string, SchoolsResponse['schools'][number]['values']>();
  for (const { column, rows } of present)
    for (const r of rows) bySchool.set(r.area, [...(bySchool.get(r.area) ?? []), { ...r, indicator: column.indicator.code }]);
  const sectorOf = new Map(schools.map((s) => [s.code, s.school?.sector]));
  const published = schools.filter((s) => bySchool.get(s.code)?.some((v) => v.value !== null));

  return {
    gemeente: { code: gemeente.code, name: gemeente.name },
    columns: present.map((p) => p.column),
    schools: schools.map((school) => ({ school, values: bySchool.get(school.code) ?? [] })),
    counts: {
      po: published.filter((s) => s.school?.sector === 'po').length,
      vo: published.filter((s) => s.school?.sector === 'vo').length,
    },
    far: (only === undefined ? present : [])
      // A share without a better direction (havo/vwo in leerjaar 3) follows the streams a school offers, not how it does.
      .filter(({ column }) => column.indicator.unit === 'percentage' && column.indicator.higherIsBetter !== null)
      .flatMap(({ column, rows }) =>
        rows.flatMap((r): FarSchool[] => {
          const c = r.comparisons.find((x) => x.kind === 'gemeente');
          const sector = sectorOf.get(r.area);
          if (!c || c.difference === null || !sector) return [];
          return [{ ...r, sector, indicator: column.indicator.code, difference: c.difference, significance: c.significance }];
        }),
      )
      .sort((a, b) => furthestFirst(a, b) || a.name.localeCompare(b.name, 'nl'))
      .slice(0, FAR_SCHOOLS),
  };
}
