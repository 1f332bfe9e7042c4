import type { LoadDemoResult } from './load.ts';

/** What a demo load did, in Dutch lines for `gka demo` and the first start: it must say that it is synthetic. */
export function describeDemo(result: LoadDemoResult): string[] {
  const names = (reason: string) => result.gka.filter((m) => m.reason === reason).map((m) => m.name);
  const group = (label: string, reason: string) => `  ${label} (${names(reason).length}): ${names(reason).join(', ') || '—'}`;
  return [
    `${result.rows.toLocaleString('nl-NL')} SYNTHETISCHE demowaarden voor ${result.areas.toLocaleString('nl-NL')} gebieden en ` +
      `${result.cohorts.length} cohorten geladen in ${result.seconds.toFixed(1)} s (seed ${result.seed}, dataset #${result.datasetId}).`,
    `GKA-gemeenten: ${result.gka.length}, een DEMOSET (niet de echte ledenlijst):`,
    group('ondertekend in 2019', 'signed2019'),
    group('100.000 inwoners of meer', 'large'),
    group('grootste van een nog ontbrekende provincie', 'provincie'),
    group('aangevuld op grootte', 'aanvulling'),
  ];
}
