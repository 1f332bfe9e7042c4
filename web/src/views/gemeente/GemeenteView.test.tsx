// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ChangeResponse, SchoolsResponse, SourcesResponse, ValuesResponse } from '@gka/shared';
import { benchmark, comparison, expectedHidden, expectedResponse, expectedRow, indicator, meta, value } from '../../test/api.ts';
import { aastadProfile } from '../../test/profile.ts';
import { bodyRows, headers, renderWithApi } from '../../test/render.tsx';
import { advies, groups } from '../../test/values.ts';
import { WijkSection } from './WijkSection.tsx';
import { GemeenteView } from './GemeenteView.tsx';

// Canvas and WebGL, which happy-dom has not: the chart and map options have tests of their own.
vi.mock('../../components/chart/Chart.tsx', () => ({ Chart: ({ label }: { label: string }) => <p data-testid="chart">{label}</p> }));
vi.mock('../../components/map/AreaMap.tsx', () => ({ preloadMap: () => Promise.resolve(), AreaMap: () => <p data-testid="map" /> }));
vi.mock('../../components/funnel/LazyFunnelChart.tsx', () => ({ FunnelChart: ({ level }: { level: string }) => <p data-testid="funnel">{level}</p> }));

const wijk = (code: string, name: string, k: number, n: number, vsGemeente: 'hoger' | 'lager' | 'niet_significant') =>
  value(code, name, k, n, [comparison('gemeente', 0.4, vsGemeente), comparison('nederland', 0.45, vsGemeente)]);

const api = {
  'profile/GM0001': aastadProfile,
  groups,
  sources: SourcesResponse.parse({
    sources: [{ kind: 'geo', source: 'CBS', synthetic: false, importedAt: '2026-01-01T00:00:00Z' }],
    synthetic: false,
    minCell: 10,
  }),
  'geo/wijk': { type: 'FeatureCollection', features: [] },
  // Wijk figures of the schooladvies only: the achterstandsscore is counted per school.
  values: (q: URLSearchParams) =>
    ValuesResponse.parse({
      data:
        q.get('indicator') === 'advies_havo_vwo' ? [wijk('WK000101', 'Centrum', 60, 100, 'hoger'), wijk('WK000102', 'Noord', 35, 100, 'niet_significant')] : [],
      benchmarks: [benchmark('gemeente', 'Aastad', 0.4, 1)],
      dispersion: [],
      meta: meta(advies, '2022-2023'),
    }),
  change: ChangeResponse.parse({
    data: [
      {
        area: 'WK000101',
        name: 'Centrum',
        group: 'totaal',
        value: 0.6,
        referenceValue: 0.5,
        difference: 0.1,
        ciLow: 0.02,
        ciHigh: 0.18,
        significance: 'hoger',
        suppressed: false,
      },
    ],
    dispersion: [],
    meta: { ...meta(advies, '2022-2023'), reference: { code: 'voor-covid', label: 'Vóór COVID', cohorts: ['2018-2019'] } },
  }),
  // Centrum above what its pupils predict, Noord with a hidden group; another indicator without a breakdown.
  expected: (q: URLSearchParams) =>
    q.get('indicator') === 'advies_havo_vwo' && q.get('parent') === 'GM0001'
      ? expectedResponse(advies, [expectedRow('WK000101', 'Centrum', 0.6, 0.52, 'hoger'), expectedHidden('WK000102', 'Noord')], '2022-2023')
      : Response.json(
          { error: { code: 'bad_request', message: 'Dit aandeel heeft geen landelijke cijfers naar de opleiding van de ouders' } },
          { status: 400 },
        ),
  'schools/GM0001': SchoolsResponse.parse({ gemeente: { code: 'GM0001', name: 'Aastad' }, columns: [], schools: [], counts: { po: 0, vo: 0 }, far: [] }),
};

const view = (url = '/gemeente/GM0001') => renderWithApi(<GemeenteView />, { url, path: '/gemeente/:code', api });

