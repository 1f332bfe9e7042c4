export type Position = [number, number];
export type Polygon = { type: 'Polygon'; coordinates: Position[][] };
export type MultiPolygon = { type: 'MultiPolygon'; coordinates: Position[][][] };
export type AreaGeometry = Polygon | MultiPolygon;

/** 5 decimals of a degree is about 1 m: finer than any CBS boundary needs on screen. */
const DECIMALS = 5;
/**
 * Douglas-Peucker tolerance in degrees (about 20 m for wijken, 55 m for gemeenten): invisible at the
 * zoom levels each layer is shown at, and it keeps the national wijk layer small enough for one request.
 */
export const TOLERANCE = { gemeente: 0.0005, wijk: 0.0002 } as const;

const round = (v: number) => Math.round(v * 10 ** DECIMALS) / 10 ** DECIMALS;

/** Rounds a ring, drops repeated positions and closes it; null when fewer than 4 positions remain. */
function roundRing(ring: unknown): Position[] | null {
  if (!Array.isArray(ring)) throw new Error('een ring is geen lijst van posities');
  const out: Position[] = [];
  for (const p of ring) {
    if (!Array.isArray(p) || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) throw new Error(`ongeldige positie ${JSON.stringify(p)}`);
    if (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) {
      throw new Error(`positie ${JSON.stringify(p)} is geen lengte/breedte in WGS84; staat het bestand in RD (EPSG:28992)? Zet het eerst om naar WGS84`);
    }
    const q: Position = [round(p[0]), round(p[1])];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  if (out.length && (out[0]![0] !== out[out.length - 1]![0] || out[0]![1] !== out[out.length - 1]![1])) out.push([...out[0]!]);
  return out.length >= 4 ? out : null;
}

/** A polygon without its degenerate holes; null when its outer ring is degenerate. */
function roundPolygon(rings: unknown): Position[][] | null {
  if (!Array.isArray(rings) || rings.length === 0) throw new Error('een polygoon heeft geen ringen');
  const outer = roundRing(rings[0]);
  if (!outer) return null;
  return [
    outer,
    ...rings
      .slice(1)
      .map(roundRing)
      .filter((r): r is Position[] => r !== null),
  ];
}

/** Squared distance from p to the segment a-b (plain degrees: at these tolerances the projection does not matter). */
function segmentDistance2(p: Position, a: Position, b: Position): number {
  let [x, y] = a;
  let dx = b[0] - x;
  let dy = b[1] - y;
  if (dx !== 0 || dy !== 0) {
    const t = Math.max(0, Math.min(1, ((p[0] - x) * dx + (p[1] - y) * dy) / (dx * dx + dy * dy)));
    x += dx * t;
    y += dy * t;
  }
  dx = p[0] - x;
  dy = p[1] - y;
  return dx * dx + dy * dy;
}

/** Douglas-Peucker (iterative) keeping the closing position; a ring that would drop below 4 positions stays as it was. */
function simplifyRing(ring: Position[], tolerance: number): Position[] {
  const keep = new Uint8Array(ring.length);
  keep[0] = keep[ring.length - 1] = 1;
  // A closed ring's ends coincide, so split it at its farthest point from the start first.
  let far = 1;
  for (let i = 1; i < ring.length - 1; i++) if (segmentDistance2(ring[i]!, ring[0]!, ring[0]!) > segmentDistance2(ring[far]!, ring[0]!, ring[0]!)) far = i;
  keep[far] = 1;
  const stack: [number, number][] = [
    [0, far],
    [far, ring.length - 1],
  ];
  const tol2 = tolerance * tolerance;
  while (stack.length) {
    const [first, last] = stack.pop()!;
    let index = -1;
    let max = tol2;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance2(ring[i]!, ring[first]!, ring[last]!);
      if (d > max) {
        max = d;
        index = i;
      }
    }
    if (index >= 0) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  const out = ring.filter((_, i) => keep[i]);
  return out.length >= 4 ? out : ring;
}

/**
 * Rounds to 5 decimals and simplifies a (Multi)Polygon for the web. Throws on anything that is not a
 * (Multi)Polygon with numeric positions; returns null when nothing of at least 4 positions survives
 * (a sliver smaller than the rounding). Every ring of the result is closed and has at least 4 positions.
 */
export function simplifyForWeb(geometry: unknown, tolerance: number): AreaGeometry | null {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!g || typeof g !== 'object' || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !Array.isArray(g.coordinates)) {
    throw new Error(`verwacht een Polygon of MultiPolygon, gevonden ${g && typeof g === 'object' ? String(g.type) : 'geen geometrie'}`);
  }
  const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).map(roundPolygon).filter((p): p is Position[][] => p !== null);
  if (polygons.length === 0) return null;
  const simplified = polygons.map((rings) => rings.map((ring) => simplifyRing(ring, tolerance)));
  return simplified.length === 1 ? { type: 'Polygon', coordinates: simplified[0]! } : { type: 'MultiPolygon', coordinates: simplified };
}

/** Every ring closed and of at least 4 positions: what a map renderer needs. */
export function isValidAreaGeometry(g: AreaGeometry): boolean {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return (
    polygons.length > 0 &&
    polygons.every((rings) => rings.length > 0 && rings.every((r) => r.length >= 4 && r[0]![0] === r[r.length - 1]![0] && r[0]![1] === r[r.length - 1]![1]))
  );
}
