import { sql } from 'kysely';
import { MixDimension, type Indicator } from '@gka/shared';
import type { Db } from '../db/connect.ts';

function selectIndicators(db: Db) {
  return db
    .selectFrom('indicator as i')
    .select([
      'i.code',
      'i.name',
      'i.definition',
      'i.numerator_definition as numeratorDefinition',
      'i.denominator_definition as denominatorDefinition',
      'i.unit',
      'i.higher_is_better as higherIsBetter',
      'i.source',
      'i.defined_by as definedBy',
    ])
    .orderBy('i.sort_order')
    .orderBy('i.code');
}

export type IndicatorRow = Omit<Indicator, 'cohorts' | 'pools' | 'synthetic'> & { cohorts: string[]; pools: string[] };

// Wijk codes sort between 'WK' and 'WL': one short index range per cohort (scalar subqueries, never a scan).
const hasAreasFrom = (from: string, to: string) => sql<boolean>`(select true from cohort c where c.pooled = '{}' and (select true from measure m
    where m.indicator = i.code and m.cohort = c.code and m.dimension = 'totaal' and m.area_code >= ${from} and m.area_code < ${to} limit 1) limit 1) is not null`;
const hasWijken = hasAreasFrom('WK', 'WL');
// School codes likewise sort between 'SC' and 'SD'.
const hasSchools = hasAreasFrom('SC', 'SD');

// The mix breakdowns with values in some cohort (an index probe per cohort and breakdown).
const breakdownsWithValues = sql<MixDimension[]>`array(
    select d from unnest(${sql.val(MixDimension.options)}::text[]) with ordinality as x(d, o)
    where i.unit = 'percentage' and d is distinct from i.defined_by
      and exists (select 1 from cohort c where exists (select 1 from measure m where m.indicator = i.code and m.cohort = c.code and m.dimension = d))
    order by o)`;

const cohortsWithValues = (pooled: boolean) =>
  sql<string[]>`array(
    select c.code from cohort c
    where (c.pooled <> '{}') = ${pooled} and exists (select 1 from measure m where m.indicator = i.code and m.cohort = c.code)
    order by c.sort_order, c.code)`;

/** Every indicator with the codes of the cohorts and pooled periods that hold values for it (an index probe per pair). */
export function listIndicators(db: Db): Promise<IndicatorRow[]> {
  return selectIndicators(db)
    .select([
      cohortsWithValues(false).as('cohorts'),
      cohortsWithValues(true).as('pools'),
      hasWijken.as('hasWijken'),
      hasSchools.as('hasSchools'),
      breakdownsWithValues.as('mixDimensions'),
    ])
    .execute();
}