describe('the gemeente page', () => {
  it('names the gemeente with its facts and concerns, and links the notitie with the choices of the page', async () => {
    view('/gemeente/GM0001?indicator=achterstandsscore');
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Gemeente Aastad');
    const facts = [...document.querySelectorAll('.facts dt')].map((dt) => [dt.textContent, dt.nextElementSibling!.textContent]);
    expect(facts).toEqual([
      ['Stedelijkheid', '1 zeer sterk stedelijk (≥ 2.500 adressen/km²)'],
      ['Inwoners', '50.000'],
      ['Provincie', 'Noord-Brabant'],
      ['GKA-gemeente', 'ja, sinds maart 2021'],
    ]);
    expect(screen.getByTestId('notitie-link').getAttribute('href')).toBe('/gemeente/GM0001/notitie?indicator=achterstandsscore');
    await waitFor(() => expect(document.title).toBe('Gemeente Aastad – GKA Dashboard'));
    // The concern the API chose heads the page; no strength.
    const points = screen.getByTestId('aandachtspunten');
    expect(within(points).getByTestId('aandachtspunten-zorgen').textContent).toContain('Advies havo/vwo');
    expect(within(points).queryByTestId('aandachtspunten-sterk')).toBeNull();
  });

  it('shows each indicator against each benchmark in words, and the change since before COVID', async () => {
    view();
    const grid = await screen.findByTestId('summary-grid');
    expect(headers(grid)).toEqual(['Indicator', 'Waarde', 'Nederland', 'Zelfde stedelijkheid', 'GKA-gemeenten', 'COVID-cohort t.o.v. vóór COVID']);
    expect(bodyRows(grid)).toEqual([
      [
        'Advies havo/vwoCohort 2022-2023echte cijfers (DUO)',
        '40,0%',
        'ongunstig (−5,0 pp)',
        'geen significant verschil (−1,0 pp)',
        'gunstig (+5,0 pp)',
        '−4,0 pp, niet significant (2020-2021)',
      ],
      ['AchterstandsscoreCohort 2023-2024echte cijfers (CBS)', '31,2', 'zonder significantietoets (+1,2 punt)', '–', '–', '–'],
    ]);
  });

  it("shows the chosen indicator's kansenkloof, a peer that does better, and its wijken against the gemeente and Nederland", async () => {
    view();
    expect((await screen.findByTestId('breakdown')).querySelector('.kloof')!.textContent).toBe(
      'Kansenkloof (kinderen van hoog- minus laagopgeleide ouders): +25,0 procentpunt',
    );
    const table = await screen.findByTestId('wijk-table');
    await waitFor(() => expect(headers(table).at(-1)).toBe('Verschil 2020-2021 met vóór COVID'));
    await waitFor(() => expect(headers(table)).toContain('t.o.v. verwacht'));
    expect(bodyRows(table)).toEqual([
      [
        'Centrum',
        '60,0%',
        '100',
        '55,0% – 65,0%',
        'significant hoger dan de eigen gemeente',
        'significant hoger dan Nederland',
        '+8,0 pp, significant hoger dan verwacht',
        '+10,0 pp, significant hoger',
      ],
      [
        'Noord',
        '35,0%',
        '100',
        '30,0% – 40,0%',
        'niet significant verschillend van de eigen gemeente',
        'niet significant verschillend van Nederland',
        'afgeschermd',
        '–',
      ],
    ]);
    expect(screen.getByTestId('wijk-expected-hint').textContent).toMatch(/^De kolom t\.o\.v\. verwacht is de waarde van de wijk min wat haar leerlingen/);
    expect(screen.getByTestId('funnel').textContent).toBe('wijk');
    // A vergelijkbare gemeente that does better, linked to its own page on the same indicator.
    const peer = within(screen.getByTestId('peers')).getByRole('link');
    expect([peer.textContent?.startsWith('Ceeveen'), peer.getAttribute('href')]).toEqual([true, '/gemeente/GM0003?indicator=advies_havo_vwo']);
  });

  it('says an indicator without wijk figures has none, and adds a chosen group as a benchmark', async () => {
    const { router } = view();
    await screen.findByTestId('summary-grid');
    fireEvent.change(screen.getByLabelText('Indicator voor trend, kansenkloof en wijken'), { target: { value: 'achterstandsscore' } });
    expect(
      await screen.findByText('Achterstandsscore bestaat niet per wijk: de bron telt per school. De scholen van deze gemeente staan hieronder.'),
    ).toBeTruthy();
    const groep = await screen.findByLabelText('Vergelijk ook met een groep');
    expect(
      within(groep)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Geen groep', 'GKA-gemeenten', 'Utrecht', 'Vergelijkbare gemeenten']);
    fireEvent.change(groep, { target: { value: 'provincie-utrecht' } });
    await waitFor(() => expect(router.state.location.search).toBe('?indicator=achterstandsscore&groep=provincie-utrecht'));
    await waitFor(() => expect(headers(screen.getByTestId('summary-grid'))).toContain('Utrecht'));
  });

  it("says why the wijk table has no column t.o.v. verwacht for a share without a breakdown, in the API's words", async () => {
    const share = indicator('geslaagd', { name: 'Geslaagd' });
    const values = ValuesResponse.parse({
      data: [wijk('WK000101', 'Centrum', 60, 100, 'hoger')],
      benchmarks: [],
      dispersion: [],
      meta: meta(share, '2022-2023'),
    });
    renderWithApi(<WijkSection gemeente={{ code: 'GM0001', name: 'Aastad' }} indicator={share} cohort="2022-2023" />, { api: { ...api, values } });
    const table = await screen.findByTestId('wijk-table');
    expect((await screen.findByTestId('wijk-expected-hint')).textContent).toBe(
      'Geen kolom t.o.v. verwacht: Dit aandeel heeft geen landelijke cijfers naar de opleiding van de ouders.',
    );
    expect(headers(table)).not.toContain('t.o.v. verwacht');
  });
});
