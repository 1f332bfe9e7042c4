// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AreasResponse, SourcesResponse } from '@gka/shared';
import { bodyRows, headers, renderWithApi } from '../../test/render.tsx';
import { aastad, adviesChange, adviesValues, beedorp, ceeveen, groups, indicators } from '../../test/values.ts';
import { DataView } from './DataView.tsx';

// The funnel plot draws with ECharts on a canvas, which happy-dom has not: its own tests cover its option.
vi.mock('../../components/funnel/LazyFunnelChart.tsx', () => ({
  FunnelChart: ({ level }: { level: string }) => <p data-testid="funnel">trechter van {level}</p>,
}));

const api = {
  indicators,
  groups,
  sources: SourcesResponse.parse({
    sources: [{ kind: 'geo', source: 'CBS', synthetic: false, importedAt: '2026-01-01T00:00:00Z' }],
    synthetic: false,
    minCell: 10,
  }),
  areas: AreasResponse.parse({ data: [aastad, beedorp, ceeveen] }),
  values: adviesValues,
  change: adviesChange,
  'export/bulk/info': (q: URLSearchParams) => ({ data: { level: q.get('level'), rows: 1234 } }),
};

const table = () => screen.findByTestId('values-table');

describe('the data page', () => {
  it("shows the first indicator's latest cohort for the gemeenten, compared with Nederland", async () => {
    const { requested } = renderWithApi(<DataView />, { url: '/data', api });
    const t = await table();
    expect(t.querySelector('caption')!.textContent).toMatch(/^Advies havo\/vwo, cohort 2023-2024: 3 rijen\./);
    expect(headers(t)).toEqual(['Naam', 'Code', 'Groep', 'Teller', 'Noemer', 'Percentage', '95%-interval', 'Nederland', 'Significantie']);
    expect(bodyRows(t)).toEqual([
      ['Aastad', 'GM0001', 'Totaal', '120', '300', '40,0%', '35,0% – 45,0%', '45,0%', 'significant lager'],
      ['Beedorp', 'GM0002', 'Totaal', 'afgeschermd', 'afgeschermd', 'afgeschermd', '–', 'niet beschikbaar', '–'],
      ['Ceeveen', 'GM0003', 'Totaal', '90', '150', '60,0%', '55,0% – 65,0%', '45,0%', 'significant hoger'],
    ]);
    const asked = requested.find((u) => u.pathname === '/api/v1/values')!;
    expect(Object.fromEntries(asked.searchParams)).toEqual({ indicator: 'advies_havo_vwo', cohort: '2023-2024', level: 'gemeente', dimension: 'totaal' });
    expect(screen.getByTestId('download-csv').getAttribute('href')).toBe(
      '/api/v1/export?format=csv&indicator=advies_havo_vwo&cohort=2023-2024&level=gemeente&dimension=totaal',
    );
    // Only indicators with values are offered.
    expect(
      within(screen.getByLabelText('Indicator'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Advies havo/vwo', 'Gemiddelde score op de eindtoets']);
    expect(await screen.findByText('1.234 regels')).toBeTruthy();
    expect(screen.getByTestId('download-bulk').textContent).toBe('Download CSV: alle gemeenten');
  });

  it('lists the benchmarks of the table with their value and number of areas', async () => {
    renderWithApi(<DataView />, { url: '/data', api });
    await table();
    const benchmarks = screen.getByRole('table', { name: 'Benchmarks bij deze tabel' });
    expect(bodyRows(benchmarks)).toEqual([
      ['Nederland', 'Totaal', '45,0%', '44,0% – 46,0%', '342'],
      ['GKA-gemeenten', 'Totaal', '42,0%', '41,0% – 43,0%', '1'],
    ]);
  });

  it('compares with the benchmark chosen and adds the change since a reference cohort', async () => {
    renderWithApi(<DataView />, { url: '/data?vergelijk=gka&tov=2022-2023', api });
    const t = await table();
    await waitFor(() => expect(headers(t)).toContain('Verandering t.o.v. cohort 2022-2023'));
    expect(headers(t)[7]).toBe('GKA-gemeenten');
    expect(bodyRows(t).map((r) => [r[0], r[7], r[8], r[9]])).toEqual([
      ['Aastad', '42,0%', 'niet significant', '+3,0 pp, significant hoger'],
      ['Beedorp', 'niet beschikbaar', '–', '–'],
      ['Ceeveen', 'niet beschikbaar', 'onbekend', 'afgeschermd'],
    ]);
  });

  it('asks for gemeenten before it shows wijken, then shows the wijken of those chosen', async () => {
    const { router } = renderWithApi(<DataView />, { url: '/data?niveau=wijk', api });
    expect(await screen.findByText('Kies een of meer gemeenten, of een groep, om hun wijken te tonen.')).toBeTruthy();
    expect(screen.queryByTestId('values-table')).toBeNull();
    fireEvent.change(await screen.findByLabelText('Gemeente'), { target: { value: 'GM0003' } });
    await waitFor(() => expect(router.state.location.search).toBe('?niveau=wijk&gemeente=GM0003'));
    expect((await screen.findByRole('group', { name: /Gekozen gemeenten \(1 van hoogstens 50/ })).textContent).toContain('Ceeveen');
    expect(await screen.findByTestId('funnel')).toBeTruthy();
    expect(screen.getByTestId('download-bulk').textContent).toBe('Download CSV: de wijken van Ceeveen');
  });

  it('drops the cohort from the URL when another indicator lacks it', async () => {
    const { router } = renderWithApi(<DataView />, { url: '/data?cohort=2022-2023', api });
    await table();
    fireEvent.change(screen.getByLabelText('Indicator'), { target: { value: 'eindtoets_gemiddelde' } });
    await waitFor(() => expect(router.state.location.search).toBe('?indicator=eindtoets_gemiddelde'));
  });
});
