import { loadConfig } from './config.ts';
import { openDatabase } from './db/open.ts';
import { buildApp } from './app.ts';
import { ensureData, loadRealFigures } from './importers/first-start.ts';

/** Process entry: config → database (embedded or DATABASE_URL) → migrate → first-start data → serve (→ real DUO figures of a first start). */
async function main() {
  const config = loadConfig();
  const log = (msg: string) => console.log(msg);
  const database = await openDatabase(config, log);
  const first = await ensureData(database, config, log);
  const app = await buildApp({ config, db: database.db });

  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  await app.listen({ port: config.port, host: config.host });
  console.log(`GKA Dashboard draait op http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`);
  // The real DUO figures of a first start come in while the dashboard already answers.
  if (first) void loadRealFigures(database.db, config, first.boundaries, log);
}

main().catch((e: unknown) => {
  console.error(`Fout bij het starten: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
