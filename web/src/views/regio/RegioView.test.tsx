// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AreasResponse, SourcesResponse } from '@gka/shared';
import { bodyRows, headers, renderWithApi, text } from '../../test/render.tsx';
import { utrechtOverviewResponse } from '../../test/overview.ts';
import { aastad, beedorp, ceeveen, groups } from '../../test/values.ts';
import { RegioView } from './RegioView.tsx';

const api = {
  groups,
  sources: SourcesResponse.parse({
    sources: [{ kind: 'geo', source: 'CBS', synthetic: false, importedAt: '2026-01-01T00:00:00Z' }],
    synthetic: false,
    minCell: 10,
  }),
  areas: AreasResponse.parse({ data: [aastad, beedorp, ceeveen] }),
  overview: utrechtOverviewResponse,
};

describe('the regio overview', () => {
  it('asks for a regio first, offering each group with its size', async () => {
    renderWithApi(<RegioView />, { url: '/regio', api });
    expect(await screen.findByText(/^Kies een regio: een COROP-gebied/)).toBeTruthy();
    await waitFor(() =>
      expect(
        within(screen.getByLabelText('Regio'))
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['Kies een regio', 'GKA: GKA-gemeenten (1)', 'Provincie: Utrecht (3)', 'Een gemeente met haar vergelijkbare gemeenten…']),
    );
  });

  it("shows each gemeente's figures with the verdict in words, the regio together last, the toetsen apart", async () => {
    const { requested } = renderWithApi(<RegioView />, { url: '/regio?groep=provincie-utrecht', api });
    const table = await screen.findByTestId('overview-table');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Regio-overzicht: Utrecht');
    expect(table.querySelector('caption')!.textContent).toBe(
      'Utrecht: 2 gemeenten × 2 indicatoren, vergeleken met Nederland; de laatste rij telt de gemeenten samen',
    );
    expect(headers(table)).toEqual(['Gemeente', 'Advies havo/vwocohort 2023-2024echte cijfers (DUO)', 'Achterstandsscorecohort 2023-2024echte cijfers (CBS)']);
    expect(bodyRows(table)).toEqual([
      ['Aastad', '40,0%ongunstig', '31,2hoger (neutraal)'],
      ['Ceeveen', '60,0%gunstig', '29,9geen significant verschil'],
      ['Utrecht samen', '50,0%gunstig', '30,5geen significant verschil'],
    ]);
    // The AMN toets, which no school in the regio took, is no column.
    const toetsen = screen.getByTestId('overview-toetsen');
    expect(headers(toetsen)).toEqual(['Gemeente', 'Gemiddelde score IEP Eindtoetscohort 2023-2024echte cijfers (DUO)']);
    // A mean has no test: a screen reader hears so, the eye sees the difference.
    expect(bodyRows(toetsen)).toEqual([
      ['Aastad', '79,5zonder significantietoets'],
      ['Ceeveen', 'afgeschermdonbekend'],
      ['Utrecht samen', '79,5zonder significantietoets'],
    ]);
    expect(toetsen.querySelector('button[data-cell="0-0"] .heat-cell__word')!.textContent).toBe('−0,6 punt');
    expect(Object.fromEntries(requested.find((u) => u.pathname === '/api/v1/overview')!.searchParams)).toEqual({
      group: 'provincie-utrecht',
      benchmark: 'nederland',
    });
    expect(screen.getByTestId('overview-csv').getAttribute('href')).toBe('/api/v1/overview/export?format=csv&group=provincie-utrecht&benchmark=nederland');
  });

  it('sorts the gemeenten by an indicator and keeps the regio together last', async () => {
    renderWithApi(<RegioView />, { url: '/regio?groep=provincie-utrecht', api });
    const table = await screen.findByTestId('overview-table');
    fireEvent.click(within(table).getByRole('button', { name: /Advies havo\/vwo/ }));
    expect(bodyRows(table).map((r) => r[0])).toEqual(['Ceeveen', 'Aastad', 'Utrecht samen']);
    fireEvent.click(within(table).getByRole('button', { name: /Advies havo\/vwo/ }));
    expect(bodyRows(table).map((r) => r[0])).toEqual(['Aastad', 'Ceeveen', 'Utrecht samen']);
  });

  it("opens a cell's details on a click, with the difference, its interval and a way to the gemeente", async () => {
    renderWithApi(<RegioView />, { url: '/regio?groep=provincie-utrecht', api });
    const table = await screen.findByTestId('overview-table');
    const cell = table.querySelector<HTMLButtonElement>('button[data-cell="0-0"]')!;
    fireEvent.click(cell);
    const panel = await screen.findByTestId('overview-detail');
    expect(cell.getAttribute('aria-expanded')).toBe('true');
    expect(within(panel).getByRole('heading').textContent).toBe('Aastad: Advies havo/vwo (cohort 2023-2024)');
    const details = [...panel.querySelectorAll('dt')].map((dt) => [dt.textContent, text(dt.nextElementSibling!)]);
    expect(details).toEqual([
      ['Waarde', '40,0% (95%-interval 35,0% – 45,0%)'],
      ['Nederland', '45,0%'],
      ['Verschil', '−5,0 procentpunt: significant lager dan Nederland (95%-interval −9,0 pp tot −1,0 pp)'],
      ['Oordeel', 'ongunstig'],
      ['Bron', 'DUO echte cijfers (DUO)'],
    ]);
    expect(within(panel).getByRole('link').getAttribute('href')).toBe('/gemeente/GM0001?indicator=advies_havo_vwo');
    fireEvent.click(within(panel).getByRole('button', { name: 'Sluiten' }));
    expect(screen.queryByTestId('overview-detail')).toBeNull();
  });

  it('shows a cell’s details beside it on focus, and moves between cells with the arrow keys', async () => {
    renderWithApi(<RegioView />, { url: '/regio?groep=provincie-utrecht', api });
    const table = await screen.findByTestId('overview-table');
    const first = table.querySelector<HTMLButtonElement>('button[data-cell="0-0"]')!;
    first.focus();
    fireEvent.focus(first);
    const tip = await screen.findByTestId('overview-tooltip');
    expect(tip.querySelector('.cell-tooltip__title')!.textContent).toBe('Aastad: Advies havo/vwo (cohort 2023-2024)');
    expect(first.getAttribute('aria-describedby')).toBe(tip.id);
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(table.querySelector('button[data-cell="1-0"]'));
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(table.querySelector('button[data-cell="1-1"]'));
  });
});
