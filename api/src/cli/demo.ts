import type { Db } from '../db/connect.ts';
import { DEFAULT_SEED, loadDemo } from '../importers/demo/load.ts';
import { describeDemo } from '../importers/demo/report.ts';
import { progress } from './progress.ts';

/** `gka demo [--seed N] [--replace]`: synthetic demo values for every area (docs/data-sources.md). */
export async function demoCommand(args: string[], { url, log }: { db: Db; url: string; log: (m: string) => void }): Promise<void> {
  const usage = 'Gebruik: pnpm gka demo [--seed N] [--replace]';
  let seed = DEFAULT_SEED;
  let replace = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--replace') replace = true;
    else if (arg === '--seed' || arg.startsWith('--seed=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      seed = Number(value);
      if (!value || !Number.isInteger(seed) || seed < 0) throw new Error(`${usage} (--seed verwacht een geheel getal ≥ 0, niet "${value ?? ''}")`);
    } else throw new Error(`${usage} (onbekende optie ${arg})`);
  }
  // The total is known once the areas are read, so the bar starts with the first report.
  let bar: ReturnType<typeof progress> | undefined;
  const result = await loadDemo(url, { seed, replace, onProgress: (n, total) => (bar ??= progress('Demowaarden geschreven', total)).update(n) });
  bar?.done(result.rows);
  for (const line of describeDemo(result)) log(line);
}
