import { useMemo } from 'react';
import type { Indicator, IndicatorCohort } from '@gka/shared';
import { useIndicators } from '../../api/hooks.ts';

/**
 * Resolves an indicator and cohort chosen in the URL against the catalogue: an unknown or missing
 * indicator falls back to the first (unless `fallbackToFirst` is false), a cohort without values to
 * the indicator's latest.
 */
export function useIndicatorChoice(indicatorCode: string | undefined, cohortCode: string | undefined, fallbackToFirst = true) {
  const indicators = useIndicators();
  // Only indicators that hold values: the catalogue also lists those not imported yet.
  const list = useMemo(() => (indicators.data?.data ?? []).filter((i) => i.cohorts.length > 0), [indicators.data]);
  const indicator: Indicator | undefined = list.find((i) => i.code === indicatorCode) ?? (fallbackToFirst ? list[0] : undefined);
  const own = indicator?.cohorts ?? [];
  const cohort: IndicatorCohort | undefined = own.find((c) => c.code === cohortCode) ?? indicator?.pools.find((c) => c.code === cohortCode) ?? own.at(-1);
  return {
    indicators: list,
    /** The indicator's own cohorts. */
    cohorts: own,
    indicator,
    cohort,
    error: indicators.error,
    isLoading: indicators.isLoading,
    refetch: () => void indicators.refetch(),
  };
}
