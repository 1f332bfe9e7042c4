import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { backupDatabase, type Contents, databaseContents, dumpFileSize, restoreDatabase, toolsFor } from '../db/backup.ts';
import { databaseAddress, type OpenDatabase } from '../db/open.ts';

/** Commands that open the database themselves, as it is: nothing may migrate before they look at it. */
export type SelfOpeningCommand = (args: string[], ctx: { open: () => Promise<OpenDatabase>; log: (m: string) => void; config: Config }) => Promise<void>;

const count = (n: number, one: string, more: string) => `${n} ${n === 1 ? one : more}`;

export function formatBytes(bytes: number): string {
  const nl = (n: number) => n.toLocaleString('nl-NL', { maximumFractionDigits: 1 });
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1e6) return `${nl(bytes / 1e3)} kB`;
  if (bytes < 1e9) return `${nl(bytes / 1e6)} MB`;
  return `${nl(bytes / 1e9)} GB`;
}

function describe(c: Contents): string {
  const schema = c.migrations.length ? `${count(c.migrations.length, 'migratie', 'migraties')} t/m ${c.migrations.at(-1)}` : 'geen migraties';
  return `${count(c.tables, 'tabel', 'tabellen')}, ${schema}, ${count(c.datasets, 'dataset', 'datasets')}`;
}

const where = (database: OpenDatabase, config: Config) =>
  database.embedded ? `de ingebouwde database in ${config.dataDir}` : `de database op ${databaseAddress(database.url)}`;

export const backupCommand: SelfOpeningCommand = async (args, { open, log, config }) => {
  if (args.length !== 1 || args[0]!.startsWith('--')) throw new Error('Gebruik: pnpm gka backup <bestand>');
  const file = path.resolve(args[0]!);
  // Before the database is opened, and before pg_dump has run for nothing.
  if (!existsSync(path.dirname(file))) throw new Error(`De map ${path.dirname(file)} bestaat niet; er is geen back-up gemaakt.`);
  if (existsSync(file) && statSync(file).isDirectory()) throw new Error(`${file} is een map: geef de naam van een bestand.`);
  const database = await open();
  try {
    const tools = await toolsFor('backup', database.url, config.pgBin);
    log(`Back-up van ${where(database, config)} met pg_dump ${tools.major} (${tools.dir})…`);
    const made = await backupDatabase(database.url, file, tools);
    log(`Back-up geschreven: ${file} (${formatBytes(made.bytes)}): ${describe(made)}.`);
  } finally {
    await database.close();
  }
};

export const restoreCommand: SelfOpeningCommand = async (args, { open, log, config }) => {
  const overwrite = args.includes('--overschrijven');
  const rest = args.filter((a) => a !== '--overschrijven');
  if (rest.length !== 1 || rest[0]!.startsWith('--')) throw new Error('Gebruik: pnpm gka restore <bestand> [--overschrijven]');
  const file = path.resolve(rest[0]!);
  // Before the database is opened: a wrong file must not even start (and so create) an embedded cluster.
  const bytes = await dumpFileSize(file);
  const database = await open();
  try {
    const before = await databaseContents(database.url);
    if (before.relations > 0 && !overwrite) {
      throw new Error(
        `${where(database, config)} is niet leeg (${describe(before)}). Een back-up wordt alleen in een lege database teruggezet; ` +
          `--overschrijven vervangt alles wat erin staat. Er is niets gewijzigd.`,
      );
    }
    const tools = await toolsFor('restore', database.url, config.pgBin);
    log(`${file} terugzetten in ${where(database, config)} met pg_restore ${tools.major} (${tools.dir})…`);
    await restoreDatabase(database.url, file, tools, { replace: before.relations > 0 });
    // A backup of an older version: brought to the current schema, as every start does.
    await database.prepare();
    log(`Teruggezet uit ${file} (${formatBytes(bytes)}): ${describe(await databaseContents(database.url))}.`);
  } finally {
    await database.close();
  }
};
