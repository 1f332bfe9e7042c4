import { describe, expect, it } from 'vitest';
import { comparison, hidden, indicator, school, schoolsColumn, value } from '../../test/api.ts';
import { achterstand, advies, ergenstadSchools as response } from '../../test/schools.ts';
import { against, cellOf, schoolRows, sectorColumns, similarColumn } from './schoolRows.ts';

describe('a sector table of schools', () => {
  const { own, toetsen } = sectorColumns(response.schools, response.columns);

  it('shows only indicators some school has a figure for, the toetsen in a column of their own', () => {
    expect(own.map((c) => c.indicator.code)).toEqual(['advies_havo_vwo']);
    expect(toetsen.map((c) => c.indicator.code)).toEqual(['eindtoets_iep', 'eindtoets_route8']);
  });

  it('leaves out a closed school without figures but keeps one that still has them', () => {
    const rows = schoolRows(response.schools, own, toetsen);
    expect(rows.map((r) => r.school.name)).toEqual(['De Regenboog', 'Het Anker', 'Laatste Jaar']);
  });

  it('gives each school the toets of its latest school year with a score', () => {
    const rows = schoolRows(response.schools, own, toetsen);
    expect(rows.map((r) => [r.school.name, r.toets?.column.indicator.code, r.toets?.value?.value])).toEqual([
      ['De Regenboog', 'eindtoets_iep', 80.1],
      ['Het Anker', 'eindtoets_route8', 205.5],
      ['Laatste Jaar', undefined, undefined],
    ]);
  });

  it('says how a school compares with its gemeente and Nederland in verdict words', () => {
    const [regenboog, anker, laatste] = schoolRows(response.schools, own, toetsen);
    expect(regenboog!.cells[0]!.vsGemeente).toEqual({ text: 'gunstig', verdict: 'gunstig' });
    expect(regenboog!.cells[0]!.vsNederland).toEqual({ text: 'geen significant verschil', verdict: 'geen_verschil' });
    expect(laatste!.cells[0]!.vsGemeente).toEqual({ text: 'ongunstig', verdict: 'ongunstig' });
    // A hidden figure is compared with nothing.
    expect(anker!.cells[0]!.vsGemeente).toEqual({ text: '–', verdict: null });
    // A toets score has no interval: its difference, without a verdict.
    expect(regenboog!.toets!.vsGemeente).toEqual({ text: '+1,4 punt', verdict: null });
    expect(regenboog!.toets!.vsNederland).toEqual({ text: '–', verdict: null });
  });
});

describe('a school against a benchmark', () => {
  it('is neither good nor bad news for an indicator without a better direction', () => {
    const v = value('SC00AA00', 'De Regenboog', 30, 60, [comparison('gemeente', 0.4, 'hoger')]);
    expect(against(v, 'gemeente', achterstand)).toEqual({ text: 'hoger (neutraal)', verdict: 'neutraal' });
  });

  it('is bad news when a lower figure is better and the school is significantly higher', () => {
    const v = value('SC00AA00', 'De Regenboog', 30, 60, [comparison('nederland', 0.4, 'hoger')]);
    expect(against(v, 'nederland', { ...advies, higherIsBetter: false })).toEqual({ text: 'ongunstig', verdict: 'ongunstig' });
  });
});

describe('a referentieniveau of a school against schools of a similar achterstandsscore', () => {
  const lezen = schoolsColumn(indicator('ref_lezen_2f', { name: 'Lezen: 2F of hoger' }));
  const base = { band: 2, score: 12, ciLow: 0.4, ciHigh: 0.7, bandValue: 0.7, difference: -0.15, differenceLow: -0.25, differenceHigh: -0.05 };
  const row = (v: ReturnType<typeof value>, similar: object) => ({
    school: school('SC00AA00', 'De Regenboog', { sector: 'po' }),
    values: [{ ...v, indicator: 'ref_lezen_2f', similar: { ...base, value: v.value, significance: 'lager' as const, ...similar } }],
  });

  it('gives the verdict in words by the direction, or says why there is none', () => {
    const v = value('SC00AA00', 'De Regenboog', 22, 40);
    expect(cellOf(row(v, {}), lezen).vsSimilar).toEqual({ text: 'ongunstig', verdict: 'ongunstig' });
    expect(cellOf(row(v, { band: null, significance: 'onbekend' }), lezen).vsSimilar).toEqual({ text: 'geen achterstandsscore', verdict: null });
    expect(cellOf(row(v, { significance: 'onbekend' }), lezen).vsSimilar).toEqual({ text: 'geen vergelijkbare school', verdict: null });
    // A hidden figure: nothing against similar schools either.
    expect(cellOf(row(hidden('SC00AA00', 'De Regenboog'), { significance: 'onbekend' }), lezen).vsSimilar).toEqual({ text: '–', verdict: null });
  });

  it('is shown for the referentieniveau chosen on the page, else lezen 2F, never for another indicator', () => {
    const withBands = (code: string) => ({
      ...schoolsColumn(indicator(code)),
      similar: { scoreCohort: { code: 'sj2019-2020', label: 'Schooljaar 2019-2020' }, bands: [] },
    });
    const columns = [schoolsColumn(advies), withBands('ref_rekenen_1f'), withBands('ref_lezen_2f')];
    expect(similarColumn(columns, 'ref_rekenen_1f')?.indicator.code).toBe('ref_rekenen_1f');
    expect(similarColumn(columns, 'advies_havo_vwo')?.indicator.code).toBe('ref_lezen_2f');
    expect(similarColumn([schoolsColumn(advies)], 'advies_havo_vwo')).toBeUndefined();
  });
});
