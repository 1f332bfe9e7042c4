import { sql } from 'kysely';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../test/database.ts';
import { cbsGemeenten, createDuoDatabase } from '../../test/duo-database.ts';
import { hasOpenData, OPEN_DATA, openDataFile } from '../../test/open-data.ts';
import { GEMEENTE_MERGES } from './gemeente-merges.ts';
import { GemeenteMapper, normaliseName } from './gemeente-mapping.ts';
import { indicatorCohort, listCovidNotes } from '../../queries/covid-notes.ts';
import { importDuo, type ImportDuoResult } from './import.ts';
import { DUO_FILES, findDuoFile, readDuoCsv } from './files.ts';

// The real DUO and CBS files are read where they lie; nothing of them is copied into the repo.
describe.skipIf(!hasOpenData)('import-duo on the real DUO files', () => {
  let t: TestDatabase;
  let result: ImportDuoResult;
  const rate = async (indicator: string, cohort: string, area = 'NL01', grp = 'totaal') => {
    const m = await t.db
      .selectFrom('measure')
      .select(['numerator', 'denominator'])
      .where('indicator', '=', indicator)
      .where('cohort', '=', cohort)
      .where('area_code', '=', area)
      .where('grp', '=', grp)
      .executeTakeFirstOrThrow();
    return { numerator: Number(m.numerator), denominator: Number(m.denominator), pct: (100 * Number(m.numerator)) / Number(m.denominator) };
  };
  const source = (key: string) => result.sources.find((s) => s.key === key)!;

  beforeAll(async () => {
    // An existing cohort row keeps its label; the importer only fills in what is missing.
    ({ t, result } = await createDuoDatabase((d) => d.db.insertInto('cohort').values({ code: '2021-2022', label: 'Cohort 2021-2022' }).execute()));
  });
  afterAll(() => t?.drop());

  it('reproduces the national exam pass rates of DUO, COVID years included', async () => {
    const expected: Record<string, number> = {
      '2018-2019': 92.03,
      '2019-2020': 98.75,
      '2020-2021': 94.9,
      '2021-2022': 94.35,
      '2022-2023': 89.47,
      '2023-2024': 91.45,
    };
    // From 2019-2020 on these leave out the rows DUO masks (1–4 candidates, about 2.5% of all); counted
    // with their published percentage, they move Nederland by a few hundredths of a point.
    for (const [year, pct] of Object.entries(expected)) {
      const got = (await rate('slagingspercentage_vo', `sj${year}`)).pct;
      if (year === '2018-2019') expect(got).toBeCloseTo(pct, 2);
      else expect(Math.abs(got - pct)).toBeLessThan(0.05);
    }
    expect(source('examens2014').cohorts).toEqual(['sj2014-2015', 'sj2015-2016', 'sj2016-2017', 'sj2017-2018', 'sj2018-2019']);
    // Boys and girls add up to the total where DUO publishes both (small cells differ: <5 is left out per cell).
    const [boys, girls, all] = await Promise.all(['jongen', 'meisje', 'totaal'].map((g) => rate('slagingspercentage_vo', 'sj2022-2023', 'NL01', g)));
    expect(boys!.denominator + girls!.denominator).toBeLessThanOrEqual(all!.denominator * 1.01);
    for (const g of [boys!, girls!]) expect(g.pct).toBeGreaterThan(85);
  });

  it('defines the pass rate as it is counted: opleidingen DUO masks from 2019-2020 on count with their published percentage', async () => {
    const masked = (file: string) => readFileSync(file, 'utf8').includes('<5');
    expect(masked(source('examens2014').file)).toBe(false);
    expect(masked(source('examens2019').file)).toBe(true);
    const { denominator_definition } = await t.db
      .selectFrom('indicator')
      .select('denominator_definition')
      .where('code', '=', 'slagingspercentage_vo')
      .executeTakeFirstOrThrow();
    expect(denominator_definition).toMatch(/per vestiging en opleiding.*vanaf schooljaar 2019-2020.*"<5".*slaagpercentage.*dichtst bij 2,5/i);
    expect(denominator_definition).not.toMatch(/tellen die opleidingen niet mee/);
  });

  it('maps every exam row to a gemeente of the imported indeling, merged gemeenten into their successor', async () => {
    // The exam files name gemeenten; names of merged ones (Brielle, Heerhugowaard, Weesp, …) go through the merge table.
    expect(source('examens2014').unmapped).toEqual([]);
    expect(source('examens2019').unmapped).toEqual([]);
    for (const year of ['sj2014-2015', 'sj2023-2024']) {
      const rows = await t.db
        .selectFrom('measure')
        .innerJoin('area', 'area.code', 'measure.area_code')
        .select(['denominator'])
        .where('indicator', '=', 'slagingspercentage_vo')
        .where('cohort', '=', year)
        .where('grp', '=', 'totaal')
        .where('area.level', '=', 'gemeente')
        .execute();
      const sum = rows.reduce((s, r) => s + Number(r.denominator), 0);
      expect(sum).toBe((await rate('slagingspercentage_vo', year)).denominator);
    }
    // Voorne aan Zee (2023) has exam results for 2014-2015 from its predecessors; Nuenen is spelled "NUENEN C.A." by DUO.
    expect((await rate('slagingspercentage_vo', 'sj2014-2015', 'GM1992')).denominator).toBeGreaterThan(100);
    expect((await rate('slagingspercentage_vo', 'sj2023-2024', 'GM0820')).denominator).toBeGreaterThan(50);
  });

  it('derives the eindtoets average of 2018-2019 as a sum of scores over pupils', async () => {
    const nl = await rate('eindtoets_gemiddelde', 'sj2018-2019');
    expect(nl.numerator / nl.denominator).toBeGreaterThan(533);
    expect(nl.numerator / nl.denominator).toBeLessThan(538);
    expect(nl.denominator).toBeGreaterThan(60_000);
    // Old codes (Dongeradeel, Haaren, …) all reach a 2023 gemeente through merges and place names.
    expect(source('eindscores').unmapped).toEqual([]);
    const ams = await rate('eindtoets_gemiddelde', 'sj2018-2019', 'GM0363');
    expect(ams.denominator).toBeGreaterThan(3000);
  });

  it('derives the havo/vwo share in leerjaar 3 (2019) and reports the vestigingen it could not place', async () => {
    const nl = await rate('havo_vwo_lj3', 'sj2019-2020');
    expect(nl.numerator).toBe(93_396);
    expect(nl.pct).toBeGreaterThan(40);
    expect(nl.pct).toBeLessThan(50);
    // The pupil file has no gemeente; vestigingen missing from DUO's later address list are placed by
    // their place, where the address list puts it in one gemeente, or where the exam files put the
    // same (closed) school: De Saad in Damwald, which has no school left in the list, is Dantumadiel's.
    const unmapped = source('leerlingenVo').unmapped;
    expect(unmapped).toEqual([]);
    expect(result.schools.closed.find((s) => s.vestiging === '02XE00')).toMatchObject({ gemeente: 'GM1891', gesloten: true, sector: 'vo' });
    // Doetinchem keeps its closed vestiging (about 42% rather than 32%); Bronckhorst (Vorden) gets a value.
    expect((await rate('havo_vwo_lj3', 'sj2019-2020', 'GM0222')).pct).toBeGreaterThan(40);
    expect((await rate('havo_vwo_lj3', 'sj2019-2020', 'GM1876')).denominator).toBeGreaterThan(0);
    const gm = await t.db
      .selectFrom('measure')
      .select((eb) => eb.fn.sum<number>('denominator').as('n'))
      .where('indicator', '=', 'havo_vwo_lj3')
      .where('grp', '=', 'totaal')
      .where('area_code', 'like', 'GM%')
      .executeTakeFirstOrThrow();
    expect(Number(gm.n) + unmapped.reduce((s, u) => s + u.count, 0)).toBe(nl.denominator);
  });

  it('publishes the figures of the public files as DUO and CBS publish them: our disclosure control hides none', async () => {
    const rows = await t.db.selectFrom('measure').select(['indicator', 'cohort', 'hidden']).execute();
    const tables = new Set(rows.map((r) => `${r.indicator}|${r.cohort}`));
    // Ten school years of exam results, the five eindtoetsen of 2018-2019 (each its own table),
    // leerjaar 3 of 2019 and the achterstandsscore of 2019; and the exam results of the five school
    // years before COVID together (a pooled period).
    expect(tables.size).toBe(18);
    expect(tables.has('slagingspercentage_vo|sj2014-2015_sj2018-2019')).toBe(true);
    expect(rows.filter((r) => r.hidden)).toEqual([]);
    // Still decided, table by table, so a start finds nothing left to decide.
    const decided = await t.db.selectFrom('disclosure').select(['indicator', 'cohort', 'primary_hidden', 'secondary_hidden']).execute();
    expect(decided).toHaveLength(tables.size);
    expect(decided.filter((d) => d.primary_hidden + d.secondary_hidden > 0)).toEqual([]);
  });

  it('creates school-year cohorts of their own, apart from the GKA cohorts, keeping existing cohort rows', async () => {
    const cohorts = await t.db.selectFrom('cohort').selectAll().orderBy('code').execute();
    const years = ['2014-2015', '2015-2016', '2016-2017', '2017-2018', '2018-2019', '2019-2020', '2020-2021', '2021-2022', '2022-2023', '2023-2024'];
    expect(cohorts.map((c) => c.code)).toEqual(['2021-2022', ...years.map((y) => `sj${y}`), 'sj2014-2015_sj2018-2019'].sort());
    expect(cohorts.find((c) => c.pooled.length)).toMatchObject({
      label: 'Schooljaren 2014-2015 t/m 2018-2019 samen',
      pooled: years.slice(0, 5).map((y) => `sj${y}`),
    });
    expect(cohorts.find((c) => c.code === 'sj2019-2020')).toMatchObject({ label: 'Schooljaar 2019-2020', school_years: ['2019-2020'] });
    expect(cohorts.find((c) => c.code === '2021-2022')!.label).toBe('Cohort 2021-2022');
  });

  it('marks COVID per indicator: the exam years 2020-2022, not the leerjaar-3 count of 1 October 2019', async () => {
    const notes = await listCovidNotes(t.db);
    const cohorts = await t.db
      .selectFrom('cohort')
      .select(['code', 'label', 'school_years as schoolYears', 'pooled'])
      .where('code', 'like', 'sj%')
      .where(sql<boolean>`pooled = '{}'`)
      .orderBy('code')
      .execute();
    const touched = (indicator: string) =>
      cohorts
        .map((c) => indicatorCohort(c, notes.get(indicator)))
        .filter((c) => c.covid)
        .map((c) => c.code);
    expect(touched('slagingspercentage_vo')).toEqual(['sj2019-2020', 'sj2020-2021', 'sj2021-2022']);
    expect(touched('havo_vwo_lj3')).not.toContain('sj2019-2020');
    const exams2020 = indicatorCohort(
      cohorts.find((c) => c.code === 'sj2019-2020')!,
      notes.get('slagingspercentage_vo'),
    );
    expect(exams2020.note).toMatch(/centrale examens niet door/);
    expect(exams2020.note).not.toMatch(/COVID-cohort/);
  });

  it('records one real dataset per DUO file and indicator with the school-location caveat and the unmapped report', async () => {
    const datasets = await t.db.selectFrom('dataset').selectAll().orderBy('id').execute();
    // Two exam files, the eindscores of 2018-2019 with five toetsen, leerjaar 3 and the achterstandsscores.
    expect(datasets).toHaveLength(9);
    expect(datasets.filter((d) => d.source.includes('eindscores')).map((d) => (d.notes as { toets: string }).toets)).toEqual([
      'CET',
      'IEP',
      'ROUTE8',
      'DIA',
      'AMN',
    ]);
    for (const d of datasets) {
      expect(d).toMatchObject({ kind: 'duo', synthetic: false });
      expect(d.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(d.notes)).toContain('naar vestigingsplaats van de school');
    }
    const lj3 = datasets.find((d) => d.source.includes('leerlingen-vo'))!;
    expect((lj3.notes as { niet_toegewezen: unknown[] }).niet_toegewezen.length).toBeGreaterThan(0);
  });

  it('is idempotent: a second import replaces the same measures', async () => {
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('measure')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const sample = await rate('slagingspercentage_vo', 'sj2020-2021', 'GM0599');
    await importDuo(t.db, OPEN_DATA);
    expect(await count()).toBe(before);
    expect(await rate('slagingspercentage_vo', 'sj2020-2021', 'GM0599')).toEqual(sample);
  });
});

