import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NATIONAL_CODE } from '@gka/shared';
import { YEARLY_FIXTURES } from '../../test/duo-server.ts';
import { readDuoCsv } from './files.ts';
import { GemeenteMapper } from './gemeente-mapping.ts';
import { addReferentieniveaus, REFERENTIENIVEAUS } from './referentieniveaus.ts';
import { SchoolRegister } from './schools.ts';
import { YEARLY } from './yearly.ts';

const GEMEENTEN = [
  ['GM0014', 'Groningen'],
  ['GM0109', 'Coevorden'],
  ['GM0599', 'Rotterdam'],
  ['GM0637', 'Zoetermeer'],
  ['GM0882', 'Landgraaf'],
  ['GM1641', 'Maasgouw'],
  ['GM1883', 'Sittard-Geleen'],
  ['GM1895', 'Oldambt'],
  ['GM1952', 'Midden-Groningen'],
].map(([code, name]) => ({ code: code!, name: name! }));

/** The figures of one file, as `numerator/denominator` per indicator and area (schools `SC…`, gemeenten `GM…`). */
async function figures(name: string, cohort: string) {
  const mapper = new GemeenteMapper(GEMEENTEN);
  const records = await readDuoCsv(path.join(YEARLY_FIXTURES, name), YEARLY.referentieniveaus.encoding, YEARLY.referentieniveaus.columns);
  const stats = addReferentieniveaus(records, name, cohort, mapper, new SchoolRegister([], mapper));
  const out = new Map<string, string>();
  for (const s of stats) for (const r of s.totals.rows()) out.set(`${r.indicator} ${r.area_code}`, `${r.numerator}/${r.denominator}`);
  return { stats, get: (area: string) => Object.fromEntries(REFERENTIENIVEAUS.map((d) => [d.indicator, out.get(`${d.indicator} ${area}`) ?? null])) };
}

