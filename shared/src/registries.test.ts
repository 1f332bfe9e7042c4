import { describe, expect, it } from 'vitest';
import { groupKindLabel } from './api.ts';
import { BENCHMARK_IN_SENTENCE, BENCHMARK_LABELS } from './benchmarks.ts';
import { significanceText } from './significance.ts';

describe('the names of groups and benchmarks', () => {
  it('name a group by its kind, an imported kind by itself, never by a property every object has', () => {
    expect(groupKindLabel('corop')).toBe('COROP');
    expect(groupKindLabel('g4')).toBe('g4');
    expect(groupKindLabel('toString')).toBe('toString');
  });

  it('name a benchmark on its own and inside a sentence from one registry', () => {
    expect(BENCHMARK_LABELS.stedelijkheid).toBe('Gemeenten met dezelfde stedelijkheid');
    expect(BENCHMARK_IN_SENTENCE.stedelijkheid).toBe('gemeenten met dezelfde stedelijkheid');
    expect(significanceText('hoger', 'gemeenten')).toBe('significant hoger dan het gemiddelde van de gemeenten');
  });
});
