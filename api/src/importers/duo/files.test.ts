import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { YEARLY_FIXTURES } from '../../test/duo-server.ts';
import { field, readDuoCsv } from './files.ts';
import { publishedYears, YEARLY } from './yearly.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'gka-duo-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('DUO files in any year’s encoding and names', () => {
  it('reads the older Windows-1252 layout and the quoted UTF-8 one alike, with their renamed columns', async () => {
    const old = await readDuoCsv(path.join(YEARLY_FIXTURES, '04.-leerlingen-bo-sbo-schooladviezen-2019-2020.csv'), 'auto', YEARLY.schooladviezen.columns);
    const twine = old.find((r) => field(r, ['INSTELLINGSCODE', 'BRIN_NUMMER']) === '01CE')!;
    expect(twine['GEMEENTENAAM']).toBe('Noardeast-Fryslân');
    expect(field(twine, ['VMBO_B', 'VMBO_BL'])).toBe('14');
    expect(field(twine, ['VMBO_B_K', 'VMBO_BL_KL'])).toBe('<5');
    const recent = await readDuoCsv(path.join(YEARLY_FIXTURES, '04-leerlingen-bo-sbo-schooladviezen-2022-2023.csv'), 'auto', YEARLY.schooladviezen.columns);
    expect(recent.find((r) => r['INSTELLINGSCODE'] === '00AR')!['INSTELLINGSNAAM_VESTIGING']).toBe('BS "De Maasparel"');
    // The same name in UTF-8 is read as UTF-8, not as Windows-1252 (which would give "FryslÃ¢n").
    const utf8 = path.join(dir, 'utf8.csv');
    writeFileSync(utf8, '"INSTELLINGSCODE";"GEMEENTENAAM"\n"01CE";"Noardeast-Fryslân"\n', 'utf8');
    expect((await readDuoCsv(utf8, 'auto'))[0]!['GEMEENTENAAM']).toBe('Noardeast-Fryslân');
  });

  it('names the file and the columns it expected, with their older names, when a layout is unknown', async () => {
    const file = path.join(dir, '04-leerlingen-bo-sbo-schooladviezen-2030-2031.csv');
    writeFileSync(file, 'SCHOOL;ADVIES;AANTAL\n00AP;HAVO;12\n');
    await expect(readDuoCsv(file, 'auto', YEARLY.schooladviezen.columns)).rejects.toThrow(
      /04-leerlingen-bo-sbo-schooladviezen-2030-2031\.csv: onbekende indeling, de kolommen "INSTELLINGSCODE" of "BRIN_NUMMER", "VESTIGINGSCODE" of "VESTIGINGSNUMMER", .*"VMBO_B" of "VMBO_BL".* ontbreken .*gevonden "SCHOOL", "ADVIES", "AANTAL"/,
    );
  });
});

describe('the school years download-duo tries', () => {
  it('run from the first published year up to the one under way, without the years that have no file', () => {
    expect(publishedYears('schooladviezen', new Date('2026-11-27'))).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    // No eindtoets in 2019-2020.
    expect(publishedYears('eindscores', new Date('2026-11-27'))).toEqual([2018, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    // The referentieniveaus are published per school from 2022-2023 on.
    expect(publishedYears('referentieniveaus', new Date('2026-11-27'))).toEqual([2022, 2023, 2024, 2025, 2026]);
    // Before August the school year of the calendar year has not started.
    expect(publishedYears('leerlingenVo', new Date('2027-03-01')).at(-1)).toBe(2026);
    expect(publishedYears('leerlingenVo', new Date('2027-08-15')).at(-1)).toBe(2027);
  });
});
