import { describe, expect, it } from 'vitest';
import { GeoFileError } from './errors.ts';
import { isValidAreaGeometry, simplifyForWeb, type Position } from './geometry.ts';
import { parseGeoText, type ParseOptions } from './parse.ts';
import { parseProvincies } from './provincies.ts';

const square: Position[][] = [
  [
    [5, 52],
    [5.1, 52],
    [5.1, 52.1],
    [5, 52.1],
    [5, 52],
  ],
];
const feature = (properties: Record<string, unknown>, geometry: unknown = { type: 'Polygon', coordinates: square }) => ({
  type: 'Feature',
  properties,
  geometry,
});
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const parse = (json: string, options: Partial<ParseOptions> = {}) => parseGeoText(json, { source: 'test.geojson', year: 2024, ...options });

function rejects(json: string, options: Partial<ParseOptions> = {}): string {
  try {
    parse(json, options);
  } catch (e) {
    expect(e).toBeInstanceOf(GeoFileError);
    return (e as Error).message;
  }
  throw new Error('expected a GeoFileError');
}

describe('parseGeoText', () => {
  it('reads the usual CBS and PDOK keys, in any case', () => {
    const { areas } = parse(
      collection(
        feature({ statcode: 'GM0363', statnaam: 'Amsterdam' }),
        feature({ gemeentecode: 'GM0599', gemeentenaam: 'Rotterdam', aantalInwoners: 670610, stedelijkheidAdressenPerKm2: 1 }),
        feature({ GM_CODE: 'GM0344', GM_NAAM: 'Utrecht', AANTAL_INWONERS: 374238 }),
        feature({ wijkcode: 'WK0363AA', wijknaam: 'Burgwallen-Oude Zijde', gemeentecode: 'GM0363' }),
        feature({ statcode: 'WK191102', statnaam: 'Wijk 02 Oude-Niedorp', rubriek: 'wijk' }),
      ),
    );
    expect(areas.map((a) => [a.code, a.level, a.name, a.parentCode, a.inwoners, a.stedelijkheid])).toEqual([
      ['GM0363', 'gemeente', 'Amsterdam', 'NL01', null, null],
      ['GM0599', 'gemeente', 'Rotterdam', 'NL01', 670610, 1],
      ['GM0344', 'gemeente', 'Utrecht', 'NL01', 374238, null],
      ['WK0363AA', 'wijk', 'Burgwallen-Oude Zijde', 'GM0363', null, null],
      ['WK191102', 'wijk', 'Wijk 02 Oude-Niedorp', 'GM1911', null, null],
    ]);
  });

  it('derives stedelijkheid from omgevingsadressendichtheid when only the density is known', () => {
    const densities = [6142, 2500, 2499, 1500, 1000, 999, 500, 499, 12];
    const { areas } = parse(
      collection(...densities.map((d, i) => feature({ gemeentecode: `GM0${100 + i}`, gemeentenaam: `G${i}`, omgevingsadressendichtheid: d }))),
    );
    expect(areas.map((a) => a.stedelijkheid)).toEqual([1, 1, 2, 2, 3, 4, 4, 5, 5]);
  });

  it('treats CBS secrecy sentinels as unknown and keeps KWB attributes for the demo generator', () => {
    const { areas } = parse(
      collection(
        feature({
          gemeentecode: 'GM0001',
          gemeentenaam: 'A',
          aantal_inwoners: -99997,
          stedelijkheid: -99997,
          omgevingsadressendichtheid: 800,
          pct_hh_laag_inkomen: 41,
          opl_laag: 100,
          ff_totaal_soorten: 3,
        }),
        feature({ gemeentecode: 'GM0002', gemeentenaam: 'B', bevolkingsdichtheidInwonersPerKm2: 900, aantalHuishoudens: 40 }),
      ),
    );
    expect(areas[0]).toMatchObject({
      inwoners: null,
      stedelijkheid: 4,
      omgevingsadressendichtheid: 800,
      attributes: { pct_hh_laag_inkomen: 41, opl_laag: 100 },
    });
    expect(areas[0]!.attributes).not.toHaveProperty('ff_totaal_soorten');
    expect(areas[1]!.attributes).toEqual({ bevolkingsdichtheid: 900, huishoudens: 40 });
  });

  it('skips Buitenland (GM0998, WK099899)', () => {
    const parsed = parse(
      collection(feature({ gemeentecode: 'GM0998', gemeentenaam: 'Buitenland' }), feature({ gemeentecode: 'GM0014', gemeentenaam: 'Groningen' })),
    );
    expect(parsed.skipped).toEqual(['GM0998']);
    expect(parsed.areas.map((a) => a.code)).toEqual(['GM0014']);
    expect(
      parse(
        collection(feature({ wijkcode: 'WK099899', wijknaam: 'Buitenland', gemeentecode: 'GM0998' }), feature({ wijkcode: 'WK001400', wijknaam: 'Centrum' })),
      ).skipped,
    ).toEqual(['WK099899']);
  });

  it('takes the year from --year, the document metadata, a jaar property or the file name', () => {
    const json = collection(feature({ gemeentecode: 'GM0014', gemeentenaam: 'Groningen', jaar: 2023 }));
    expect(parse(json, { year: 2020 }).year).toBe(2020);
    expect(parseGeoText(json, { source: 'x.geojson' }).year).toBe(2023);
    expect(parseGeoText(JSON.stringify({ ...JSON.parse(json), metadata: { year: 2022 } }), { source: 'x.geojson' }).year).toBe(2022);
    const noYear = collection(feature({ gemeentecode: 'GM0014', gemeentenaam: 'Groningen' }));
    expect(parseGeoText(noYear, { source: '/data/gemeenten_2021.geojson' }).year).toBe(2021);
    expect(() => parseGeoText(noYear, { source: 'gemeenten.geojson' })).toThrow(/geef het op met --year/);
  });

  it('uses a provincie property, else the provincies lookup', () => {
    const provincies = new Map([
      ['GM0014', 'Groningen'],
      ['GM0363', 'Noord-Holland'],
    ]);
    const { areas } = parse(
      collection(
        feature({ gemeentecode: 'GM0014', gemeentenaam: 'Groningen' }),
        feature({ gemeentecode: 'GM0363', gemeentenaam: 'Amsterdam', provincienaam: 'Fictieland' }),
        feature({ wijkcode: 'WK001401', wijknaam: 'W' }),
      ),
      { provincies },
    );
    expect(areas.map((a) => a.provincie)).toEqual(['Groningen', 'Fictieland', 'Groningen']);
  });

  it('decodes TopoJSON', () => {
    const topo = {
      type: 'Topology',
      arcs: [
        [
          [0, 0],
          [1000, 0],
          [0, 1000],
          [-1000, 0],
          [0, -1000],
        ],
      ],
      transform: { scale: [0.0001, 0.0001], translate: [5, 52] },
      objects: {
        layer: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]], properties: { statcode: 'WK036301', statnaam: 'Centrum' } }] },
      },
    };
    const { areas } = parse(JSON.stringify(topo));
    expect(areas[0]).toMatchObject({
      code: 'WK036301',
      parentCode: 'GM0363',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [5, 52],
            [5.1, 52],
            [5.1, 52.1],
            [5, 52.1],
            [5, 52],
          ],
        ],
      },
    });
  });

  const bad: [string, string, RegExp][] = [
    ['not JSON', '{"type": "FeatureCollection", ', /^test\.geojson: het bestand is geen geldige JSON/],
    ['a JSON array', '[]', /^test\.geojson: het bestand is geen GeoJSON of TopoJSON/],
    ['another GeoJSON type', '{"type":"Polygon","coordinates":[]}', /geen GeoJSON FeatureCollection of TopoJSON Topology \(type "Polygon"\)/],
    ['no features', collection(), /^test\.geojson: het bestand bevat geen features$/],
    ['no recognisable code key', collection(feature({ naam: 'Amsterdam' })), /^test\.geojson, feature 1: geen herkenbare code gevonden/],
    ['a buurt file', collection(feature({ buurtcode: 'BU03630000', wijkcode: 'WK036300' })), /feature 1: dit lijkt een buurt/],
    [
      'wrong code shape',
      collection(feature({ gemeentecode: 'GM0014', gemeentenaam: 'G' }), feature({ gemeentecode: '0363', gemeentenaam: 'A' })),
      /^test\.geojson, feature 2: "0363" is geen geldige gemeentecode/,
    ],
    ['statcode of a buurt', collection(feature({ statcode: 'BU03630000', statnaam: 'B' })), /feature 1: statcode "BU03630000" is geen gemeente- of wijkcode/],
    ['no name', collection(feature({ gemeentecode: 'GM0014' })), /feature 1: GM0014 heeft geen naam/],
    [
      'duplicate code',
      collection(feature({ gemeentecode: 'GM0014', gemeentenaam: 'G' }), feature({ gemeentecode: 'GM0014', gemeentenaam: 'G' })),
      /feature 2: GM0014 komt dubbel voor \(ook feature 1\)/,
    ],
    [
      'wijk under another gemeente',
      collection(feature({ wijkcode: 'WK001401', wijknaam: 'W', gemeentecode: 'GM0015' })),
      /wijk WK001401 hoort volgens zijn code bij GM0014, maar gemeentecode is GM0015/,
    ],
    [
      'point geometry',
      collection(feature({ gemeentecode: 'GM0014', gemeentenaam: 'G' }, { type: 'Point', coordinates: [5, 52] })),
      /feature 1: ongeldige geometrie van GM0014: verwacht een Polygon of MultiPolygon, gevonden Point/,
    ],
    [
      'RD coordinates',
      collection(
        feature(
          { gemeentecode: 'GM0014', gemeentenaam: 'G' },
          {
            type: 'Polygon',
            coordinates: [
              [
                [233000, 582000],
                [234000, 582000],
                [234000, 583000],
                [233000, 582000],
              ],
            ],
          },
        ),
      ),
      /feature 1: ongeldige geometrie van GM0014: positie \[233000,582000\] is geen lengte\/breedte in WGS84; staat het bestand in RD/,
    ],
    [
      'a malformed position',
      collection(
        feature(
          { gemeentecode: 'GM0014', gemeentenaam: 'G' },
          {
            type: 'Polygon',
            coordinates: [
              [
                [5, 52],
                [5.1, '52'],
                [5, 52.1],
                [5, 52],
              ],
            ],
          },
        ),
      ),
      /ongeldige positie \[5.1,"52"\]/,
    ],
    ['missing geometry', collection(feature({ gemeentecode: 'GM0014', gemeentenaam: 'G' }, null)), /gevonden geen geometrie/],
  ];
  it.each(bad)('rejects %s with a message naming file and feature', (_name, json, message) => {
    expect(rejects(json)).toMatch(message);
  });

  it('honours --level for a file whose features carry several codes', () => {
    const json = collection(feature({ wijkcode: 'WK001401', wijknaam: 'W', gemeentecode: 'GM0014', gemeentenaam: 'Groningen' }));
    expect(parse(json, { level: 'gemeente' }).areas[0]).toMatchObject({ code: 'GM0014', level: 'gemeente', name: 'Groningen' });
  });
});

