import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GroupResponse, GroupsResponse } from '@gka/shared';
import { buildApp } from '../../app.ts';
import { testConfig } from '../../test/config.ts';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { hasOpenData, openDataFile } from '../../test/open-data.ts';
import { importCorop } from './corop.ts';
import { groupCode, importGroupings } from './groupings.ts';

// The real CBS files are read where they lie; nothing of them is copied into the repo.
const CBS_GEMEENTEN = openDataFile('cbs_gemeenten-alfabetisch-2023.csv');
const COROP = openDataFile('cbs_woonplaatsen-gemeente-corop-2024.csv');
const rows = (file: string) => parse(readFileSync(file, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];

describe.skipIf(!hasOpenData)('groups of gemeenten on the real CBS files', () => {
  let t: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const dir = mkdtempSync(path.join(tmpdir(), 'gka-groups-'));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const groups = async () => GroupsResponse.parse((await app.inject('/api/v1/groups')).json()).data;

  beforeAll(async () => {
    t = await createTestDatabase();
    const gemeenten = rows(CBS_GEMEENTEN).map((r) => ({ code: r['GemeentecodeGM']!, name: r['Gemeentenaam']!, provincie: r['Provincienaam']! }));
    await t.db
      .insertInto('area')
      .values(gemeenten.map((g) => ({ ...g, level: 'gemeente' as const, parent_code: 'NL01', indeling_jaar: 2023 })))
      .execute();
    await t.db.updateTable('area').set({ gka_lid: true }).where('code', 'in', ['GM0855', 'GM0363']).execute();
    await importCorop(t.db, COROP);
    // The data version read for every request: an import shows at once, with no wait.
    app = await buildApp({ config: testConfig({ dataRecheckMs: 0 }), db: t.db });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('has corop-34 with exactly the gemeenten the CBS file lists for COROP 34', async () => {
    const expected = [
      ...new Set(
        rows(COROP)
          .filter((r) => r['COROP-gebiedcode'] === '34')
          .map((r) => `GM${r['Gemeentecode']}`),
      ),
    ].sort();
    const res = await app.inject('/api/v1/groups/corop-34');
    expect(res.statusCode).toBe(200);
    const group = GroupResponse.parse(res.json()).data;
    expect(group).toMatchObject({ code: 'corop-34', kind: 'corop', name: 'Midden-Noord-Brabant' });
    expect([...group.members].sort()).toEqual(expected);
    expect(group.members).toContain('GM0855');
  });

  it('partitions the 342 gemeenten into 40 COROP-gebieden', async () => {
    const corop = (await groups()).filter((g) => g.kind === 'corop');
    expect(corop).toHaveLength(40);
    const members = corop.flatMap((g) => g.members);
    expect(members).toHaveLength(342);
    expect(new Set(members).size).toBe(342);
    const all = (await t.db.selectFrom('area').select('code').where('level', '=', 'gemeente').execute()).map((a) => a.code);
    expect(new Set(members)).toEqual(new Set(all));
  });

  it('lists provincies and the GKA gemeenten from the areas, and 404s an unknown group', async () => {
    const list = await groups();
    const provincies = list.filter((g) => g.kind === 'provincie');
    expect(provincies).toHaveLength(12);
    expect(provincies.find((g) => g.name === 'Noord-Brabant')).toMatchObject({ code: 'provincie-noord-brabant' });
    expect(provincies.reduce((n, g) => n + g.members.length, 0)).toBe(342);
    expect(list.find((g) => g.code === 'gka')).toMatchObject({ kind: 'gka', members: ['GM0363', 'GM0855'] });
    const missing = await app.inject('/api/v1/groups/corop-99');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toMatch(/corop-99/);
    expect((await app.inject('/api/v1/groups/%27%20or%201=1')).statusCode).toBe(400);
  });

  it('imports a grouping all or nothing: an unknown gemeente names file and line, and changes nothing', async () => {
    const good = write('regios.csv', 'gemeentecode;groep\nGM0855;Regio Hart van Brabant\n0785;Regio Hart van Brabant\nGM0363;Regio Amsterdam\n');
    expect(await importGroupings(t.db, good, 'regio')).toEqual({ groups: 2, members: 3 });
    const before = await groups();
    expect(before.find((g) => g.code === 'regio-regio-hart-van-brabant')).toMatchObject({ kind: 'regio', name: 'Regio Hart van Brabant' });
    const bad = write('fout.csv', 'GM0855;Nieuw\nGM9999;Nieuw\nGM0363\n0363;Nieuw\nGM0363;Nieuw\n');
    await expect(importGroupings(t.db, bad, 'regio')).rejects.toThrow(
      /fout\.csv regel 3: verwacht 'gemeentecode;groep'.*\n.*fout\.csv regel 5: GM0363 staat al in groep 'Nieuw' \(regel 4\)/s,
    );
    const unknown = write('onbekend.csv', 'GM0855;Nieuw\nGM9999;Nieuw\n');
    await expect(importGroupings(t.db, unknown, 'regio')).rejects.toThrow('onbekend.csv regel 2: gemeente GM9999 bestaat niet in de geladen gebiedsindeling');
    await expect(importGroupings(t.db, good, 'corop')).rejects.toThrow(/soort 'corop' kan niet/);
    // Nothing changed, and the memo sees the same data version.
    expect(await groups()).toEqual(before);
  });
  const stored = () => t.db.selectFrom('area_group').select(['code', 'name']).where('kind', '=', 'rmc').orderBy('code').execute();

  it('refuses names that would become one group, naming both, and imports nothing', async () => {
    await importGroupings(t.db, write('rmc.csv', 'GM0855;Regio Noord\nGM0363;Regio Zuid\n'), 'rmc');
    const before = await stored();
    const clash = write('rmc-clash.csv', 'GM0855;Regio Noord\nGM0785;regio noord!\nGM0363;Régio Noord\nGM0796;Regio Zuid\n');
    const error = await importGroupings(t.db, clash, 'rmc').then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toContain("rmc-clash.csv regel 2: groep 'regio noord!' krijgt dezelfde code 'rmc-regio-noord' als groep 'Regio Noord' (regel 1)");
    expect(error?.message).toContain("rmc-clash.csv regel 3: groep 'Régio Noord' krijgt dezelfde code 'rmc-regio-noord' als groep 'Regio Noord' (regel 1)");
    expect(error?.message).toContain('er is niets veranderd');
    expect(await stored()).toEqual(before);
    await expect(importGroupings(t.db, write('rmc-leeg.csv', 'GM0855;!!!\n'), 'rmc')).rejects.toThrow(
      "rmc-leeg.csv regel 1: groepsnaam '!!!' heeft geen letter of cijfer",
    );
  });

  it('gives a long name a code the API accepts, the same on every import, and keeps the name whole', async () => {
    const long = `Samenwerkingsverband ${'Passend Onderwijs '.repeat(16)}Noord`;
    const other = `${long.slice(0, -5)}Zuid`;
    expect(long.length).toBeGreaterThan(300);
    const file = write('rmc-lang.csv', `GM0855;${long}\nGM0363;${other}\n`);
    expect(await importGroupings(t.db, file, 'rmc')).toEqual({ groups: 2, members: 2 });
    const codes = (await stored()).map((g) => g.code);
    expect(codes).toHaveLength(2);
    expect(new Set(codes).size).toBe(2);
    expect(codes).toContain(groupCode('rmc', long));
    // Again: the same codes, so links to a group keep working.
    await importGroupings(t.db, file, 'rmc');
    expect((await stored()).map((g) => g.code)).toEqual(codes);

    const fresh = await buildApp({ config: testConfig(), db: t.db });
    try {
      const res = await fresh.inject(`/api/v1/groups/${groupCode('rmc', long)}`);
      expect(res.statusCode).toBe(200);
      expect(GroupResponse.parse(res.json()).data).toMatchObject({ kind: 'rmc', name: long, members: ['GM0855'] });
    } finally {
      await fresh.close();
    }
  });
});
