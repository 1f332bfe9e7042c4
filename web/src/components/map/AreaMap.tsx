import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { AreaFeatureCollection } from '../../api/geo.ts';
import { Loading } from '../status/Status.tsx';
import { SvgMap, type Wake } from './SvgMap.tsx';

export type AreaMapProps = {
  geojson: AreaFeatureCollection;
  /** Colour step per area code, an index into `palette`; missing = no data. */
  steps: Map<string, number>;
  /** Colours by step; the sequential five-step palette unless given. */
  palette?: readonly string[];
  /** Areas drawn with a thick outline (GKA gemeenten). */
  emphasised?: Set<string>;
  /** An area's tooltip, line by line, its name first: also the area's accessible name on the SVG map. */
  tooltip: (code: string) => string[];
  onSelect?: (code: string) => void;
  /** Where choosing an area leads, for the SVG map's links (opened in a new tab with a modifier key). */
  href?: (code: string) => string;
  /** What the map shows, for screen readers (the table next to it carries the data). */
  label: string;
  height?: number;
};

// MapLibre is large: it loads in its own chunk. Views with a MapLibre map call preloadMap() when they
// mount, so the chunk downloads while their data is still on its way.
let chunk: Promise<typeof import('./MapCanvas.tsx')> | undefined;
export const preloadMap = () => (chunk ??= import('./MapCanvas.tsx'));
const MapCanvas = lazy(preloadMap);

/**
 * A choropleth of areas. Drawn by MapLibre; with `svgFirst` first as SVG (SvgMap), which shows in a
 * fraction of MapLibre's time, and by MapLibre from the first zoom or drag on: MapLibre then loads
 * under the SVG, in the same frame, and takes its place once it has drawn.
 */
export function AreaMap({
  svgFirst = false,
  onShown,
  ...props
}: AreaMapProps & {
  svgFirst?: boolean;
  /** Called once the SVG map's first colours are on screen. */
  onShown?: () => void;
}) {
  const [wake, setWake] = useState<Wake | null>(null);
  const [ready, setReady] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const hadFocus = useRef(false);

  // Fetched when the SVG is on screen and the browser has nothing else to do: a zoom then starts without waiting for it.
  useEffect(() => {
    if (!svgFirst) return;
    if (typeof requestIdleCallback === 'undefined') {
      const timer = setTimeout(() => void preloadMap(), 1000);
      return () => clearTimeout(timer);
    }
    const id = requestIdleCallback(() => void preloadMap(), { timeout: 3000 });
    return () => cancelIdleCallback(id);
  }, [svgFirst]);

  // A keyboard user who zoomed the SVG map continues on MapLibre's zoom buttons.
  useEffect(() => {
    if (ready && hadFocus.current) box.current?.querySelector<HTMLElement>('.maplibregl-ctrl-zoom-in')?.focus();
  }, [ready]);

  if (!svgFirst) {
    return (
      <Suspense fallback={<Loading what="de kaart" />}>
        <MapCanvas {...props} />
      </Suspense>
    );
  }
  return (
    <div ref={box} className="map-swap">
      {wake && (
        <Suspense fallback={null}>
          <MapCanvas
            {...props}
            wake={wake}
            onReady={() => {
              hadFocus.current = !!box.current?.querySelector('.map--svg')?.contains(document.activeElement);
              setReady(true);
            }}
          />
        </Suspense>
      )}
      {!ready && <SvgMap {...props} onWake={setWake} onShown={onShown} />}
    </div>
  );
}
