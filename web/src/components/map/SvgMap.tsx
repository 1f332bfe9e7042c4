import { useCallback, useEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
import { MAP_BACKGROUND, NO_DATA_COLOUR, PALETTE } from '../../lib/scale.ts';
import type { AreaMapProps } from './AreaMap.tsx';
import { neighbour, projectAreas, type Direction } from './project.ts';
import { MapTooltip } from './Tooltip.tsx';

/**
 * What the user asked of the map that the SVG cannot do: MapLibre starts on the SVG's view and then does
 * it. `pan` (pixels the map was dragged) keeps growing while the drag goes on and MapLibre loads.
 */
export type Wake = { zoom?: number; around?: [number, number]; pan?: [number, number] };

/** Pixels a pointer moves with its button down before it counts as a drag, not a click. */
const DRAG = 4;
const KEYS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

type Tip = { code: string; x: number; y: number };

/**
 * The map drawn by the browser as SVG, in the projection and frame MapLibre uses (MapCanvas): fast to
 * show, since it needs neither MapLibre's megabyte nor WebGL. Every area is a link with its tooltip's
 * lines as its name; one tab stop, the arrow keys move to the neighbouring area. Zooming or dragging
 * calls `onWake`, and AreaMap lays MapLibre over it.
 */
export function SvgMap({
  geojson,
  steps,
  palette = PALETTE,
  emphasised,
  tooltip,
  onSelect,
  href,
  label,
  height = 520,
  onWake,
  onShown,
}: AreaMapProps & { onWake: (wake: Wake) => void; onShown?: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  const [active, setActive] = useState<string>();
  const [shift, setShift] = useState<[number, number] | null>(null);
  const drag = useRef<{ x: number; y: number; wake?: Wake; moved: boolean } | null>(null);
  const woken = useRef(false);
  const shown = useRef(onShown);
  shown.current = onShown;
  const wakeRef = useRef(onWake);
  wakeRef.current = onWake;
  // Once: MapLibre is then on its way, and does what was asked first.
  const wake = useCallback((w: Wake) => {
    if (woken.current) return;
    woken.current = true;
    wakeRef.current(w);
  }, []);

  const map = useMemo(() => projectAreas(geojson.features), [geojson]);
  const byCode = useMemo(() => new Map(map.areas.map((a) => [a.code, a])), [map]);
  const focusable = active && byCode.has(active) ? active : map.areas[0]?.code;

  // The areas change with the colours or the figures, not with the pointer: hovering re-renders only the outline.
  const areas = useMemo(
    () =>
      map.areas.map(({ code, d }) => {
        const step = steps.get(code);
        const fill = step === undefined ? NO_DATA_COLOUR : (palette[step] ?? NO_DATA_COLOUR);
        const name = tooltip(code).join(', ');
        return href ? (
          <a key={code} href={href(code)} data-code={code} aria-label={name} tabIndex={code === focusable ? 0 : -1}>
            <path d={d} fill={fill} />
          </a>
        ) : (
          <path key={code} d={d} fill={fill} data-code={code} role="img" aria-label={name} tabIndex={code === focusable ? 0 : -1} />
        );
      }),
    [map, steps, palette, tooltip, href, focusable],
  );
  const outlines = useMemo(() => map.areas.filter((a) => emphasised?.has(a.code)).map((a) => <path key={a.code} d={a.d} />), [map, emphasised]);

  // The mark the recolour and first-map budgets are measured by (BENCHMARKS.md): after the frame with these colours.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(
      () =>
        (timer = setTimeout(() => {
          performance.mark('gka:map-coloured');
          shown.current?.();
        })),
    );
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [map, steps, palette]);

  // A wheel turned over the map zooms it, not the page: a listener that may prevent the default.
  useEffect(() => {
    const el = svg.current!;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = box.current!.getBoundingClientRect();
      wake({ zoom: e.deltaY < 0 ? 1 : -1, around: [e.clientX - r.left, e.clientY - r.top] });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [wake]);

  const codeAt = (target: EventTarget) => (target as Element).closest?.('[data-code]')?.getAttribute('data-code') ?? null;
  const inBox = (clientX: number, clientY: number): [number, number] => {
    const r = box.current!.getBoundingClientRect();
    return [clientX - r.left, clientY - r.top];
  };

  const onPointerDown = (e: PointerEvent) => {
    if (e.button === 0) drag.current = { x: e.clientX, y: e.clientY, moved: false };
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (d && e.buttons & 1) {
      const pan: [number, number] = [e.clientX - d.x, e.clientY - d.y];
      if (!d.moved && Math.hypot(...pan) < DRAG) return;
      if (!d.moved) {
        d.moved = true;
        e.currentTarget.setPointerCapture(e.pointerId);
        setTip(null);
        d.wake = { pan };
        wake(d.wake);
      }
      if (d.wake) d.wake.pan = pan;
      setShift(pan);
      return;
    }
    const code = codeAt(e.target);
    setTip(code ? { code, ...xy(inBox(e.clientX, e.clientY)) } : null);
  };
  const onPointerUp = () => {
    // A drag ends in a click on whatever is under the pointer: that click is not a choice.
    if (drag.current?.moved) setTimeout(() => (drag.current = null));
    else drag.current = null;
  };
  const onClick = (e: MouseEvent) => {
    const code = codeAt(e.target);
    if (drag.current?.moved) e.preventDefault();
    else if (code && onSelect && !(e.ctrlKey || e.metaKey || e.shiftKey || e.altKey)) {
      e.preventDefault();
      onSelect(code);
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === '+' || e.key === '=' || e.key === '-') {
      e.preventDefault();
      wake({ zoom: e.key === '-' ? -1 : 1 });
      return;
    }
    const direction = KEYS[e.key];
    const from = codeAt(e.target);
    if (!direction || !from) return;
    e.preventDefault();
    const next = neighbour(map.areas, from, direction);
    if (next) {
      setActive(next);
      svg.current!.querySelector<SVGElement>(`[data-code="${next}"]`)?.focus();
    }
  };
  // Focus shows the same tooltip as hovering, beside the area's centre.
  const onFocus = (e: FocusEvent) => {
    const code = codeAt(e.target);
    const area = code ? byCode.get(code) : undefined;
    const m = svg.current!.getScreenCTM();
    if (!code || !area || !m) return;
    setActive(code);
    const p = new DOMPoint(...area.centre).matrixTransform(m);
    setTip({ code, ...xy(inBox(p.x, p.y)) });
  };

  const highlighted = tip ? byCode.get(tip.code) : undefined;
  return (
    <div ref={box} className="map map--svg" style={{ height, background: MAP_BACKGROUND }} data-testid="map-canvas">
      <svg
        ref={svg}
        className="map__svg"
        viewBox={`0 0 ${map.width} ${map.height}`}
        role="group"
        aria-label={label}
        style={shift ? { transform: `translate(${shift[0]}px, ${shift[1]}px)` } : undefined}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerLeave={() => {
          if (!drag.current?.moved) setTip(null);
        }}
        onClick={onClick}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={() => setTip(null)}
      >
        <g className="map__areas" fillOpacity={0.95} stroke="#fff" strokeWidth={0.6}>
          {areas}
        </g>
        <g fill="none" stroke="#1a1a1a" strokeWidth={2.2} pointerEvents="none">
          {outlines}
        </g>
        {highlighted && <path d={highlighted.d} fill="none" stroke="#d95f02" strokeWidth={3} pointerEvents="none" />}
      </svg>
      <div className="map__zoom">
        <button type="button" aria-label="Inzoomen" title="Inzoomen" onClick={() => wake({ zoom: 1 })}>
          +
        </button>
        <button type="button" aria-label="Uitzoomen" title="Uitzoomen" onClick={() => wake({ zoom: -1 })}>
          −
        </button>
      </div>
      {tip && <MapTooltip lines={tooltip(tip.code)} x={tip.x} y={tip.y} />}
    </div>
  );
}

const xy = ([x, y]: [number, number]) => ({ x, y });