describe('simplifyForWeb', () => {
  it('rounds to 5 decimals, removes points within the tolerance and keeps rings closed with at least 4 positions', () => {
    const ring: Position[] = [];
    for (let i = 0; i <= 100; i++) ring.push([5 + i * 0.001 + 0.0000001, 52 + (i % 2) * 0.00001]);
    ring.push([5.1, 52.1], [5, 52.1], [5.0000001, 52]);
    const g = simplifyForWeb({ type: 'Polygon', coordinates: [ring] }, 0.0002)!;
    expect(g.coordinates[0]).toEqual([
      [5, 52],
      [5.1, 52],
      [5.1, 52.1],
      [5, 52.1],
      [5, 52],
    ]);
    expect(isValidAreaGeometry(g)).toBe(true);
  });

  it('never simplifies a small ring below 4 positions and drops holes that vanish in the rounding', () => {
    const tiny: Position[] = [
      [5, 52],
      [5.00005, 52],
      [5.00005, 52.00005],
      [5, 52],
    ];
    const hole: Position[] = [
      [5.000001, 52.000001],
      [5.000002, 52.000001],
      [5.000001, 52.000002],
      [5.000001, 52.000001],
    ];
    const g = simplifyForWeb({ type: 'MultiPolygon', coordinates: [square, [tiny, hole]] }, 0.01)!;
    expect(g.type).toBe('MultiPolygon');
    expect(g.coordinates[1]).toEqual([tiny]);
    expect(isValidAreaGeometry(g)).toBe(true);
  });

  it('returns null when nothing survives the rounding', () => {
    expect(
      simplifyForWeb(
        {
          type: 'Polygon',
          coordinates: [
            [
              [5, 52],
              [5.000001, 52],
              [5, 52.000001],
              [5, 52],
            ],
          ],
        },
        0.0002,
      ),
    ).toBeNull();
  });
});

describe('parseProvincies', () => {
  it('reads the CBS list "Gemeenten alfabetisch" (quoted names, BOM, either code column)', () => {
    const csv =
      '\uFEFFGemeentecode,GemeentecodeGM,Gemeentenaam,Provinciecode,ProvinciecodePV,Provincienaam\n0820,GM0820,"Nuenen, Gerwen en Nederwetten",30,PV30,Noord-Brabant\n';
    expect(parseProvincies(csv, 'p.csv')).toEqual(new Map([['GM0820', 'Noord-Brabant']]));
    expect(parseProvincies('Gemeentecode;Provincienaam\n14;Groningen\n', 'p.csv')).toEqual(new Map([['GM0014', 'Groningen']]));
    expect(() => parseProvincies('code,naam\n1,a\n', 'p.csv')).toThrow(/^p\.csv: verwacht de kolommen GemeentecodeGM/);
  });
});
