import { lazy, Suspense, type ReactNode } from 'react';
import type { AreaFeatureCollection } from '../../api/geo.ts';
import { Loading } from '../status/Status.tsx';

export type AreaMapProps = {
  geojson: AreaFeatureCollection;
  /** Colour step 0–4 per area code; missing = no data. */
  steps: Map<string, number>;
  /** Areas drawn with a thick outline (GKA gemeenten). */
  emphasised?: Set<string>;
  tooltip: (code: string) => ReactNode;
  onSelect?: (code: string) => void;
  /** What the map shows, for screen readers (the table next to it carries the data). */
  label: string;
  height?: number;
};

// MapLibre is large: it loads in its own chunk when a map is first shown.
const MapCanvas = lazy(() => import('./MapCanvas.tsx'));

export function AreaMap(props: AreaMapProps) {
  return (
    <Suspense fallback={<Loading what="de kaart" />}>
      <MapCanvas {...props} />
    </Suspense>
  );
}
