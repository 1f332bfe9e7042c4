import { loadConfig, type Config } from '../config.ts';
import { openDatabase } from '../db/open.ts';
import { backupCommand, restoreCommand, type SelfOpeningCommand } from './backup.ts';
import { demoCommand } from './demo.ts';
import { downloadDuoCommand } from './download-duo.ts';
import { downloadGeoCommand } from './download-geo.ts';
import { importGeoCommand } from './import-geo.ts';
import { importDuoCommand } from './import-duo.ts';
import { importCoropCommand, importGroupsCommand } from './import-groups.ts';
import { importValuesCommand } from './import-values.ts';
import { status } from './status.ts';
import { gebruikerCommand } from './gebruiker.ts';
import { auditCommand } from './audit.ts';

/** `pnpm gka <command>`: the data CLI (README.md). Each command is a thin wrapper over importers and db. */
const USAGE = `Gebruik: pnpm gka <opdracht>

  migrate                     database bijwerken naar het nieuwste schema
  status                      laat zien wat er geladen is en waarvandaan
  import-geo <bestand>... [--level gemeente|wijk] [--year N] [--provincies csv] [--maak-gemeenten]
                              gemeente- of wijkgrenzen (CBS GeoJSON of TopoJSON) laden
  download-geo --year N [--level gemeente|wijk|all] [--base-url URL] [--provincies csv]
                              grenzen van een jaar downloaden bij PDOK (CBS Wijken en Buurten)
  import-values <csv> [--synthetic]
                              indicatorwaarden (CBS-levering, ; of , gescheiden, UTF-8) laden
  import-duo <map>            echte indicatoren per school en gemeente uit DUO-bestanden (examens, eindtoetsen,
                              schooladviezen, referentieniveaus, leerjaar 3) en de CBS-achterstandsscores
  download-duo [--jaren 2014-2024] [--map DIR] [--bron URL]
                              de DUO-bestanden van elk schooljaar downloaden (met herkomst en sha256) en inlezen
  demo [--seed N] [--replace] SYNTHETISCHE demowaarden voor alle gebieden en een demoset GKA-gemeenten
  import-corop <csv>          COROP-gebieden uit het CBS-bestand woonplaatsen-gemeente-COROP
  import-groepen <csv> [--soort naam]
                              eigen groepen van gemeenten (regels gemeentecode;groep), bijvoorbeeld GKA-regio's
  gebruiker toevoegen <email> --rol beheerder|regiocoordinator|gemeente [--gemeente GM0855,…] [--groep corop-34,…] [--wachtwoord-stdin]
                              een account voor de werkruimte; zonder --wachtwoord-stdin een link (24 uur) om een wachtwoord te kiezen
  gebruiker lijst             de accounts met hun rol en gebied
  gebruiker intrekken <email> een account intrekken; zijn sessies eindigen meteen
  audit [--gemeente GM0855] [--aantal N]
                              het auditlog van de werkruimte
  backup <bestand>            alle gegevens van het dashboard in één bestand (pg_dump, custom-formaat)
  restore <bestand> [--overschrijven]
                              een back-up terugzetten in een lege database; --overschrijven vervangt alles
`;

// `url` is for importers that COPY through a raw pg client.
type Command = (
  args: string[],
  ctx: { db: Awaited<ReturnType<typeof openDatabase>>['db']; url: string; log: (m: string) => void; config: Config },
) => Promise<void>;

const commands: Record<string, Command> = {
  migrate: async (_args, { log }) => log('Database is bijgewerkt.'),
  status,
  'import-geo': importGeoCommand,
  'download-geo': downloadGeoCommand,
  'import-values': importValuesCommand,
  'import-duo': importDuoCommand,
  'download-duo': downloadDuoCommand,
  demo: demoCommand,
  'import-corop': importCoropCommand,
  'import-groepen': importGroupsCommand,
  gebruiker: gebruikerCommand,
  audit: auditCommand,
};

// These see the database as it is: a restore must find an empty database empty, not freshly migrated.
const selfOpening: Record<string, SelfOpeningCommand> = { backup: backupCommand, restore: restoreCommand };

async function main(argv: string[]) {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  const opening = name ? selfOpening[name] : undefined;
  if (!command && !opening) {
    process.stderr.write(name && name !== 'help' && name !== '--help' ? `Onbekende opdracht: ${name}\n\n${USAGE}` : USAGE);
    process.exit(name && name !== 'help' && name !== '--help' ? 2 : 0);
  }
  const log = (m: string) => process.stdout.write(`${m}\n`);
  const config = loadConfig();
  if (opening) return opening(args, { open: () => openDatabase(config, log, { migrate: false }), log, config });
  const database = await openDatabase(config, log);
  try {
    await command!(args, { db: database.db, url: database.url, log, config });
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`Fout: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
