import { useEffect, useRef, useState } from 'react';
import { LngLatBounds, Map as MlMap, NavigationControl, prewarm, setWorkerUrl, type MapLayerMouseEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MAP_BACKGROUND, NO_DATA_COLOUR, PALETTE } from '../../lib/scale.ts';
import type { AreaMapProps } from './AreaMap.tsx';
import type { Wake } from './SvgMap.tsx';
import { MapTooltip } from './Tooltip.tsx';

// MapLibre GL 6 loads its worker from a separate file; without this the canvas stays blank.
setWorkerUrl(workerUrl);
// Start the workers now, not when the first map is created.
prewarm();

const SOURCE = 'areas';

/** fill-color from feature-state `step` (an index into the palette); no step = no data. */
const fillColour = (palette: readonly string[]) => ['match', ['coalesce', ['feature-state', 'step'], -1], ...palette.flatMap((c, i) => [i, c]), NO_DATA_COLOUR];

function bounds(fc: AreaMapProps['geojson']): LngLatBounds {
  const b = new LngLatBounds();
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') b.extend([c[0], c[1] as number]);
    else if (Array.isArray(c)) c.forEach(visit);
  };
  for (const f of fc.features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return b;
}

type Hover = { code: string; x: number; y: number };

/**
 * MapLibre choropleth on a plain background (no tile server, no glyphs). Colours come from
 * feature-state, so switching indicator only sets states; the source is added once per geometry.
 */
export default function MapCanvas({
  geojson,
  steps,
  palette = PALETTE,
  emphasised,
  tooltip,
  onSelect,
  label,
  height = 520,
  wake,
  onReady,
}: AreaMapProps & {
  /** Taking over from the SVG map: what the user did there, done once this map shows the same view. */
  wake?: Wake;
  /** Called when this map shows the SVG map's view, coloured, so that it can go. */
  onReady?: () => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MlMap | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [hover, setHover] = useState<Hover | null>(null);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const takeOver = useRef(wake && { wake, onReady });

  useEffect(() => {
    const map = new MlMap({
      container: container.current!,
      style: { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': MAP_BACKGROUND } }] },
      bounds: bounds(geojson),
      fitBoundsOptions: { padding: 16 },
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      locale: { 'Map.Title': 'Kaart', 'NavigationControl.ZoomIn': 'Inzoomen', 'NavigationControl.ZoomOut': 'Uitzoomen' },
    });
    // The table next to the map is the keyboard and screen-reader route; the canvas itself is not.
    map.keyboard.disable();
    map.getCanvas().tabIndex = -1;
    map.getCanvas().setAttribute('aria-hidden', 'true');
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    mapRef.current = map;
    map.on('load', () => {
      map.addSource(SOURCE, { type: 'geojson', data: geojson, promoteId: 'code' });
      map.addLayer({ id: 'fill', type: 'fill', source: SOURCE, paint: { 'fill-color': fillColour(PALETTE) as never, 'fill-opacity': 0.95 } });
      map.addLayer({
        id: 'outline',
        type: 'line',
        source: SOURCE,
        paint: {
          'line-color': [
            'case',
            ['boolean', ['feature-state', 'hover'], false],
            '#d95f02',
            ['boolean', ['feature-state', 'emph'], false],
            '#1a1a1a',
            '#ffffff',
          ],
          'line-width': ['case', ['boolean', ['feature-state', 'hover'], false], 3, ['boolean', ['feature-state', 'emph'], false], 2.2, 0.6],
        },
      });
      setLoaded(true);
    });
    let hovered: string | null = null;
    const setHovered = (code: string | null) => {
      if (hovered) map.setFeatureState({ source: SOURCE, id: hovered }, { hover: false });
      hovered = code;
      if (code) map.setFeatureState({ source: SOURCE, id: code }, { hover: true });
    };
    map.on('mousemove', 'fill', (e: MapLayerMouseEvent) => {
      const code = e.features?.[0]?.properties?.code as string | undefined;
      if (!code) return;
      if (code !== hovered) setHovered(code);
      map.getCanvas().style.cursor = onSelectRef.current ? 'pointer' : '';
      setHover({ code, x: e.point.x, y: e.point.y });
    });
    map.on('mouseleave', 'fill', () => {
      setHovered(null);
      map.getCanvas().style.cursor = '';
      setHover(null);
    });
    map.on('click', 'fill', (e: MapLayerMouseEvent) => {
      const code = e.features?.[0]?.properties?.code as string | undefined;
      if (code) onSelectRef.current?.(code);
    });
    return () => {
      map.remove();
      mapRef.current = null;
      setLoaded(false);
    };
  }, [geojson]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    map.setPaintProperty('fill', 'fill-color', fillColour(palette) as never);
    for (const f of geojson.features) {
      const code = f.properties.code;
      map.setFeatureState({ source: SOURCE, id: code }, { step: steps.get(code) ?? null, emph: emphasised?.has(code) ?? false });
    }
    // A performance mark when the new colours are on screen: the recolour budget (≤ 300 ms, BENCHMARKS.md).
    map.once('idle', () => {
      performance.mark('gka:map-coloured');
      const t = takeOver.current;
      if (!t) return;
      takeOver.current = undefined;
      // Dragged on the SVG map while this one loaded: the same offset, drawn, before the SVG goes.
      const [dx, dy] = t.wake.pan ?? [0, 0];
      if (dx || dy) map.panBy([-dx, -dy], { animate: false });
      map.once('idle', () => {
        t.onReady?.();
        const { zoom, around } = t.wake;
        if (zoom) map.easeTo({ zoom: map.getZoom() + zoom, ...(around && { around: map.unproject(around) }) });
      });
      map.triggerRepaint();
    });
  }, [geojson, steps, palette, emphasised, loaded]);

  return (
    <div className="map" style={{ height }}>
      <div ref={container} className="map__canvas" data-testid="map-canvas" />
      {hover && <MapTooltip lines={tooltip(hover.code)} x={hover.x} y={hover.y} />}
      <span className="visually-hidden">{label}</span>
    </div>
  );
}
