// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AreasResponse, CompareResponse, IndicatorsResponse, SourcesResponse } from '@gka/shared';
import { area, benchmark, comparison, hidden, indicator, meta, school, value } from '../../test/api.ts';
import { bodyRows, headers, renderWithApi } from '../../test/render.tsx';
import { aastad, advies, beedorp, ceeveen } from '../../test/values.ts';
import { VergelijkenView } from './VergelijkenView.tsx';

// The bars are drawn by ECharts on a canvas, which happy-dom has not: comparisonOption.test.ts covers what they show.
vi.mock('../../components/chart/Chart.tsx', () => ({ Chart: ({ label }: { label: string }) => <p data-testid="chart">{label}</p> }));

const slagen = indicator('slagingspercentage_vo', { name: 'Slagingspercentage vo-examen', hasWijken: false });
const wijken = [
  area('WK000101', 'Centrum', { parent: 'GM0001' }),
  area('WK000102', 'Noord', { parent: 'GM0001' }),
  area('WK000103', 'Haven', { parent: 'GM0001' }),
];
const row = (v: ReturnType<typeof value>) => ({ ...v, level: 'wijk', parent: 'GM0001' });

/** /compare of advies for Aastad's wijken: Centrum above both benchmarks, Noord hidden, Haven below its gemeente. */
const compare = (areas: string[]) =>
  CompareResponse.parse({
    data: [
      row(value('WK000101', 'Centrum', 60, 100, [comparison('gemeente', 0.4, 'hoger'), comparison('gemeenten', 0.45, 'hoger')])),
      row(hidden('WK000102', 'Noord')),
      row(value('WK000103', 'Haven', 30, 100, [comparison('gemeente', 0.4, 'lager'), comparison('gemeenten', 0.45, 'niet_significant')])),
    ].filter((r) => areas.includes(r.area)),
    benchmarks: [benchmark('gemeente', 'Aastad', 0.4, 1), benchmark('gemeenten', 'Gemiddelde van de gemeenten', 0.45, 342)],
    meta: meta(advies, '2023-2024'),
  });

const api = {
  indicators: IndicatorsResponse.parse({ data: [advies, slagen] }),
  sources: SourcesResponse.parse({
    sources: [{ kind: 'geo', source: 'CBS', synthetic: false, importedAt: '2026-01-01T00:00:00Z' }],
    synthetic: false,
    minCell: 10,
  }),
  areas: (q: URLSearchParams) =>
    AreasResponse.parse({
      data:
        q.get('level') === 'wijk'
          ? wijken
          : q.get('level') === 'school'
            ? [school('SC00AA00', 'De Regenboog', { sector: 'po' }), school('SC00CC00', 'Oude School', { sector: 'po', gesloten: true })]
            : [aastad, beedorp, ceeveen],
    }),
  compare: (q: URLSearchParams) => compare(q.get('areas')!.split(',')),
};

describe('Wijken vergelijken', () => {
  it('asks for a gemeente first, and offers only indicators with figures per wijk', async () => {
    renderWithApi(<VergelijkenView />, { url: '/vergelijken', api });
    expect(await screen.findByText('Kies eerst een gemeente.')).toBeTruthy();
    const slaag = await screen.findByLabelText<HTMLInputElement>(/Slagingspercentage vo-examen/);
    expect(slaag.disabled).toBe(true);
    expect(slaag.closest('label')!.textContent).toContain('(geen cijfers per wijk)');
    expect(screen.getByLabelText<HTMLInputElement>(/Advies havo\/vwo/).checked).toBe(true);
  });

  it('shows each wijk against its gemeente in the overview, and ranked against both benchmarks per indicator', async () => {
    renderWithApi(<VergelijkenView />, { url: '/vergelijken?gemeente=GM0001', api });
    const heatmap = await screen.findByTestId('heatmap');
    expect(heatmap.querySelector('caption')!.textContent).toMatch(/^Wijken × indicatoren, vergeleken met Aastad:/);
    expect(bodyRows(heatmap)).toEqual([
      ['Centrum', '60,0%gunstig'],
      ['Noord', 'afgeschermd'],
      ['Haven', '30,0%ongunstig'],
    ]);
    const table = await screen.findByTestId('compare-table');
    expect(headers(table)).toEqual(['Wijk', 'Advies havo/vwo', '95%-interval', 'Vergeleken met het gemiddelde van de gemeenten', 'Vergeleken met Aastad']);
    // Highest first; the hidden wijk last.
    expect(bodyRows(table)).toEqual([
      [
        'Centrum',
        '60,0%',
        '55,0% – 65,0%',
        '+15,0 procentpunt: significant hoger dan het gemiddelde van de gemeenten',
        '+20,0 procentpunt: significant hoger dan de eigen gemeente',
      ],
      [
        'Haven',
        '30,0%',
        '25,0% – 35,0%',
        '−15,0 procentpunt: niet significant verschillend van het gemiddelde van de gemeenten',
        '−10,0 procentpunt: significant lager dan de eigen gemeente',
      ],
      ['Noord', 'afgeschermd', '–', '–', '–'],
    ]);
    expect(screen.getByTestId('chart').textContent).toBe('Staafdiagram: wijken gerangschikt op Advies havo/vwo; de tabel eronder bevat dezelfde cijfers');
    // The schools apart from the wijken; a closed one is not listed.
    const list = await screen.findByTestId('school-list');
    expect(within(list).getByText('Basisscholen (1)')).toBeTruthy();
    expect(
      within(list)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual(['/school/SC00AA00', '/gemeente/GM0001#scholen-kop']);
  });

  it('compares with the average gemeente when chosen, and leaves out a wijk that is unticked', async () => {
    const { router } = renderWithApi(<VergelijkenView />, { url: '/vergelijken?gemeente=GM0001', api });
    const heatmap = await screen.findByTestId('heatmap');
    fireEvent.change(screen.getByLabelText('Vergelijk elke wijk met'), { target: { value: 'gemeenten' } });
    await waitFor(() => expect(router.state.location.search).toBe('?gemeente=GM0001&vergelijk=gemeenten'));
    expect(screen.getByText(/ongewogen gemiddelde van alle gemeentewaarden/)).toBeTruthy();
    expect(bodyRows(heatmap).map((r) => r[1])).toEqual(['60,0%gunstig', 'afgeschermd', '30,0%n.s.']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Noord' }));
    await waitFor(() => expect(router.state.location.search).toBe('?gemeente=GM0001&vergelijk=gemeenten&wijken=WK000101%2CWK000103'));
    await waitFor(() => expect(bodyRows(screen.getByTestId('heatmap')).map((r) => r[0])).toEqual(['Centrum', 'Haven']));
    expect(screen.getByRole('group', { name: 'Wijken (2 van 3 gekozen)' })).toBeTruthy();
  });
});
