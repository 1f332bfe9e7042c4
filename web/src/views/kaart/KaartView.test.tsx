// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AreasResponse, SourcesResponse } from '@gka/shared';
import { expectedHidden, expectedResponse, expectedRow } from '../../test/api.ts';
import { CHANGE_PALETTE, DIFFERENCE_PALETTE, PALETTE } from '../../lib/scale.ts';
import { bodyRows, headers, renderWithApi } from '../../test/render.tsx';
import { aastad, advies, adviesChange, adviesValues, beedorp, ceeveen, indicators } from '../../test/values.ts';
import { KaartView } from './KaartView.tsx';

// The map is the SVG map it first shows; MapLibre (WebGL) is left out.
vi.mock('../../components/map/MapCanvas.tsx', () => ({ default: () => null }));

const square = (code: string, name: string, x: number) => ({
  type: 'Feature',
  properties: { code, name },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, 51],
        [x + 0.1, 51],
        [x + 0.1, 51.1],
        [x, 51],
      ],
    ],
  },
});

const api = {
  indicators,
  sources: SourcesResponse.parse({
    sources: [{ kind: 'geo', source: 'CBS', synthetic: false, importedAt: '2026-01-01T00:00:00Z' }],
    synthetic: false,
    minCell: 10,
  }),
  areas: AreasResponse.parse({ data: [ceeveen, aastad, beedorp] }),
  'geo/gemeente': { type: 'FeatureCollection', features: [square('GM0001', 'Aastad', 5), square('GM0002', 'Beedorp', 5.2), square('GM0003', 'Ceeveen', 5.4)] },
  values: adviesValues,
  change: adviesChange,
  // Expected values of advies in 2023-2024 only: the cohort before has no national figures by the parents' education.
  expected: (q: URLSearchParams) =>
    q.get('indicator') === 'advies_havo_vwo' && q.get('cohort') === '2023-2024'
      ? expectedResponse(
          advies,
          [
            expectedRow('GM0001', 'Aastad', 0.4, 0.46, 'lager'),
            expectedHidden('GM0002', 'Beedorp'),
            expectedRow('GM0003', 'Ceeveen', 0.6, 0.59, 'niet_significant'),
          ],
          '2023-2024',
        )
      : Response.json({ error: { code: 'bad_request', message: 'Geen landelijke cijfers naar de opleiding van de ouders' } }, { status: 400 }),
};

/** Each gemeente on the map: code, colour step (index in the palette shown, 'geen' for no data) and accessible name. */
const mapItems = async () =>
  [...(await screen.findByRole('group', { name: /^Kaart: / })).querySelectorAll('[data-code]')].map((a) => {
    const fill = a.querySelector('path')!.getAttribute('fill')!;
    const step = [PALETTE, CHANGE_PALETTE, DIFFERENCE_PALETTE].map((p) => (p as readonly string[]).indexOf(fill)).find((i) => i >= 0);
    return [a.getAttribute('data-code'), String(step ?? 'geen'), a.getAttribute('aria-label')];
  });

