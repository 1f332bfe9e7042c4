// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { bodyRows, headers, renderWithApi } from '../../test/render.tsx';
import { ergenstadSchools } from '../../test/schools.ts';
import { SchoolSection } from './SchoolSection.tsx';

const ergenstad = { code: 'GM0001', name: 'Ergenstad' };

describe("a gemeente's schools", () => {
  it('lists the basisscholen by name, each with its figure, toets and how it compares', async () => {
    renderWithApi(<SchoolSection gemeente={ergenstad} />, { api: { 'schools/GM0001': ergenstadSchools } });
    const table = await screen.findByTestId('school-table-po');
    // No vo-school in the answer: no table for them.
    expect(screen.queryByTestId('school-table-vo')).toBeNull();
    expect(table.querySelector('caption')!.textContent).toBe(
      'Basisscholen in Ergenstad: cijfers naar vestiging van de school, niet naar woonplaats van de leerlingen',
    );
    expect(headers(table)).toEqual([
      'School',
      'Eind- of doorstroomtoets\ngemiddelde, op de schaal van de toets\nechte cijfers (DUO)',
      'Toets: vergeleken\nverschil met dezelfde toets, zonder significantietoets',
      'Advies havo/vwo\ncohort 2023-2024\nechte cijfers (DUO)',
      'Advies havo/vwo: vergeleken\nsignificant (95%)',
      'Adres',
    ]);
    expect(bodyRows(table)).toEqual([
      [
        'De Regenboog',
        '80,1\nIEP Eindtoets, cohort 2023-2024',
        'Ergenstad: +1,4 punt\nNederland: –',
        '50,0%\n45,0% – 55,0%',
        'Ergenstad: gunstig\nNederland: geen significant verschil',
        'Schoolstraat 1, Ergens',
      ],
      ['Het Anker', '205,5\nRoute 8, cohort 2022-2023', 'Ergenstad: –\nNederland: –', 'afgeschermd', 'Ergenstad: –\nNederland: –', 'Schoolstraat 1, Ergens'],
      ['Laatste Jaar (gesloten)', '–', '–', '30,0%\n25,0% – 35,0%', 'Ergenstad: ongunstig\nNederland: –', 'Schoolstraat 1, Ergens'],
    ]);
    expect(within(table).getByRole('link', { name: 'De Regenboog' }).getAttribute('href')).toBe('/school/SC00AA00');
  });

  it('sorts the schools by a figure, hidden ones last, when its header is pressed', async () => {
    renderWithApi(<SchoolSection gemeente={ergenstad} />, { api: { 'schools/GM0001': ergenstadSchools } });
    const table = await screen.findByTestId('school-table-po');
    const sort = within(table).getByRole('button', { name: /Advies havo\/vwo/ });
    fireEvent.click(sort);
    expect(bodyRows(table).map((r) => r[0])).toEqual(['De Regenboog', 'Laatste Jaar (gesloten)', 'Het Anker']);
    expect(sort.closest('th')!.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(sort);
    expect(bodyRows(table).map((r) => r[0])).toEqual(['Laatste Jaar (gesloten)', 'De Regenboog', 'Het Anker']);
    expect(sort.closest('th')!.getAttribute('aria-sort')).toBe('ascending');
  });

  it('says so when the gemeente has no schools, and shows the API’s message when it fails', async () => {
    const empty = { ...ergenstadSchools, schools: [], counts: { po: 0, vo: 0 } };
    const { unmount } = renderWithApi(<SchoolSection gemeente={ergenstad} />, { api: { 'schools/GM0001': empty } });
    expect(await screen.findByText('Voor deze gemeente zijn geen scholen bekend.')).toBeTruthy();
    unmount();
    renderWithApi(<SchoolSection gemeente={{ code: 'GM9999', name: 'Nergens' }} />, { api: {} });
    expect((await screen.findByRole('alert')).textContent).toContain('Niet gevonden: Onbekend: schools/GM9999');
  });
});
