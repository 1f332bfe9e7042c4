import { FAR_SCHOOLS, type ComparedValue, type FarSchool, type SchoolsResponse } from '@gka/shared';
import { furthestFirst } from '../stats/compare.ts';
import type { AreaDetail } from './areas.ts';
import { indicators as allIndicators, listAreas } from './catalogue.ts';
import type { QueryContext } from './context.ts';
import { valuesView } from './values-view.ts';

/**
 * GET /schools/{gemeente}: one read model for the schools table and the gespreksnotitie. Each
 * indicator with school figures in its latest school year, compared as /values compares them, so
 * the table, the notitie and /values give a school the same verdict.
 */
export async function schoolsView(ctx: QueryContext, gemeente: AreaDetail): Promise<SchoolsResponse> {
  const [indicators, schools] = await Promise.all([allIndicators(ctx), listAreas(ctx, { level: 'school', parent: gemeente.code })]);
  const candidates = indicators.flatMap(({ cohorts, ...indicator }) => {
    const cohort = cohorts.at(-1);
    return indicator.hasSchools && cohort ? [{ indicator, cohort, cohorts }] : [];
  });
  const views = await Promise.all(
    candidates.map(async ({ indicator, cohort, cohorts }) => ({
      indicator,
      cohort,
      view: await valuesView(ctx, { ...indicator, cohorts }, cohort, { level: 'school', dimension: 'totaal', parent: { areas: [gemeente] } }),
    })),
  );
  const present = views.flatMap(({ indicator, cohort, view }) => {
    const rows = view.data.filter((v) => v.group === 'totaal');
    return rows.length > 0 ? [{ column: { indicator, cohort }, rows }] : [];
  });

  const bySchool = new Map<string, (ComparedValue & { indicator: string })[]>();
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
    far: present
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