describe('the map page', () => {
  it('colours the gemeenten by stedelijkheid until an indicator is chosen, with the table in name order', async () => {
    renderWithApi(<KaartView />, { url: '/', api });
    expect(await mapItems()).toEqual([
      ['GM0001', '4', 'Aastad, Stedelijkheid: 1 zeer sterk stedelijk, GKA-gemeente'],
      ['GM0002', '0', 'Beedorp, Stedelijkheid: 5 niet stedelijk'],
      ['GM0003', '2', 'Ceeveen, Stedelijkheid: 3 matig stedelijk'],
    ]);
    expect(screen.getByRole('figure', { name: /^Legenda: Stedelijkheid \(CBS\)/ })).toBeTruthy();
    // Rendered once the map is on screen.
    const table = await screen.findByTestId('gemeenten-table');
    expect(headers(table)).toEqual(['Gemeente', 'Stedelijkheid', 'GKA-gemeente']);
    expect(bodyRows(table)).toEqual([
      ['Aastad', '1 zeer sterk stedelijk', 'ja'],
      ['Beedorp', '5 niet stedelijk', 'nee'],
      ['Ceeveen', '3 matig stedelijk', 'nee'],
    ]);
  });

  it("shows an indicator's values on the map and in the table, compared with Nederland", async () => {
    renderWithApi(<KaartView />, { url: '/?indicator=advies_havo_vwo', api });
    await waitFor(async () => expect((await mapItems())[0]![2]).toContain('Advies havo/vwo: 40,0%'));
    expect((await mapItems()).map(([code, step]) => [code, step])).toEqual([
      ['GM0001', '0'],
      ['GM0002', 'geen'],
      ['GM0003', '4'],
    ]);
    const table = screen.getByTestId('gemeenten-table');
    expect(table.querySelector('caption')!.textContent).toBe('Gemeenten: Advies havo/vwo (tabel bij de kaart)');
    expect(bodyRows(table)).toEqual([
      ['Aastad', '40,0%', '35,0% – 45,0%', 'significant lager dan Nederland', '1 zeer sterk stedelijk', 'ja'],
      ['Beedorp', 'afgeschermd', '–', '–', '5 niet stedelijk', 'nee'],
      ['Ceeveen', '60,0%', '55,0% – 65,0%', 'significant hoger dan Nederland', '3 matig stedelijk', 'nee'],
    ]);
  });

  it('shows the change since an earlier cohort when asked, in the tooltip and the table', async () => {
    const { router } = renderWithApi(<KaartView />, { url: '/?indicator=advies_havo_vwo', api });
    fireEvent.change(await screen.findByLabelText('Toon'), { target: { value: '2022-2023' } });
    await waitFor(() => expect(router.state.location.search).toBe('?indicator=advies_havo_vwo&tov=2022-2023'));
    await waitFor(() => expect(headers(screen.getByTestId('gemeenten-table'))).toContain('Verandering t.o.v. cohort 2022-2023'));
    expect((await mapItems())[0]).toEqual([
      'GM0001',
      '3',
      'Aastad, Advies havo/vwo: 40,0%, Verandering t.o.v. cohort 2022-2023: +3,0 procentpunt, significant hoger, GKA-gemeente',
    ]);
    expect(bodyRows(screen.getByTestId('gemeenten-table')).map((r) => [r[0], r[4]])).toEqual([
      ['Aastad', '+3,0 procentpunt, significant hoger'],
      ['Beedorp', '–'],
      ['Ceeveen', 'afgeschermd'],
    ]);
  });

  it('colours by observed − expected when asked, with a diverging legend in procentpunten; offered only where /expected has figures', async () => {
    const { router } = renderWithApi(<KaartView />, { url: '/?indicator=advies_havo_vwo', api });
    const toon = async () =>
      within(await screen.findByLabelText('Toon'))
        .getAllByRole('option')
        .map((o) => [o.getAttribute('value'), o.textContent]);
    await waitFor(async () => expect(await toon()).toContainEqual(['verwacht', 'Verschil t.o.v. verwacht (gegeven de leerlingen)']));
    fireEvent.change(screen.getByLabelText('Toon'), { target: { value: 'verwacht' } });
    await waitFor(() => expect(router.state.location.search).toBe('?indicator=advies_havo_vwo&tov=verwacht'));
    const legend = await screen.findByRole('figure', { name: /^Legenda: Verschil t\.o\.v\. verwacht: Advies havo\/vwo/ });
    // −6,0 and +1,0 procentpunt: bounds at ±2,0 and ±6,0.
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'lager dan −6,0 procentpunt',
      '−6,0 tot −2,0 procentpunt',
      '−2,0 tot +2,0 procentpunt',
      '+2,0 tot +6,0 procentpunt',
      '+6,0 procentpunt of hoger',
      'Afgeschermd of geen gegevens',
      'GKA-gemeente (dikke rand)',
    ]);
    await waitFor(async () =>
      expect((await mapItems()).map(([code, step]) => [code, step])).toEqual([
        ['GM0001', '1'],
        ['GM0002', 'geen'],
        ['GM0003', '2'],
      ]),
    );
    expect((await mapItems())[0]![2]).toContain('t.o.v. verwacht: −6,0 procentpunt, significant lager dan verwacht');
    const table = screen.getByTestId('gemeenten-table');
    expect(bodyRows(table).map((r) => [r[0], r[4]])).toEqual([
      ['Aastad', '−6,0 pp, significant lager dan verwacht'],
      ['Beedorp', 'afgeschermd'],
      ['Ceeveen', '+1,0 pp, niet significant'],
    ]);
    // A cohort without expected values: the choice goes, and with it the parameter.
    fireEvent.change(screen.getByLabelText('Cohort'), { target: { value: '2022-2023' } });
    await waitFor(() => expect(router.state.location.search).toBe('?indicator=advies_havo_vwo&cohort=2022-2023'));
    expect(screen.queryByLabelText('Toon')).toBeNull();
  });

  it('says how to load boundaries when none are loaded', async () => {
    renderWithApi(<KaartView />, { url: '/', api: { ...api, 'geo/gemeente': { type: 'FeatureCollection', features: [] } } });
    expect((await screen.findByText(/Er zijn nog geen gemeentegrenzen geladen/)).textContent).toContain('pnpm gka import-geo');
  });
});
