import { describe, expect, it } from 'vitest';
import type { Dossier } from '@gka/shared';
import { duidingenByIndicator, overdue, parseDeelnemers, today } from './dossierRows.ts';

describe('dossier rows', () => {
  it('marks open afspraken past their date, and only those', () => {
    const rows = [
      { id: 1, status: 'gedaan', deadline: '2026-01-01' },
      { id: 2, status: 'open', deadline: '2027-03-01' },
      { id: 3, status: 'vervallen', deadline: '2025-01-01' },
      { id: 4, status: 'open', deadline: '2026-11-01' },
    ] as const;
    expect(rows.map((r) => overdue(r, '2026-12-06'))).toEqual([false, false, false, true]);
  });

  it('takes today in Dutch time: just after midnight there it is already the next day', () => {
    expect(today(new Date('2026-12-06T23:30:00Z'))).toBe('2026-12-07');
  });

  it('reads one participant per line as name, role', () => {
    expect(parseDeelnemers('A. de Vries, wethouder\n\n  B. Jansen  \nC. Bakker, directeur, De Regenboog')).toEqual([
      { naam: 'A. de Vries', rol: 'wethouder' },
      { naam: 'B. Jansen', rol: '' },
      { naam: 'C. Bakker', rol: 'directeur, De Regenboog' },
    ]);
  });
});

describe('duiding per indicator', () => {
  it('gathers every duiding of an indicator, in the order of the dossier', () => {
    const dossier = {
      duidingen: [
        { indicator: 'a', tekst: 'een' },
        { indicator: 'b', tekst: 'twee' },
        { indicator: 'a', tekst: 'drie' },
      ],
    } as Dossier;
    expect([...duidingenByIndicator(dossier)]).toEqual([
      ['a', ['een', 'drie']],
      ['b', ['twee']],
    ]);
  });
});
