import type { Feature, Geometry, Position } from 'geojson';

/** One area as SVG: its path (rings closed, holes by the even-odd rule) and a point inside its extent. */
export type ProjectedArea = { code: string; d: string; centre: [number, number] };
/** The areas in a box of `width` × `height` units, origin top left: the SVG's viewBox. */
export type ProjectedMap = { width: number; height: number; areas: ProjectedArea[] };

/** Web Mercator on the unit square (x east, y south), as MapLibre draws: the swap shows the same shapes. */
export function mercator(lon: number, lat: number): [number, number] {
  const y = Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  return [(lon + 180) / 360, (1 - y / Math.PI) / 2];
}

const polygons = (g: Geometry | null): Position[][][] => (g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : []);
const latToY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const round = (v: number) => Math.round(v * 10) / 10;

/**
 * The areas projected into a box whose longer side is `size` units, for an SVG drawn at about that many
 * pixels. Coordinates are rounded to 0.1 unit and a point closer than `tolerance` units to the last one
 * kept is dropped: detail below a pixel costs the browser time and shows nothing. A ring that shrinks to
 * fewer than three points goes; an area whose rings all go keeps its first ring unsimplified, so that no
 * area disappears. Written for speed (it runs before the first map is drawn): no array per point.
 */
export function projectAreas(features: readonly Feature<Geometry | null, { code: string }>[], size = 1000, tolerance = 1): ProjectedMap {
  // Web Mercator is monotonic along each axis: the bounds in degrees give the bounds of the projection.
  let [lon0, lat0, lon1, lat1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features)
    for (const p of polygons(f.geometry))
      for (const ring of p)
        for (const [lon, lat] of ring) {
          if (lon! < lon0) lon0 = lon!;
          if (lon! > lon1) lon1 = lon!;
          if (lat! < lat0) lat0 = lat!;
          if (lat! > lat1) lat1 = lat!;
        }
  if (!(lon1 >= lon0)) return { width: size, height: size, areas: [] };
  const top = latToY(lat1);
  const [w, h] = [(lon1 - lon0) / 360, (top - latToY(lat0)) / (2 * Math.PI)];
  const scale = size / Math.max(w, h, Number.MIN_VALUE);
  const kx = scale / 360;
  const ky = scale / (2 * Math.PI);
  const t2 = tolerance * tolerance;

  const areas = features.map((f): ProjectedArea => {
    let d = '';
    let [a0, b0, a1, b1] = [Infinity, Infinity, -Infinity, -Infinity];
    const rings = polygons(f.geometry).flat();
    const draw = (ring: Position[], t2: number) => {
      let path = '';
      let n = 0;
      let [fx, fy, lx, ly] = [0, 0, 0, 0];
      for (const [lon, lat] of ring) {
        const x = round((lon! - lon0) * kx);
        const y = round((top - latToY(lat!)) * ky);
        if (n > 0 && (x - lx) ** 2 + (y - ly) ** 2 < t2) continue;
        if (n === 0) [fx, fy] = [x, y];
        path += `${n ? 'L' : 'M'}${x} ${y}`;
        [lx, ly] = [x, y];
        n++;
      }
      // The closing point repeats the first: the path's Z closes the ring.
      if (n > 1 && (lx - fx) ** 2 + (ly - fy) ** 2 < t2) {
        path = path.slice(0, path.lastIndexOf('L'));
        n--;
      }
      if (n < 3) return false;
      d += `${path}Z`;
      for (const [lon, lat] of ring) {
        const x = (lon! - lon0) * kx;
        const y = (top - latToY(lat!)) * ky;
        a0 = Math.min(a0, x);
        a1 = Math.max(a1, x);
        b0 = Math.min(b0, y);
        b1 = Math.max(b1, y);
      }
      return true;
    };
    let drawn = false;
    for (const ring of rings) drawn = draw(ring, t2) || drawn;
    if (!drawn && rings[0]) draw(rings[0], 0);
    const centre: [number, number] = d ? [round((a0 + a1) / 2), round((b0 + b1) / 2)] : [0, 0];
    return { code: f.properties.code, d, centre };
  });
  return { width: round(w * scale), height: round(h * scale), areas };
}

export type Direction = 'left' | 'right' | 'up' | 'down';
const UNIT: Record<Direction, [number, number]> = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] };

/**
 * The area to move to from `from` with an arrow key: the nearest centre in that direction within a cone
 * of ±60°, distance across the direction counting double; undefined when there is none.
 */
export function neighbour(areas: readonly Pick<ProjectedArea, 'code' | 'centre'>[], from: string, direction: Direction): string | undefined {
  const origin = areas.find((a) => a.code === from)?.centre;
  if (!origin) return undefined;
  const [ux, uy] = UNIT[direction];
  let best: string | undefined;
  let bestCost = Infinity;
  for (const a of areas) {
    if (a.code === from) continue;
    const dx = a.centre[0] - origin[0];
    const dy = a.centre[1] - origin[1];
    const along = dx * ux + dy * uy;
    const across = Math.abs(dx * uy - dy * ux);
    if (along <= 0 || across > along * Math.tan(Math.PI / 3)) continue;
    const cost = along + 2 * across;
    if (cost < bestCost) [best, bestCost] = [a.code, cost];
  }
  return best;
}
