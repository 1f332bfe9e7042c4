import { describe, expect, it } from 'vitest';
import { formatterFor, type Unit } from '@gka/shared';
import { DIFFERENCE_PALETTE, differenceScale, PALETTE, STEDELIJKHEID_LEGEND, stedelijkheidStep, valueScale, type ValueScale } from './scale.ts';

describe('map colour scale', () => {
  it('makes stedelijkheid class 1 the darkest step and states the bounds', () => {
    expect(stedelijkheidStep(1)).toBe(4);
    expect(stedelijkheidStep(5)).toBe(0);
    expect(stedelijkheidStep(null)).toBeNull();
    expect(STEDELIJKHEID_LEGEND[0]).toMatchObject({ colour: PALETTE[4], detail: '≥ 2.500 adressen/km²' });
  });

  it('bins values into five classes of about equal count', () => {
    const values = Array.from({ length: 100 }, (_, i) => i / 100);
    const scale = valueScale(values, 'percentage');
    expect(labels(scale)).toEqual(['0,0% tot 20,0%', '20,0% tot 40,0%', '40,0% tot 60,0%', '60,0% tot 80,0%', '80,0% tot en met 99,0%']);
    expect(values.filter((v) => scale.step(v) === 2)).toHaveLength(20);
    expect(scale.step(0.99)).toBe(4);
    expect(scale.step(0)).toBe(0);
    expect(valueScale([], 'percentage').legend).toEqual([]);
  });

  it('falls back to classes of equal width for a handful of values', () => {
    const scale = valueScale([0.1, 0.2, 0.35, 0.6], 'percentage');
    expect(labels(scale)).toEqual(['10,0% tot 20,0%', '20,0% tot 30,0%', '30,0% tot 40,0%', '40,0% tot 50,0%', '50,0% tot en met 60,0%']);
    expect([0.1, 0.2, 0.35, 0.6].map(scale.step)).toEqual([0, 1, 2, 4]);
  });

  it('labels the classes in nl-NL, a mean with one decimal', () => {
    const scale = valueScale([530.04, 531.26, 534.9, 535.2, 536.71, 537, 538.15, 539.5, 540.04, 541.66, 542.3, 545.05], 'gemiddelde');
    expect(scale.legend[0]!.label).toBe('530,0 tot 534,9');
    expect(scale.legend.at(-1)!.label).toBe('541,7 tot en met 545,1');
  });

  // Distributions as the real indicators have them, gemeenten nationally (342 values).
  const gemeenten = 342;
  const spread = (f: (x: number) => number) => Array.from({ length: gemeenten }, (_, i) => f((i + 0.5) / gemeenten));
  const distributions: Record<string, { unit: Unit; values: number[] }> = {
    // CBS achterstandsscore per 100 pupils: 21 gemeenten at 0, most below 40, a tail to 133.
    achterstandsscore: { unit: 'gemiddelde', values: spread((x) => (x < 0.06 ? 0 : 133.4 * ((x - 0.06) / 0.94) ** 2.2)) },
    // Pass rates of schools: crowded between 85% and 100%, three in ten at exactly 100%.
    slagingspercentage: { unit: 'percentage', values: spread((x) => (x > 0.7 ? 1 : 0.85 + 0.15 * x ** 0.5)) },
    // Zittenblijvers: a small share, a third of the gemeenten shown as 0,0%.
    zittenblijven: { unit: 'percentage', values: spread((x) => (x < 0.35 ? 0.0002 * x : 0.05 * (x - 0.35))) },
    // Differences beyond the shown decimal only: 91,23% … 91,27%.
    nearlyEqual: { unit: 'percentage', values: spread((x) => 0.9123 + 0.0004 * x) },
    // An eindtoets average: all gemeenten within a few points.
    eindtoets: { unit: 'gemiddelde', values: spread((x) => 530 + 12 * x) },
    // Every gemeente the same.
    constant: { unit: 'percentage', values: spread(() => 0.5) },
    // Two shown values only.
    twoValues: { unit: 'gemiddelde', values: spread((x) => (x < 0.5 ? 0.1 : 0.2)) },
  };

  it.each(Object.entries(distributions))('gives %s ascending classes, each from a lower to a higher value', (_, { unit, values }) => {
    const scale = valueScale(values, unit);
    expectOrdered(scale.legend.map((l) => l.label));
    // Lightest to darkest, and every value in the class its label names.
    expect(scale.legend.map((l) => PALETTE.indexOf(l.colour as (typeof PALETTE)[number]))).toEqual(
      [...scale.legend.map((l) => PALETTE.indexOf(l.colour as (typeof PALETTE)[number]))].sort(),
    );
    const bounds = scale.legend.map((l) => l.label.split(/ tot(?: en met)? /).map(number));
    for (const v of values) {
      const i = scale.legend.findIndex((l) => l.colour === PALETTE[scale.step(v)]);
      const [lower, upper = lower] = bounds[i]!;
      const shown = number(formatterFor(unit)(v));
      expect(shown).toBeGreaterThanOrEqual(lower!);
      expect(i === bounds.length - 1 ? shown <= upper! : shown < upper!).toBe(true);
    }
  });

  it('makes five classes where the values allow, fewer where they do not', () => {
    expect(labels(valueScale(distributions.achterstandsscore!.values, 'gemiddelde'))).toEqual([
      '0,0 tot 2,0',
      '2,0 tot 14,2',
      '14,2 tot 39,1',
      '39,1 tot 78,7',
      '78,7 tot en met 132,9',
    ]);
    // A third of the gemeenten at 0,0%: a class of their own, then four of about equal count.
    expect(labels(valueScale(distributions.zittenblijven!.values, 'percentage'))[0]).toBe('0,0% tot 0,1%');
    // The schools at 100% a class of their own.
    expect(labels(valueScale(distributions.slagingspercentage!.values, 'percentage')).at(-1)).toBe('100,0%');
    expect(labels(valueScale(distributions.nearlyEqual!.values, 'percentage'))).toEqual(['91,2% tot 91,3%', '91,3%']);
    expect(labels(valueScale(distributions.twoValues!.values, 'gemiddelde'))).toEqual(['0,1 tot 0,2', '0,2']);
    expect(labels(valueScale(distributions.constant!.values, 'percentage'))).toEqual(['50,0%']);
    // Fewer classes still run from light to dark.
    expect(valueScale(distributions.twoValues!.values, 'gemiddelde').legend.map((l) => l.colour)).toEqual([PALETTE[0], PALETTE[4]]);
  });
});

