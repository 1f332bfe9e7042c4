import { describe, expect, it } from 'vitest';
import type { Feature, Geometry } from 'geojson';
import { mercator, neighbour, projectAreas } from './project.ts';

const feature = (code: string, geometry: Geometry): Feature<Geometry, { code: string }> => ({ type: 'Feature', properties: { code }, geometry });
const square = (x: number, y: number, side: number) => [
  [x, y],
  [x + side, y],
  [x + side, y + side],
  [x, y + side],
  [x, y],
];
const points = (d: string) => [...d.matchAll(/[ML]([\d.]+) ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);

describe('mercator', () => {
  it('is Web Mercator on the unit square: north up, wider apart towards the pole', () => {
    expect(mercator(0, 0)).toEqual([0.5, 0.5]);
    expect(mercator(180, 0)[0]).toBe(1);
    const [, north] = mercator(5, 53);
    const [, south] = mercator(5, 51);
    expect(north).toBeLessThan(south);
    // One degree of latitude near 52° spans 1/cos(52°) times a degree of longitude.
    const dy = mercator(5, 51.5)[1] - mercator(5, 52.5)[1];
    const dx = mercator(6, 52)[0] - mercator(5, 52)[0];
    expect(dy / dx).toBeCloseTo(1 / Math.cos((52 * Math.PI) / 180), 2);
  });
});

describe('projectAreas', () => {
  it('fits the areas in a box whose longer side is the size, north at the top', () => {
    const map = projectAreas(
      [feature('A', { type: 'Polygon', coordinates: [square(4, 52, 1)] }), feature('B', { type: 'Polygon', coordinates: [square(5, 52, 1)] })],
      1000,
    );
    expect(map.width).toBe(1000);
    // Two squares of a degree side by side: the box is 2 degrees wide, 1/cos(52.5°) degree tall.
    expect(map.height / map.width).toBeCloseTo(1 / Math.cos((52.5 * Math.PI) / 180) / 2, 2);
    const a = points(map.areas[0]!.d);
    // Closed by Z, not by repeating the first point.
    expect(a).toHaveLength(4);
    expect(map.areas[0]!.d).toMatch(/^M.*Z$/);
    expect(Math.min(...a.map(([x]) => x!))).toBe(0);
    expect(Math.max(...points(map.areas[1]!.d).map(([x]) => x!))).toBe(1000);
    // The south edge (latitude 52) lies at the bottom of the box.
    expect(Math.max(...a.map(([, y]) => y!))).toBe(map.height);
    expect(map.areas.map((x) => x.code)).toEqual(['A', 'B']);
    expect(map.areas[0]!.centre).toEqual([250, Math.round((map.height / 2) * 10) / 10]);
  });

  it('drops points closer than the tolerance, rounds to a tenth and keeps holes and every part', () => {
    // A coastline of 1,000 points along one edge, 0.0004° (0.2 units) apart: every third one is kept.
    const wiggly = [[4, 52], ...Array.from({ length: 1000 }, (_, i) => [4 + (i + 1) * 0.0004, 52 + (i % 2) * 0.00001]), [5, 53], [4, 53], [4, 52]];
    const map = projectAreas(
      [
        feature('W', { type: 'Polygon', coordinates: [wiggly, square(4.4, 52.4, 0.2).reverse()] }),
        feature('M', { type: 'MultiPolygon', coordinates: [[square(5, 52, 1)], [square(5.5, 53.2, 0.1)]] }),
      ],
      1000,
      0.5,
    );
    const w = map.areas[0]!;
    expect(w.d.match(/M/g)).toHaveLength(2);
    const kept = points(w.d);
    expect(kept.length).toBeLessThan(1000 / 2);
    expect(kept.length).toBeGreaterThan(1000 / 4);
    for (let i = 1; i < kept.length; i++) expect(Math.hypot(kept[i]![0]! - kept[i - 1]![0]!, kept[i]![1]! - kept[i - 1]![1]!)).toBeGreaterThanOrEqual(0.5);
    expect(kept.flat().every((v) => Math.round(v * 10) === v * 10)).toBe(true);
    expect(map.areas[1]!.d.match(/M/g)).toHaveLength(2);
  });

  it('keeps an area smaller than the tolerance as its first ring, and lets a sub-pixel islet of a larger one go', () => {
    const map = projectAreas(
      [
        feature('big', { type: 'MultiPolygon', coordinates: [[square(4, 52, 1)], [square(4.5, 53.1, 0.0001)]] }),
        feature('tiny', { type: 'Polygon', coordinates: [square(5.5, 52.5, 0.0001)] }),
      ],
      1000,
    );
    expect(map.areas[0]!.d.match(/M/g)).toHaveLength(1);
    expect(map.areas[1]!.d).toMatch(/^M[\d. L]+Z$/);
  });

  it('gives an empty map for no geometry', () => {
    expect(projectAreas([], 800).areas).toEqual([]);
  });
});

describe('neighbour', () => {
  // A 3 × 3 grid, rows top to bottom: a b c / d e f / g h i.
  const grid = 'abcdefghi'.split('').map((code, i) => ({ code, centre: [(i % 3) * 10, Math.floor(i / 3) * 10] as [number, number] }));
  it('moves to the nearest area in the direction of the arrow', () => {
    expect(neighbour(grid, 'e', 'left')).toBe('d');
    expect(neighbour(grid, 'e', 'right')).toBe('f');
    expect(neighbour(grid, 'e', 'up')).toBe('b');
    expect(neighbour(grid, 'e', 'down')).toBe('h');
    expect(neighbour(grid, 'a', 'down')).toBe('d');
  });
  it('stays put at the edge', () => {
    expect(neighbour(grid, 'c', 'right')).toBeUndefined();
    expect(neighbour(grid, 'x', 'right')).toBeUndefined();
  });
});
