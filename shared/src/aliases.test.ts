import { describe, expect, it } from 'vitest';
import { gemeentePickerEntries } from './aliases.ts';

describe('gemeente picker entries', () => {
  const gemeenten = [
    { code: 'GM0518', name: "'s-Gravenhage", gka: true },
    { code: 'GM0796', name: "'s-Hertogenbosch", gka: true },
    { code: 'GM0363', name: 'Amsterdam', gka: true },
    { code: 'GM1680', name: 'Aa en Hunze', gka: false },
  ];

  it('lists a gemeente under its aliases too, with its own code, so Den Haag and Den Bosch are found where people look', () => {
    const entries = gemeentePickerEntries(gemeenten, (g) => (g.gka ? ' (GKA)' : ''));
    expect(entries).toEqual([
      { code: 'GM1680', label: 'Aa en Hunze', alias: false },
      { code: 'GM0363', label: 'Amsterdam (GKA)', alias: false },
      { code: 'GM0796', label: "Den Bosch ('s-Hertogenbosch)", alias: true },
      { code: 'GM0518', label: "Den Haag ('s-Gravenhage)", alias: true },
      { code: 'GM0518', label: "'s-Gravenhage (GKA)", alias: false },
      { code: 'GM0796', label: "'s-Hertogenbosch (GKA)", alias: false },
    ]);
  });
});