describe('map colour scale of observed − expected', () => {
  // Differences (fractions) as /expected gives them: gemeenten nationally, a gemeente's wijken, and the edge cases.
  const spread = (n: number, f: (x: number) => number) => Array.from({ length: n }, (_, i) => f((i + 0.5) / n));
  const differences: Record<string, number[]> = {
    // 342 gemeenten, most within a few procentpunten of what their pupils predict.
    gemeenten: spread(342, (x) => 0.06 * (x - 0.5) ** 3 * 8),
    // Twenty wijken of one gemeente, small and far apart, one far out.
    wijken: [...spread(19, (x) => 0.3 * (x - 0.45)), 0.41],
    // Every area above what was expected.
    allAbove: spread(50, (x) => 0.005 + 0.035 * x),
    // Differences beyond the shown decimal only.
    tiny: spread(40, (x) => 0.0004 * (x - 0.5)),
    // Every area exactly as expected.
    zero: spread(30, () => 0),
    one: [-0.023],
  };

  it.each(Object.entries(differences))('gives %s five ordered classes around zero, in procentpunten, each value in its class', (_, values) => {
    const scale = differenceScale(values);
    expect(scale.legend.map((l) => l.colour)).toEqual([...DIFFERENCE_PALETTE]);
    const bounds = scale.legend.map((l) => differenceBounds(l.label));
    const context = scale.legend.map((l) => l.label).join(' | ');
    bounds.forEach(([lower, upper], i) => {
      expect(upper, context).toBeGreaterThan(lower);
      if (i > 0) expect(lower, context).toBe(bounds[i - 1]![1]);
    });
    // The middle class holds zero, its bounds the same on both sides.
    expect(bounds[2]![0], context).toBe(-bounds[2]![1]);
    for (const v of values) {
      const [lower, upper] = bounds[scale.step(v)]!;
      const shown = Math.round(v * 1000) / 10;
      expect(shown >= lower && shown < upper, `${shown} in ${context}`).toBe(true);
    }
  });

  it('sets the bounds so that about a tenth of the areas fall outside the two inner classes on each side, in readable steps', () => {
    const gemeenten = differenceScale(differences.gemeenten!);
    expect(gemeenten.legend.map((l) => l.label)).toEqual([
      'lager dan −4,5 procentpunt',
      '−4,5 tot −1,5 procentpunt',
      '−1,5 tot +1,5 procentpunt',
      '+1,5 tot +4,5 procentpunt',
      '+4,5 procentpunt of hoger',
    ]);
    const outer = differences.gemeenten!.filter((d) => [0, 4].includes(gemeenten.step(d))).length / 342;
    expect(outer).toBeGreaterThan(0.05);
    expect(outer).toBeLessThanOrEqual(0.1);
    expect(differenceScale(differences.zero!).legend[2]!.label).toBe('−0,1 tot +0,1 procentpunt');
    expect(differenceScale(differences.wijken!).step(0.41)).toBe(4);
    expect(differenceScale([]).legend).toEqual([]);
  });
});

/** 'lager dan −4,5 procentpunt' → [−∞, −4.5]; '−4,5 tot −1,5 procentpunt' → [−4.5, −1.5]; '+4,5 procentpunt of hoger' → [4.5, ∞]. */
function differenceBounds(label: string): [number, number] {
  const n = (s: string) => Number(s.replace('procentpunt', '').trim().replace('−', '-').replace('+', '').replace(',', '.'));
  if (label.startsWith('lager dan ')) return [-Infinity, n(label.slice('lager dan '.length))];
  if (label.endsWith(' of hoger')) return [n(label.slice(0, -' of hoger'.length)), Infinity];
  const [lower, upper] = label.split(' tot ');
  return [n(lower!), n(upper!)];
}

const labels = (s: ValueScale) => s.legend.map((l) => l.label);
/** '45,3%' or '1.234,5' → 45.3, 1234.5 */
const number = (s: string) => Number(s.replace('%', '').replaceAll('.', '').replace(',', '.'));

/**
 * Legend labels ('a tot b', the last 'a tot en met b' or the maximum alone): ascending, each lower
 * below its upper, each class starting where the one before ends.
 */
function expectOrdered(legend: string[]) {
  expect(legend.length).toBeGreaterThan(0);
  const classes = legend.map((l) => l.split(/ tot(?: en met)? /).map(number));
  classes.forEach(([lower, upper], i) => {
    const context = legend.join(' | ');
    if (i > 0) expect(lower, context).toBe(classes[i - 1]![1]);
    if (upper === undefined) expect(i === classes.length - 1 && (i === 0 || lower === classes[i - 1]![1]), context).toBe(true);
    else expect(upper, context).toBeGreaterThan(lower!);
  });
}
