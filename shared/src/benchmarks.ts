import type { BenchmarkKind } from './api.ts';

/** How a benchmark is named: on its own, in a narrow column header, and inside a sentence. */
export type BenchmarkInfo = {
  /** 'Gemeenten met dezelfde stedelijkheid': a choice, a series, a file's column. */
  label: string;
  /** 'Zelfde stedelijkheid': a narrow column header or chart line. */
  short: string;
  /** 'gemeenten met dezelfde stedelijkheid': after 'significant hoger dan'. */
  inSentence: string;
};

/** Every benchmark's names once. */
export const BENCHMARK_INFO: Record<BenchmarkKind, BenchmarkInfo> = {
  nederland: { label: 'Nederland', short: 'Nederland', inSentence: 'Nederland' },
  gemeenten: { label: 'Gemiddelde van de gemeenten', short: 'Gemiddelde gemeenten', inSentence: 'het gemiddelde van de gemeenten' },
  stedelijkheid: { label: 'Gemeenten met dezelfde stedelijkheid', short: 'Zelfde stedelijkheid', inSentence: 'gemeenten met dezelfde stedelijkheid' },
  gka: { label: 'GKA-gemeenten', short: 'GKA-gemeenten', inSentence: 'de GKA-gemeenten' },
  groep: { label: 'Gekozen groep', short: 'Groep', inSentence: 'de gekozen groep' },
  gemeente: { label: 'Eigen gemeente', short: 'Eigen gemeente', inSentence: 'de eigen gemeente' },
};

const each = <T>(pick: (b: BenchmarkInfo) => T) => Object.fromEntries(Object.entries(BENCHMARK_INFO).map(([k, b]) => [k, pick(b)])) as Record<BenchmarkKind, T>;

/** Each benchmark's label ('Gemiddelde van de gemeenten'). */
export const BENCHMARK_LABELS: Record<BenchmarkKind, string> = each((b) => b.label);
/** Each benchmark inside a sentence: 'significant hoger dan het gemiddelde van de gemeenten'. */
export const BENCHMARK_IN_SENTENCE: Record<BenchmarkKind, string> = each((b) => b.inSentence);

/** The regio overview's own benchmark beside the others: each gemeente's expected value given its pupils. */
const VERWACHT: BenchmarkInfo = { label: 'Verwacht gegeven de leerlingen', short: 'Verwacht', inSentence: 'wat de leerlingen deden verwachten' };
/** A benchmark, or the expected value a regio overview can compare with. */
export type AnyBenchmark = BenchmarkKind | 'verwacht';
export const benchmarkInfo = (k: AnyBenchmark): BenchmarkInfo => (k === 'verwacht' ? VERWACHT : BENCHMARK_INFO[k]);
