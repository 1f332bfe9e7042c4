/**
 * A DUO folder at national scale for the import budget: the real files of the open-data folder
 * (linked, not copied) plus yearly files for every school year in their published layouts, made at
 * bench time for every basisschool of the real address list with seeded made-up counts: schooladviezen,
 * eindscores and referentieniveaus (the real yearly files cannot be fetched offline). Leerlingen vo
 * of later years are the real 2019 file again.
 * The content is invented; the size, layouts and school codes are national. Nothing is kept.
 */
import { mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DUO_FILES, findDuoFile, readDuoCsv } from '../api/src/importers/duo/files.ts';
import { publishedYears, REFERENTIE_DOMAINS, YEARLY } from '../api/src/importers/duo/yearly.ts';

/** Park–Miller: reproducible made-up counts. */
function prng(seed: number) {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

const ADVIES_OLD = [
  'VSO',
  'PRO',
  'VMBO_BL',
  'VMBO_BL_KL',
  'VMBO_KL',
  'VMBO_KL_GT',
  'VMBO_GT',
  'VMBO_GT_HAVO',
  'HAVO',
  'HAVO_VWO',
  'VWO',
  'ADVIES_NIET_MOGELIJK',
];
const ADVIES_NEW = ['VSO', 'PRO', 'VMBO_B', 'VMBO_B_K', 'VMBO_K', 'VMBO_K_GT', 'VMBO_GT', 'VMBO_GT_HAVO', 'HAVO', 'HAVO_VWO', 'VWO', 'ADVIES_NIET_MOGELIJK'];
const SHARES = [0.01, 0.03, 0.06, 0.03, 0.08, 0.03, 0.14, 0.08, 0.16, 0.12, 0.24, 0.02];
const masked = (n: number) => (n >= 1 && n <= 4 ? '<5' : String(n));

export async function nationalDuoFolder(openData: string): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'gka-bench-duo-'));
  for (const f of readdirSync(openData)) if (/^(duo_|cbs_achterstandsscores)/.test(f)) symlinkSync(path.join(openData, f), path.join(dir, f));
  const bo = await readDuoCsv(findDuoFile(openData, 'vestigingenBo'), DUO_FILES.vestigingenBo.encoding);
  const schools = bo.map((r) => ({
    brin: r['BRIN NUMMER']!.trim(),
    nr: r['VESTIGINGSNUMMER']!.trim().slice(-2),
    naam: r['VESTIGINGSNAAM']!,
    plaats: r['PLAATSNAAM']!,
    gemeente: r['GEMEENTENUMMER']!.trim(),
  }));
  const q = (v: string) => `"${v.replaceAll('"', '""')}"`;
  for (const y of publishedYears('schooladviezen', new Date('2025-06-01'))) {
    const random = prng(y);
    const old = y <= 2019;
    const cats = old ? ADVIES_OLD : ADVIES_NEW;
    const head = [
      `PEILDATUM_LEERLINGEN`,
      old ? 'PEILDATUM_ADVIEZEN' : 'PRIKDATUM_ADVIEZEN',
      old ? 'BRIN_NUMMER' : 'INSTELLINGSCODE',
      old ? 'VESTIGINGSNUMMER' : 'VESTIGINGSCODE',
    ];
    const lines = [[...head, 'INSTELLINGSNAAM_VESTIGING', 'PLAATSNAAM', 'GEMEENTENUMMER', 'SOORT_PO', ...cats]];
    for (const s of schools) {
      const pupils = 5 + Math.floor(random() * 70);
      const counts = SHARES.map((share) => Math.round(pupils * share * (0.4 + 1.2 * random())));
      lines.push([`${y}1001`, `${y + 1}0501`, s.brin, old ? String(Number(s.nr)) : s.nr, s.naam, s.plaats, s.gemeente, 'Bo', ...counts.map(masked)]);
    }
    // The older layout quotes only a field that needs it, as DUO did.
    const text = lines.map((l) => (old ? l.map((v) => (/[";]/.test(v) ? q(v) : v)).join(';') : l.map(q).join(';'))).join(old ? '\r\n' : '\n');
    writeFileSync(path.join(dir, YEARLY.schooladviezen.published(y)), old ? Buffer.from(text, 'latin1') : text);
  }
  for (const y of publishedYears('eindscores', new Date('2025-06-01')).filter((y) => y !== 2018)) {
    const random = prng(y + 100);
    const toetsen = y <= 2022 ? ['CET', 'IEP', 'ROUTE8', 'DIA', 'AMN'] : ['IEP', 'ROUTE8', 'DIA', 'AMN', 'DOE', 'LIB'];
    const scale: Record<string, number> = { CET: 535, IEP: 80, ROUTE8: 200, DIA: 350, AMN: 400, DOE: 100, LIB: 175 };
    const lines = [
      [
        'PEILDATUM_LEERLINGEN',
        y <= 2022 ? 'PRIKDATUM_SCORES' : 'PRIKDATUM',
        'INSTELLINGSCODE',
        'VESTIGINGSCODE',
        'INSTELLINGSNAAM_VESTIGING',
        'PLAATSNAAM',
        'GEMEENTENUMMER',
        'SOORT_PO',
        ...toetsen.flatMap((t) => [`${t}_AANTAL`, `${t}_GEM`]),
      ]
        .map(q)
        .join(';'),
    ];
    for (const s of schools) {
      const taken = Math.floor(random() * toetsen.length);
      const pupils = 3 + Math.floor(random() * 60);
      const cells = toetsen.flatMap((t, i) => {
        if (i !== taken) return [q('0'), '0'];
        const mean = (scale[t]! * (0.95 + 0.1 * random())).toFixed(6).replace('.', ',');
        return pupils < 5 ? [q('<5'), 'NA'] : [q(String(pupils)), mean];
      });
      lines.push([q(`${y}1001`), q(`${y + 1}0601`), q(s.brin), q(s.nr), q(s.naam), q(s.plaats), q(s.gemeente), q('Bo'), ...cells].join(';'));
    }
    writeFileSync(path.join(dir, YEARLY.eindscores.published(y)), lines.join('\n'));
  }
  // Referentieniveaus per domain, lowest level first (REFERENTIE_DOMAINS); rekenen's 2F column is 0 as DUO publishes it.
  const LEVELS: [string, number[]][] = [
    ['REKENEN', [0.08, 0.45, 0.47, 0]],
    ['LV', [0.05, 0.25, 0.7]],
    ['TV', [0.05, 0.35, 0.6]],
  ];
  for (const y of publishedYears('referentieniveaus', new Date('2025-06-01'))) {
    const random = prng(y + 200);
    const columns = Object.values(REFERENTIE_DOMAINS).flat();
    const lines = [
      ['PEILDATUM', 'INSTELLINGSCODE', 'VESTIGINGSCODE', 'INSTELLINGSNAAM_VESTIGING', 'PLAATSNAAM', 'GEMEENTENUMMER', 'SOORT_PO', ...columns].map(q).join(';'),
    ];
    for (const s of schools) {
      const pupils = 5 + Math.floor(random() * 70);
      const cells = LEVELS.flatMap(([, shares]) => shares.map((share) => masked(Math.round(pupils * share * (0.4 + 1.2 * random())))));
      lines.push([`${y}1001`, s.brin, s.nr, s.naam, s.plaats, s.gemeente, 'Bo', ...cells].map(q).join(';'));
    }
    writeFileSync(path.join(dir, YEARLY.referentieniveaus.published(y)), lines.join('\n'));
  }
  const leerlingen = findDuoFile(openData, 'leerlingenVo');
  for (const y of publishedYears('leerlingenVo', new Date('2025-06-01')).filter((y) => y !== 2019))
    symlinkSync(leerlingen, path.join(dir, YEARLY.leerlingenVo.published(y)));
  return dir;
}
