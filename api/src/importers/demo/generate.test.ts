import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIMENSIONS } from '@gka/shared';
import { DEMO_COHORTS } from './cohorts.ts';
import { countIndex, demoRowCount, demoRows, generateDemo, GROUPS, type DemoArea, type DemoData } from './generate.ts';
import { DEMO_INDICATORS, measurable } from './model.ts';
import { hasOpenData, openDataFile } from '../../test/open-data.ts';

/**
 * Every fourth real gemeente of 2022 (their KWB education, income and origin figures drive the
 * model), each with four wijken of its own; read from ../shared/open-data, never copied here.
 */
function realisticAreas(): DemoArea[] {
  const doc = JSON.parse(readFileSync(openDataFile('gemeenten_2022.geojson'), 'utf8'));
  const areas: DemoArea[] = [{ code: 'NL01', level: 'land', parentCode: null, inwoners: null, attributes: {} }];
  const features = (doc.features as { properties: Record<string, unknown> }[]).filter(
    (f) => f.properties.gemeentecode !== 'GM0998' && typeof f.properties.aantal_inwoners === 'number',
  );
  features.forEach(({ properties: p }, i) => {
    if (i % 4 !== 0) return;
    const code = p.gemeentecode as string;
    const inwoners = p.aantal_inwoners as number;
    areas.push({ code, level: 'gemeente', parentCode: 'NL01', inwoners, attributes: p });
    // Unequal wijken, as in reality: 10%, 20%, 30% and 40% of the inhabitants.
    for (let w = 1; w <= 4; w++)
      areas.push({ code: `WK${code.slice(2)}0${w}`, level: 'wijk', parentCode: code, inwoners: Math.round((inwoners * w) / 10), attributes: {} });
  });
  return areas;
}

const areas = hasOpenData ? realisticAreas() : [];
const data = generateDemo(areas, 7);
const pct = (d: DemoData, area: string, cohort: number, indicator: string, group: number) => {
  const k = countIndex(cohort, DEMO_INDICATORS.indexOf(indicator as never), group);
  const c = d.counts.get(area)!;
  return { n: c[k]!, d: c[k + 1]!, p: (100 * c[k]!) / c[k + 1]! };
};
const group = (dimension: string, grp: string) => GROUPS.findIndex((g) => g.dimension === dimension && g.grp === grp);
const serialise = (d: DemoData) => [...demoRows(d)].map((r) => Object.values(r).join(';')).join('\n');

