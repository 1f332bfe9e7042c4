import { describe, expect, it } from 'vitest';
import { SOFT_HYPHEN, softHyphens } from './hyphens.ts';

const shown = (s: string) => s.replaceAll(SOFT_HYPHEN, '|');

describe('softHyphens', () => {
  it('marks the seams of the compounds in indicator names', () => {
    expect(shown(softHyphens('Slagingspercentage vo-examen'))).toBe('Slagings|per|centage vo-examen');
    expect(shown(softHyphens('Schooladvies havo/vwo'))).toBe('School|advies havo/vwo');
    expect(shown(softHyphens('Achterstandsscore per 100 leerlingen'))).toBe('Achter|stands|score per 100 leerlingen');
    expect(shown(softHyphens('Opleidingsmobiliteit'))).toBe('Op|leidings|mobiliteit');
    expect(shown(softHyphens('Zittenblijvers'))).toBe('Zitten|blijvers');
    expect(shown(softHyphens('Afstromers leerjaar 3'))).toBe('Af|stromers leerjaar 3');
    expect(shown(softHyphens('Heroverweging schooladvies'))).toBe('Her|over|weging school|advies');
  });

  it('leaves whole words alone and keeps the text otherwise the same', () => {
    for (const name of ['Stapelaars vo', 'Havo/vwo in leerjaar 3', 'score', 'Gemiddelde score Route 8']) {
      expect(softHyphens(name)).toBe(name);
    }
    expect(softHyphens('Bijstelling schooladvies').replaceAll(SOFT_HYPHEN, '')).toBe('Bijstelling schooladvies');
  });
});
