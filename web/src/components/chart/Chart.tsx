import { lazy, Suspense } from 'react';
import type { ChartOption } from './echarts.ts';
import { Loading } from '../status/Status.tsx';

export type ChartProps = {
  option: ChartOption;
  height: number;
  /** Short description for screen readers; the table next to every chart carries the numbers. */
  label: string;
};

// ECharts loads in its own chunk when a chart is first shown.
const EChart = lazy(() => import('./EChart.tsx'));

export function Chart(props: ChartProps) {
  return (
    <Suspense fallback={<Loading what="de grafiek" />}>
      <EChart {...props} />
    </Suspense>
  );
}