describe('gemeente mapping', () => {
  const mapper = new GemeenteMapper([
    { code: 'GM0518', name: "'s-Gravenhage" },
    { code: 'GM0820', name: 'Nuenen, Gerwen en Nederwetten' },
    { code: 'GM1900', name: 'Súdwest-Fryslân' },
    { code: 'GM0865', name: 'Vught' },
    { code: 'GM0824', name: 'Oisterwijk' },
    { code: 'GM1982', name: 'Land van Cuijk' },
    { code: 'GM0637', name: 'Zoetermeer' },
  ]);

  it('matches DUO names regardless of case, accents, apostrophes and known DUO spellings', () => {
    expect(normaliseName("'S-GRAVENHAGE")).toBe(normaliseName("'s-Gravenhage"));
    expect(mapper.byName('SUDWEST-FRYSLAN')).toBe('GM1900');
    expect(mapper.byName('NUENEN C.A.')).toBe('GM0820');
    expect(mapper.byName('NUENEN CA')).toBe('GM0820');
    expect(mapper.byName('Den Haag')).toBe('GM0518');
    expect(mapper.byName('Atlantis')).toBeNull();
  });

  it('pads bare codes and follows mergers and splits into the imported indeling', () => {
    expect(mapper.byCode(' 637')).toBe('GM0637');
    expect(mapper.byCode('1684')).toBe('GM1982');
    expect(mapper.byName('MILL EN SINT HUBERT')).toBe('GM1982');
    expect(mapper.byCode('0788', 'HELVOIRT')).toBe('GM0865');
    expect(mapper.byCode('0788', 'HAAREN')).toBe('GM0824');
    expect(mapper.byCode('0788', 'ONBEKEND')).toBeNull();
    expect(mapper.byCode('9999')).toBeNull();
  });

  it.skipIf(!hasOpenData)('places the schools of divided gemeenten by their place, as the 2024 indeling has them', async () => {
    // The eindtoets file of 2018-2019 still names Haaren and Winsum; every school in Esch, Ezinge and Garnwerd.
    const records = await readDuoCsv(findDuoFile(OPEN_DATA, 'eindtoets'), DUO_FILES.eindtoets.encoding);
    const expected: Record<string, string> = {
      ESCH: 'GM0757',
      HELVOIRT: 'GM0865',
      HAAREN: 'GM0824',
      BIEZENMORTEL: 'GM0855',
      EZINGE: 'GM1969',
      GARNWERD: 'GM1969',
      'WINSUM GN': 'GM1966',
      ADORP: 'GM1966',
      RASQUERT: 'GM1966',
      SAUWERD: 'GM1966',
    };
    const cbs = new GemeenteMapper(cbsGemeenten());
    let checked = 0;
    for (const r of records.filter((x) => x['PLAATSNAAM']! in expected)) {
      expect(cbs.byCode(r['GEMEENTENUMMER']!, r['PLAATSNAAM']), `${r['INSTELLINGSNAAM_VESTIGING']} in ${r['PLAATSNAAM']}`).toBe(expected[r['PLAATSNAAM']!]);
      checked++;
    }
    // Every school of Haaren (5) and Winsum (11) in the file.
    expect(checked).toBe(16);
  });

  it.skipIf(!hasOpenData)('matches DUO names to CBS boundary names with a suffix (Hengelo (O.)), unless the bare name is ambiguous', async () => {
    const geo = JSON.parse(readFileSync(openDataFile('gemeenten_2024.geojson'), 'utf8')) as { features: { properties: Record<string, string> }[] };
    const boundaries = new GemeenteMapper(geo.features.map((f) => ({ code: f.properties['gemeentecode']!, name: f.properties['gemeentenaam']! })));
    expect(boundaries.byName('HENGELO')).toBe('GM0164');
    expect(boundaries.byName('MIDDELBURG')).toBe('GM0687');
    expect(boundaries.byName('RIJSWIJK')).toBe('GM0603');
    expect(boundaries.byName('Hengelo (O.)')).toBe('GM0164');
    // Bergen (L.) and Bergen (NH.): the bare name settles nothing, the code does.
    expect(boundaries.byName('BERGEN')).toBeNull();
    // Closed schools are only in the exam files, by name: every HENGELO, MIDDELBURG and RIJSWIJK row of 2014-2019 finds its gemeente.
    const exams = await readDuoCsv(findDuoFile(OPEN_DATA, 'examens2014'), DUO_FILES.examens2014.encoding);
    const rows = exams.filter((r) => ['HENGELO', 'MIDDELBURG', 'RIJSWIJK'].includes(r['GEMEENTENAAM']!));
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) expect(boundaries.byName(r['GEMEENTENAAM']!), r['GEMEENTENAAM']).not.toBeNull();
  });

  it.skipIf(!hasOpenData)('merges only into gemeenten that exist in the CBS list of 2023', () => {
    const codes = new Set(cbsGemeenten().map((g) => g.code));
    for (const m of GEMEENTE_MERGES) {
      expect(codes.has(m.into), `${m.name} → ${m.into}`).toBe(true);
      expect(codes.has(m.from), `${m.from} ${m.name} is opgeheven`).toBe(false);
      for (const into of Object.values(m.byPlace ?? {})) expect(codes.has(into)).toBe(true);
    }
  });
});
