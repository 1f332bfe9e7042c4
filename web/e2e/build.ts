import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as wait } from 'node:timers/promises';

export const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repo = path.resolve(webDir, '..');
// In node_modules: ignored by git, and on the same file system as the build.
const lock = path.join(webDir, 'node_modules', '.e2e-build-lock');
const built = path.join(webDir, 'dist', 'index.html');

/** The newest modification time of the files a build reads (sources, config, lockfile). */
function newestSource(): number {
  const newest = (p: string): number => {
    if (!existsSync(p)) return 0;
    const s = statSync(p);
    if (!s.isDirectory()) return s.mtimeMs;
    return Math.max(s.mtimeMs, ...readdirSync(p).map((f) => newest(path.join(p, f))));
  };
  return Math.max(
    ...[
      path.join(webDir, 'src'),
      path.join(webDir, 'scripts'),
      path.join(repo, 'shared', 'src'),
      path.join(webDir, 'index.html'),
      path.join(webDir, 'vite.config.ts'),
      path.join(repo, 'pnpm-lock.yaml'),
    ].map(newest),
  );
}

/** The pid in the lock, if there is one. */
function holder(): number | undefined {
  try {
    return Number(readFileSync(path.join(lock, 'pid'), 'utf8'));
  } catch {
    return undefined;
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * The built web app for the browser tests. Their files run in parallel, and a second build into
 * web/dist would empty it under the first one's pages: one file builds, holding a lock, and the
 * others find the build newer than every source and use it.
 */
export async function buildWeb(): Promise<void> {
  for (;;) {
    // The lock is a folder with its holder's pid, renamed into place whole: no one sees it without the pid.
    const mine = mkdtempSync(`${lock}-`);
    writeFileSync(path.join(mine, 'pid'), String(process.pid));
    try {
      renameSync(mine, lock);
      break;
    } catch {
      rmSync(mine, { recursive: true, force: true });
      const pid = holder();
      // A crashed test run leaves its lock behind; a lock just released is tried again at once.
      if (pid !== undefined && !alive(pid)) rmSync(lock, { recursive: true, force: true });
      else if (pid !== undefined) await wait(200);
    }
  }
  try {
    if (existsSync(built) && statSync(built).mtimeMs > newestSource()) return;
    execFileSync(path.join(webDir, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
      cwd: webDir,
      stdio: 'inherit',
      // vitest sets NODE_ENV=test, which would bundle React's development build.
      env: { ...process.env, NODE_ENV: 'production' },
    });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
