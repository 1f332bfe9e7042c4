import type { Db } from '../db/connect.ts';
import { DEFAULT_SEED, loadDemo, type LoadDemoResult } from '../importers/demo/load.ts';
import { progress } from './progress.ts';

/** `gka demo [--seed N] [--replace]`: synthetic demo values for every area (SPEC §4.4). */
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
  reportDemo(result, log);
}

/** The summary both `gka demo` and a first start print. */
export function reportDemo(result: LoadDemoResult, log: (m: string) => void): void {
  log(
    `${result.rows.toLocaleString('nl-NL')} SYNTHETISCHE demowaarden voor ${result.areas.toLocaleString('nl-NL')} gebieden en ` +
      `${result.cohorts.length} cohorten geladen in ${result.seconds.toFixed(1)} s (seed ${result.seed}, dataset #${result.datasetId}).`,
  );
  const covid = result.cohorts.filter((c) => c.covid).map((c) => c.code);
  if (covid.length) log(`COVID-cohort ${covid.join(', ')}: heroverweging en bijstelling alleen over schooljaar 2020-2021 (in 2020 geen eindtoets).`);
  const byReason = (reason: string) => result.gka.filter((m) => m.reason === reason).map((m) => m.name);
  log(`GKA-gemeenten (DEMOSET, niet de echte ledenlijst): ${result.gka.length}.`);
  log(`  ondertekend in 2019 (${byReason('signed2019').length}): ${byReason('signed2019').join(', ') || '—'}`);
  log(`  100.000 inwoners of meer (${byReason('large').length}): ${byReason('large').join(', ') || '—'}`);
  log(`  grootste van een nog ontbrekende provincie (${byReason('provincie').length}): ${byReason('provincie').join(', ') || '—'}`);
  log(`  aangevuld op grootte (${byReason('aanvulling').length}): ${byReason('aanvulling').join(', ') || '—'}`);
}
