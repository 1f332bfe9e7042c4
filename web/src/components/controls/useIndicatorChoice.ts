import { useMemo } from 'react';
import type { Cohort, Indicator } from '@gka/shared';
import { useCohorts, useIndicators } from '../../api/hooks.ts';

/**
 * Resolves an indicator and cohort chosen in the URL against the catalogue: an unknown or missing
 * indicator falls back to the first (unless `fallbackToFirst` is false), a cohort without values to
 * the indicator's latest.
 */
export function useIndicatorChoice(indicatorCode: string | undefined, cohortCode: string | undefined, fallbackToFirst = true) {
  const indicators = useIndicators();
  const cohorts = useCohorts();
  // Only indicators that hold values: the catalogue also lists those not imported yet.
  const list = useMemo(() => (indicators.data?.data ?? []).filter((i) => i.cohorts.length > 0), [indicators.data]);
  const indicator: Indicator | undefined =
    list.find((i) => i.code === indicatorCode) ?? (fallbackToFirst ? list[0] : undefined);
  const cohortCodes = indicator?.cohorts ?? [];
  const cohortCodeResolved = cohortCode && cohortCodes.includes(cohortCode) ? cohortCode : cohortCodes.at(-1);
  const cohort: Cohort | undefined = cohorts.data?.data.find((c) => c.code === cohortCodeResolved);
  return {
    indicators: list,
    cohorts: cohorts.data?.data ?? [],
    indicator,
    cohort,
    error: indicators.error ?? cohorts.error,
    isLoading: indicators.isLoading || cohorts.isLoading,
    refetch: () => {
      void indicators.refetch();
      void cohorts.refetch();
    },
  };
}
