import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/connect.ts';
import { importDuo, type ImportDuoResult } from '../importers/duo/import.ts';

/** `gka import-duo <dir>`: real gemeente indicators from DUO open data (docs/data-sources.md), with a mapping summary. */
export async function importDuoCommand(args: string[], { db, log }: { db: Db; log: (m: string) => void }): Promise<void> {
  const [given] = args;
  if (args.length !== 1 || given === undefined) throw new Error('Gebruik: pnpm gka import-duo <map met de DUO-bestanden>');
  // pnpm runs the CLI inside api/; relative paths are taken from where `pnpm gka` was started (INIT_CWD).
  const dir = path.resolve(process.env.INIT_CWD ?? process.cwd(), given);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`Map niet gevonden: ${dir}`);
  const started = Date.now();
  const result = await importDuo(db, dir, (m) => process.stderr.write(`${m}\n`));
  reportDuoImport(result, Date.now() - started, log);
}

/** What import-duo made: per source its values and what it could not place, then the schools. */
export function reportDuoImport(result: ImportDuoResult, ms: number, log: (m: string) => void): void {
  log(`DUO-indicatoren geïmporteerd in ${(ms / 1000).toFixed(1)} s, in de indeling van ${result.gemeenten} gemeenten (naar vestigingsplaats van de school):`);
  for (const s of result.sources) {
    const lost = s.unmapped.reduce((sum, u) => sum + u.count, 0);
    log(`  ${s.indicator} ${s.cohorts.join(', ')} uit ${path.basename(s.file)}: ${s.measures} waarden`);
    // What the file held that has no figure of its own: said here too, not only in the dataset notes.
    for (const key of ['geschat', 'weggelaten', 'geen_eigen_cijfer'] as const) {
      const said = s.details[key];
      if (typeof said === 'string' && said !== 'geen' && !said.startsWith('0 '))
        log(`    ${said.length > 300 ? `${said.slice(0, 300)} … (volledig in de notities van de dataset)` : said}`);
    }
    if (!s.unmapped.length) {
      log('    alles toegewezen aan een gemeente');
      continue;
    }
    log(`    niet toegewezen (wel meegeteld voor Nederland): ${s.unmapped.length} gemeenten/vestigingen, ${lost} leerlingen of kandidaten:`);
    for (const u of s.unmapped.slice(0, 10)) log(`      ${u.gemeente}: ${u.rows} ${u.rows === 1 ? 'rij' : 'rijen'}, ${u.count}`);
    if (s.unmapped.length > 10)
      log(`      … en ${s.unmapped.length - 10} meer (de volledige lijst staat in de notities van de dataset: tabel dataset, kolom notes)`);
  }
  const { listed, closed, unplaced, outsideIndeling } = result.schools;
  log(`Scholen: ${listed} uit de adreslijsten, ${closed.length} die alleen oudere cijfers noemen (gesloten of niet in een adreslijst).`);
  if (closed.length)
    log(
      `  ${closed
        .map((s) => `${s.vestiging} ${s.name}`)
        .slice(0, 10)
        .join('; ')}${closed.length > 10 ? ` … en ${closed.length - 10} meer` : ''}`,
    );
  if (unplaced.length)
    log(`  Niet te plaatsen (geen gemeente; wel meegeteld voor Nederland): ${unplaced.map((u) => `${u.vestiging} (${u.bestand})`).join(', ')}`);
  if (outsideIndeling) log(`  ${outsideIndeling} vestigingen van de adreslijsten liggen buiten de geïmporteerde gemeenten en zijn overgeslagen.`);
}