describe.skipIf(!hasOpenData)('demo generator', () => {
  it('is deterministic: the same areas and seed give identical rows, whatever the input order', () => {
    const small = areas.slice(0, 60);
    const first = serialise(generateDemo(small, 7));
    expect(serialise(generateDemo([...small].reverse(), 7))).toBe(first);
    expect(serialise(generateDemo(small, 8))).not.toBe(first);
  });

  it('gives every area × group of each indicator × cohort it can have exactly one row', () => {
    const keys = new Set<string>();
    let rows = 0;
    for (const r of demoRows(data)) {
      keys.add(`${r.area};${r.cohort};${r.indicator};${r.dimension};${r.grp}`);
      rows++;
    }
    const groups = Object.values(DIMENSIONS).flat().length;
    // Nine indicators × six cohorts, less the three that cohort 2022-2023 has not reached yet.
    expect(keys.size).toBe(areas.length * (DEMO_INDICATORS.length * DEMO_COHORTS.length - 3) * groups);
    expect(rows).toBe(keys.size);
    expect(demoRowCount(data)).toBe(rows);
    expect(DEMO_COHORTS.map((c) => c.code)).toEqual(['2012-2013', '2014-2015', '2016-2017', '2018-2019', '2020-2021', '2022-2023']);
    // Some indicators only (the national adversary's load): their rows exactly as in the full run.
    const only = ['zittenblijven', 'stapelen_vo'] as const;
    const some = [...demoRows(data, only)];
    expect(some).toEqual([...demoRows(data)].filter((r) => (only as readonly string[]).includes(r.indicator)));
    expect(demoRowCount(data, only)).toBe(some.length);
  });

  it('leaves out the cohorts an indicator cannot have yet: stapelaars and opleidingsmobiliteit of 2022-2023', () => {
    const cohortsOf = new Map<string, Set<string>>();
    for (const r of demoRows(data)) if (r.area === 'NL01') cohortsOf.set(r.indicator, (cohortsOf.get(r.indicator) ?? new Set()).add(r.cohort));
    const all = DEMO_COHORTS.map((c) => c.code);
    const last = (indicator: string) => [...cohortsOf.get(indicator)!].sort().at(-1);
    for (const indicator of ['stapelen_vo', 'stapelen_mbo', 'opleidingsmobiliteit']) {
      expect([...cohortsOf.get(indicator)!].sort(), indicator).toEqual(all.slice(0, -1));
      expect(last(indicator)).toBe('2020-2021');
    }
    // Groep 8 and leerjaar 3 of cohort 2022-2023 are counted by now.
    for (const indicator of ['advies_havo_vwo', 'heroverweging', 'bijstelling', 'opstroom_lj3', 'afstroom_lj3', 'zittenblijven'])
      expect(last(indicator), indicator).toBe('2022-2023');
    expect(measurable('stapelen_vo', { yearEnds: [2020, 2021] })).toBe(true);
    expect(measurable('stapelen_vo', { yearEnds: [2022, 2023] })).toBe(false);
  });

  it('adds up: groups to totaal in every dimension, wijken to their gemeente, gemeenten to NL01', () => {
    const problems: string[] = [];
    const nl = new Int32Array(data.counts.get('NL01')!.length);
    for (const a of areas) {
      const counts = data.counts.get(a.code)!;
      for (let c = 0; c < DEMO_COHORTS.length; c++) {
        for (let i = 0; i < DEMO_INDICATORS.length; i++) {
          const totaal = countIndex(c, i, 0);
          for (const [dimension, groups] of Object.entries(DIMENSIONS)) {
            const ks = groups.map((grp) => countIndex(c, i, group(dimension, grp)));
            const num = ks.reduce((s, k) => s + counts[k]!, 0);
            const den = ks.reduce((s, k) => s + counts[k + 1]!, 0);
            if (num !== counts[totaal] || den !== counts[totaal + 1]) problems.push(`${a.code} ${c} ${i} ${dimension}`);
          }
        }
      }
      for (let j = 0; j < counts.length; j += 2) if (counts[j]! > counts[j + 1]!) problems.push(`${a.code} teller > noemer`);
      if (a.level === 'gemeente') {
        const sum = new Int32Array(counts.length);
        for (const w of areas.filter((x) => x.parentCode === a.code)) data.counts.get(w.code)!.forEach((v, j) => (sum[j]! += v));
        if (sum.some((v, j) => v !== counts[j])) problems.push(`${a.code} is niet de som van zijn wijken`);
        counts.forEach((v, j) => (nl[j]! += v));
      }
    }
    expect(problems).toEqual([]);
    expect(nl).toEqual(data.counts.get('NL01'));
  });

  it('has realistic national levels and a kansenkloof', () => {
    for (let c = 0; c < DEMO_COHORTS.length; c++) {
      expect(pct(data, 'NL01', c, 'advies_havo_vwo', 0).p).toBeGreaterThan(40);
      expect(pct(data, 'NL01', c, 'advies_havo_vwo', 0).p).toBeLessThan(50);
      const [laag, midden, hoog] = ['laag', 'midden', 'hoog'].map((g) => pct(data, 'NL01', c, 'advies_havo_vwo', group('opleiding_ouders', g)));
      expect(laag!.p).toBeLessThan(midden!.p);
      expect(midden!.p).toBeLessThan(hoog!.p);
      expect(hoog!.p - laag!.p).toBeGreaterThan(30);
      expect(hoog!.p - laag!.p).toBeLessThan(60);
      // Far fewer children of low- than of high-educated parents.
      expect(laag!.d).toBeLessThan(0.8 * hoog!.d);
      // Income matters too, but less than education.
      const ink = ['laag', 'hoog'].map((g) => pct(data, 'NL01', c, 'advies_havo_vwo', group('inkomen_ouders', g)));
      expect(ink[1]!.p - ink[0]!.p).toBeGreaterThan(10);
      expect(ink[1]!.p - ink[0]!.p).toBeLessThan(hoog!.p - laag!.p);
    }
    const levels: Record<string, [number, number]> = {
      heroverweging: [7, 11],
      bijstelling: [3.5, 5.5],
      opstroom_lj3: [9, 13],
      afstroom_lj3: [7.5, 10.5],
      zittenblijven: [5, 7.5],
      stapelen_vo: [13, 17],
      stapelen_mbo: [18, 23],
      opleidingsmobiliteit: [32, 39],
    };
    for (const [indicator, [low, high]] of Object.entries(levels)) {
      const p = pct(data, 'NL01', 3, indicator, 0).p;
      expect(p, indicator).toBeGreaterThan(low);
      expect(p, indicator).toBeLessThan(high);
    }
    // A visible trend over the cohorts, and more heroverwegingen after 2021.
    expect(pct(data, 'NL01', 5, 'advies_havo_vwo', 0).p - pct(data, 'NL01', 0, 'advies_havo_vwo', 0).p).toBeGreaterThan(2);
    expect(pct(data, 'NL01', 5, 'heroverweging', 0).p).toBeGreaterThan(pct(data, 'NL01', 3, 'heroverweging', 0).p + 2);
  });

  it('counts heroverweging and bijstelling of the COVID cohort over 2020-2021 only: none from the cancelled eindtoets of 2020', () => {
    const covid = DEMO_COHORTS.findIndex((c) => c.schoolYears.includes('2019-2020'));
    expect(DEMO_COHORTS[covid]).toMatchObject({ code: '2020-2021', schoolYears: ['2019-2020', '2020-2021'] });
    for (let c = 0; c < DEMO_COHORTS.length; c++) {
      const advies = pct(data, 'NL01', c, 'advies_havo_vwo', 0).d;
      for (const indicator of ['heroverweging', 'bijstelling']) {
        const share = pct(data, 'NL01', c, indicator, 0).d / advies;
        // One of the two pooled school years is missing, not zero: about half the usual denominator.
        if (c === covid) {
          expect(share).toBeGreaterThan(0.4);
          expect(share).toBeLessThan(0.55);
        } else expect(share).toBeGreaterThan(0.9);
      }
    }
  });

  it('makes wijken differ from their gemeente, some significantly', () => {
    const advies = group('totaal', 'totaal');
    let significant = 0;
    let compared = 0;
    for (const w of areas.filter((a) => a.level === 'wijk')) {
      const wijk = pct(data, w.code, 3, 'advies_havo_vwo', advies);
      if (wijk.d < 100) continue;
      const gem = pct(data, w.parentCode!, 3, 'advies_havo_vwo', advies).p / 100;
      const se = Math.sqrt((gem * (1 - gem)) / wijk.d);
      compared++;
      if (Math.abs(wijk.p / 100 - gem) > 1.96 * se) significant++;
    }
    expect(compared).toBeGreaterThan(100);
    expect(significant / compared).toBeGreaterThan(0.15);
    expect(significant / compared).toBeLessThan(0.9);
  });
});