describe('referentieniveaus from real DUO rows, hand-computed', () => {
  // Each `<5` counts as 2.5, rounded per school to the even number: one masked cell 2, two 5, three 8.
  // The denominator rounds the masked cells of the whole domain, the numerator those at or above the level.
  it('gives De Harlekijn (Landgraaf, 2022-2023) the counts of its row: rekenen <5/29/25/0, lezen <5/11/43, taalverzorging 0/21/34', async () => {
    const { get } = await figures('10.-leerlingen-bo-referentieniveaus-2022-2023.csv', '2022-2023');
    expect(get('SC00CG00')).toEqual({
      // 29 + 25 + 0 of 54 + one "<5" (2)
      ref_rekenen_1f: '54/56',
      // 25 + 0 of the same 56: 1S and 2F for rekenen count together
      ref_rekenen_1s: '25/56',
      ref_lezen_1f: '54/56',
      ref_lezen_2f: '43/56',
      // Nothing masked: exact
      ref_taal_1f: '55/55',
      ref_taal_2f: '34/55',
    });
    // The only school of Landgraaf here: the gemeente is that school.
    expect(get('GM0882')).toEqual(get('SC00CG00'));
  });

  it('gives WereldWijs a figure only where the masking moves its share by at most 5 points, and counts it all in Zoetermeer', async () => {
    const { get, stats } = await figures('10.-leerlingen-bo-referentieniveaus-2022-2023.csv', '2022-2023');
    // Rekenen <5/11/5/0: 1F or higher 16 of 16 + 1–4, so between 16/20 and 16/17 (14 points): no figure of its own;
    // 1S or higher 5 of 16 + 1–4 (between 25% and 29%): its own figure. Taalverzorging <5/5/12 likewise.
    expect(get('SC00AP00')).toEqual({
      ref_rekenen_1f: null,
      ref_rekenen_1s: '5/18',
      ref_lezen_1f: '18/18',
      ref_lezen_2f: '13/18',
      ref_taal_1f: null,
      ref_taal_2f: '12/19',
    });
    expect(get('GM0637')).toEqual({
      ref_rekenen_1f: '16/18',
      ref_rekenen_1s: '5/18',
      ref_lezen_1f: '18/18',
      ref_lezen_2f: '13/18',
      ref_taal_1f: '17/19',
      ref_taal_2f: '12/19',
    });
    expect(stats.find((s) => s.indicator === 'ref_rekenen_1f')!.noOwnFigure).toContain('00AP00');
    expect(stats.find((s) => s.indicator === 'ref_rekenen_1s')!.noOwnFigure).not.toContain('00AP00');
  });

  it('sums the schools of a gemeente, their masked cells as counted per school (Oldambt and Rotterdam, 2022-2023)', async () => {
    const { get } = await figures('10.-leerlingen-bo-referentieniveaus-2022-2023.csv', '2022-2023');
    // Obs Letterwies: rekenen <5/<5/<5/0 → 1F: 5 of 8, 1S: 2 of 8; lezen <5/<5/<5 the same; taal 0/7/<5 → 1F 9 of 9
    // (100% whatever "<5" holds: its own figure), 2F 2 of 9.
    expect(get('SC00BB00')).toEqual({
      ref_rekenen_1f: null,
      ref_rekenen_1s: null,
      ref_lezen_1f: null,
      ref_lezen_2f: null,
      ref_taal_1f: '9/9',
      ref_taal_2f: null,
    });
    // De Leilinde: rekenen <5/<5/<5/0 → 5/8, 2/8; lezen <5/<5/6 → 8/11, 6/11; taal <5/<5/7 → 9/12, 7/12.
    // Obs Houwingaham: rekenen <5/5/<5/0 → 7/10, 2/10; lezen 0/<5/8 → 10/10, 8/10; taal 0/8/<5 → 10/10, 2/10.
    expect(get('GM1895')).toEqual({
      ref_rekenen_1f: `${5 + 5 + 7}/${8 + 8 + 10}`,
      ref_rekenen_1s: `${2 + 2 + 2}/${8 + 8 + 10}`,
      ref_lezen_1f: `${5 + 8 + 10}/${8 + 11 + 10}`,
      ref_lezen_2f: `${2 + 6 + 8}/${8 + 11 + 10}`,
      ref_taal_1f: `${9 + 9 + 10}/${9 + 12 + 10}`,
      ref_taal_2f: `${2 + 7 + 2}/${9 + 12 + 10}`,
    });
    // INOVA (0/<5/<5/0, 0/<5/<5, 0/<5/5), Jan Prins (<5/21/12/0, <5/14/18, <5/13/21), Prinses Margriet (8/29/10/0, <5/21/23, 7/20/20).
    expect(get('SC03GE00')).toEqual({
      ref_rekenen_1f: '39/47',
      ref_rekenen_1s: '10/47',
      ref_lezen_1f: '44/46',
      ref_lezen_2f: '23/46',
      ref_taal_1f: '40/47',
      ref_taal_2f: '20/47',
    });
    expect(get('GM0599')).toEqual({
      ref_rekenen_1f: `${5 + 33 + 39}/${5 + 35 + 47}`,
      ref_rekenen_1s: `${2 + 12 + 10}/${5 + 35 + 47}`,
      ref_lezen_1f: `${5 + 32 + 44}/${5 + 34 + 46}`,
      ref_lezen_2f: `${2 + 18 + 23}/${5 + 34 + 46}`,
      ref_taal_1f: `${7 + 34 + 40}/${7 + 36 + 47}`,
      ref_taal_2f: `${5 + 21 + 20}/${7 + 36 + 47}`,
    });
  });

  it('places two vestigingen of one BRIN in their own gemeenten, and gives a school without results no figure', async () => {
    const { get } = await figures('10.-leerlingen-bo-referentieniveaus-2022-2023.csv', '2022-2023');
    // Peter Petersenschool in Haren, gemeente 14 (Groningen): rekenen <5/10/13/0, lezen <5/0/24, taal 0/7/18.
    expect(get('GM0014')).toEqual({
      ref_rekenen_1f: '23/25',
      ref_rekenen_1s: '13/25',
      ref_lezen_1f: '24/26',
      ref_lezen_2f: '24/26',
      ref_taal_1f: '25/25',
      ref_taal_2f: '18/25',
    });
    // Jenaplansch T Vlot in Hoogezand (Midden-Groningen): rekenen 0/<5/5/0, lezen 0/0/8, taal 0/0/8.
    expect(get('GM1952')).toMatchObject({ ref_rekenen_1s: '5/7', ref_lezen_2f: '8/8', ref_taal_2f: '8/8' });
    // De Smeltkroes: every count 0.
    expect(Object.values(get('SC03EJ00')).every((v) => v === null)).toBe(true);
    expect(Object.values(get('GM0109')).every((v) => v === null)).toBe(true);
  });

  it('reads every published layout alike: 2023-2024, and 2024-2025 with zero-padded gemeentenummers', async () => {
    const y2023 = await figures('10.-leerlingen-bo-referentieniveaus-2023-2024.csv', '2023-2024');
    // De Harlekijn 2023-2024: rekenen <5/9/43/0, lezen 0/9/44, taal <5/21/31.
    expect(y2023.get('SC00CG00')).toEqual({
      ref_rekenen_1f: '52/54',
      ref_rekenen_1s: '43/54',
      ref_lezen_1f: '53/53',
      ref_lezen_2f: '44/53',
      ref_taal_1f: '52/54',
      ref_taal_2f: '31/54',
    });
    const y2024 = await figures('10.-leerlingen-bo-referentieniveaus-2024-2025.csv', '2024-2025');
    // "0637": WereldWijs in Zoetermeer; rekenen <5/7/<5/0 → 1F 7 + 2 of 7 + 5, 1S 2 of 12.
    expect(y2024.get('GM0637')).toMatchObject({ ref_rekenen_1f: '9/12', ref_rekenen_1s: '2/12' });
    // Jan Prins 2024-2025, nothing masked: rekenen 0/20/18/0, lezen 0/12/26, taal 0/16/22.
    expect(y2024.get('SC03DX00')).toEqual({
      ref_rekenen_1f: '38/38',
      ref_rekenen_1s: '18/38',
      ref_lezen_1f: '38/38',
      ref_lezen_2f: '26/38',
      ref_taal_1f: '38/38',
      ref_taal_2f: '22/38',
    });
    // Every school counts in Nederland.
    expect(y2024.get(NATIONAL_CODE).ref_taal_1f).toMatch(/^\d+\/\d+$/);
  });
});
