// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import type { Dossier, Me } from '@gka/shared';
import { renderWithApi } from '../../../test/render.tsx';
import { DossierSection } from './DossierSection.tsx';

const me: Me = { email: 'els@tilburg.nl', rol: 'gemeente', gemeenten: ['GM0001'], groepen: [], dossiers: ['GM0001'], csrfToken: 'token' };
const meta = {
  versie: 1,
  aangemaaktOp: '2026-12-01T10:00:00Z',
  aangemaaktDoor: 'els@tilburg.nl',
  bijgewerktOp: '2026-12-01T10:00:00Z',
  bijgewerktDoor: 'els@tilburg.nl',
};
const dossier: Dossier = {
  gemeente: { code: 'GM0001', name: 'Aastad' },
  duidingen: [{ ...meta, id: 1, indicator: 'advies_havo_vwo', cohort: null, wijk: null, school: null, tekst: 'Een school sloot.' }],
  gesprekken: [],
  afspraken: [
    { ...meta, id: 2, wat: 'Te laat', wie: 'Gemeente', deadline: '2020-01-01', status: 'open', gesprek: null },
    { ...meta, id: 3, wat: 'Op tijd', wie: 'Regio', deadline: '2099-01-01', status: 'open', gesprek: null },
    { ...meta, id: 4, wat: 'Klaar', wie: 'Regio', deadline: '2020-01-01', status: 'gedaan', gesprek: null },
  ],
  interventies: [],
};
const indicators = [{ code: 'advies_havo_vwo', name: 'Advies havo/vwo' }];

describe('the dossier on the gemeente page', () => {
  it('marks only the open afspraken past their date, in the order the API gave', () => {
    renderWithApi(<DossierSection gemeente={dossier.gemeente} dossier={dossier} me={me} indicators={indicators} />, {});
    const rows = screen.getAllByTestId('afspraak');
    expect(
      rows.map((r) =>
        within(r)
          .getByText(/Te laat|Op tijd|Klaar/, { selector: 'p' })
          .textContent?.trim(),
      ),
    ).toEqual(['Te laat Te laat', 'Op tijd', 'Klaar']);
    expect(rows.map((r) => r.className.includes('overdue'))).toEqual([true, false, false]);
  });

  it('says in Dutch what a form lacks, and sends nothing', () => {
    const { requested } = renderWithApi(<DossierSection gemeente={dossier.gemeente} dossier={dossier} me={me} indicators={indicators} />, {});
    fireEvent.click(screen.getByRole('tab', { name: /Interventies/ }));
    fireEvent.click(screen.getByText('Nieuwe interventie'));
    fireEvent.click(screen.getByRole('button', { name: 'Interventie opslaan' }));
    expect(screen.getByRole('alert').textContent).toMatch(/^Vul een naam in.*verwacht een datum als 2026-12-31/);
    expect(requested.filter((u) => u.pathname.startsWith('/api/v1/dossier'))).toEqual([]);
  });

  it('moves between the tabs with the arrow keys', () => {
    renderWithApi(<DossierSection gemeente={dossier.gemeente} dossier={dossier} me={me} indicators={indicators} />, {});
    fireEvent.keyDown(screen.getByRole('tab', { name: /Afspraken/ }), { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('Gesprekken (0)');
    fireEvent.keyDown(screen.getByRole('tab', { name: /Gesprekken/ }), { key: 'ArrowLeft' });
    fireEvent.keyDown(screen.getByRole('tab', { name: /Afspraken/ }), { key: 'ArrowLeft' });
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('Interventies (0)');
  });
});
