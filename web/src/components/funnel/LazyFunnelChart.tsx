import { lazy, Suspense, type ComponentProps } from 'react';
import { Loading } from '../status/Status.tsx';

const Inner = lazy(() => import('./FunnelChart.tsx').then((m) => ({ default: m.FunnelChart })));

/** The funnel plot in a chunk of its own, as the charts are: it sits low on its pages and the initial load has a budget. */
export function FunnelChart(props: ComponentProps<typeof Inner>) {
  return (
    <Suspense fallback={<Loading what="het trechterdiagram" />}>
      <Inner {...props} />
    </Suspense>
  );
}
