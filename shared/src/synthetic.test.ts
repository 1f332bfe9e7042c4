import { describe, expect, it } from 'vitest';
import { allSynthetic, provenanceLabel, sharedProvenance, syntheticCell, syntheticFigures } from './synthetic.ts';

const geo = (synthetic: boolean) => ({ kind: 'geo', synthetic });

describe('real or synthetic, per figure', () => {
  it('calls an indicator synthetic when its values or the boundaries come from a synthetic import', () => {
    expect(syntheticFigures([geo(false), { kind: 'duo', synthetic: false }])).toBe(false);
    expect(syntheticFigures([geo(false), { kind: 'demo', synthetic: true }])).toBe(true);
    // A fictitious region: even figures loaded as real describe no real gemeente.
    expect(syntheticFigures([geo(true), { kind: 'duo', synthetic: false }])).toBe(true);
    expect(syntheticFigures([])).toBe(false);
  });

  it('puts one banner on a page only when every figure on it is synthetic', () => {
    expect(allSynthetic([true, true])).toBe(true);
    // Demo values of the GKA indicators beside real DUO figures: no banner, a mark per figure.
    expect(allSynthetic([true, false, true])).toBe(false);
    expect(allSynthetic([false])).toBe(false);
    // No figures (the map by stedelijkheid): the boundaries decide.
    expect(allSynthetic([], true)).toBe(true);
    expect(allSynthetic([], false)).toBe(false);
    expect(allSynthetic([])).toBe(false);
  });

  it('marks each figure in short Dutch words, naming the source of real figures', () => {
    expect(provenanceLabel({ synthetic: true, source: 'GKA-monitor: levering van het CBS per gemeente en wijk' })).toBe('synthetisch');
    expect(provenanceLabel({ synthetic: false, source: 'DUO Open Onderwijsdata, naar vestigingsplaats van de school' })).toBe('echte cijfers (DUO)');
    expect(provenanceLabel({ synthetic: false, source: 'CBS, Achterstandsscores per basisschoolvestiging 2019 (Tabel 1)' })).toBe('echte cijfers (CBS)');
    expect(provenanceLabel({ synthetic: false, source: 'GKA-monitor: levering van het CBS' })).toBe('echte cijfers (GKA-monitor)');
  });

  it('gives figures that share a column one mark only when their marks agree', () => {
    const cito = { synthetic: false, source: 'DUO Open Onderwijsdata, naar vestigingsplaats van de school' };
    const iep = { synthetic: false, source: 'DUO Open Onderwijsdata, Gemiddelde eindscores per schoolvestiging' };
    expect(sharedProvenance([cito, iep])).toBe(cito);
    expect(sharedProvenance([cito, { ...iep, synthetic: true }])).toBeUndefined();
    expect(sharedProvenance([])).toBeUndefined();
  });

  it('writes the export column as ja or nee', () => {
    expect([syntheticCell(true), syntheticCell(false)]).toEqual(['ja', 'nee']);
  });
});
