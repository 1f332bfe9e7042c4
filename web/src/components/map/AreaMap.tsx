import { lazy, Suspense, type ReactNode } from 'react';
import type { AreaFeatureCollection } from '../../api/geo.ts';
import { Loading } from '../status/Status.tsx';

export type AreaMapProps = {
  geojson: AreaFeatureCollection;
  /** Colour step per area code, an index into `palette`; missing = no data. */
  steps: Map<string, number>;
  /** Colours by step; the sequential five-step palette unless given. */
  palette?: readonly string[];
  /** Areas drawn with a thick outline (GKA gemeenten). */
  emphasised?: Set<string>;
  tooltip: (code: string) => ReactNode;
  onSelect?: (code: string) => void;
  /** What the map shows, for screen readers (the table next to it carries the data). */
  label: string;
  height?: number;
};

// MapLibre is large: it loads in its own chunk. Views with a map call preloadMap() when they mount,
// so the chunk downloads while their data is still on its way.
let chunk: Promise<typeof import('./MapCanvas.tsx')> | undefined;
export const preloadMap = () => (chunk ??= import('./MapCanvas.tsx'));
const MapCanvas = lazy(preloadMap);

export function AreaMap(props: AreaMapProps) {
  return (
    <Suspense fallback={<Loading what="de kaart" />}>
      <MapCanvas {...props} />
    </Suspense>
  );
}
