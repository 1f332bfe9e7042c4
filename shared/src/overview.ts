import type { Overview, OverviewCell, OverviewColumn, OverviewIndicator, OverviewResponse } from './api.ts';
import { verdictOf } from './significance.ts';

/**
 * Decimals an overview number is sent with: values and differences to 0.01 procentpunt (shares) or
 * 0.01 point (means); interval bounds to the 0.1 that the page shows, rounded outward, so the sent
 * interval always holds the computed one. Significance is decided before any rounding.
 */
const DECIMALS = { percentage: 4, gemiddelde: 2 } as const;
const BOUND_DECIMALS = { percentage: 3, gemiddelde: 1 } as const;

type Round = (v: number | null) => number | null;
// Floating-point dust (0.412 × 1000 = 411.99999999999994) must not move a bound that is on the grid.
const DUST = 1e-9;
const onGrid = (decimals: number, how: (x: number) => number): Round => {
  const f = 10 ** decimals;
  return (v) => (v === null ? null : how(v * f) / f);
};
const rounders = (unit: OverviewIndicator['unit']) => ({
  round: onGrid(DECIMALS[unit], Math.round),
  down: onGrid(BOUND_DECIMALS[unit], (x) => Math.floor(x + DUST)),
  up: onGrid(BOUND_DECIMALS[unit], (x) => Math.ceil(x - DUST)),
});

/**
 * A cell's difference with its benchmark as the page shows it: of the value and benchmark as sent,
 * so the overview's files, made from the exact cells, round to the same tenth as the page.
 */
export function shownDifference(value: number | null, benchmark: number | null, unit: OverviewIndicator['unit']): number | null {
  const { round } = rounders(unit);
  const v = round(value);
  const b = round(benchmark);
  return v === null || b === null ? null : round(v - b);
}

const hiddenRows = (flags: boolean[]) => flags.flatMap((hidden, i) => (hidden ? [i] : []));

/** The overview column-wise, as GET /overview sends it (the inverse of `expandOverview`, up to rounding). */
export function compactOverview(o: Overview): OverviewResponse {
  const rows = [...o.rows, o.pooled];
  return {
    group: o.group,
    benchmark: o.benchmark,
    rows: o.rows.map(({ area, name }) => ({ area, name })),
    pooled: { area: o.pooled.area, name: o.pooled.name },
    indicators: o.indicators.map((indicator, i) => {
      const { round, down: low, up: high } = rounders(indicator.unit);
      const cells = rows.map((r) => r.cells[i]!);
      const changes = cells.map((c) => c.covidChange);
      const hasChange = changes.some((c) => c !== null);
      const column: OverviewColumn = {
        value: cells.map((c) => round(c.value)),
        ciLow: cells.map((c) => low(c.ciLow)),
        ciHigh: cells.map((c) => high(c.ciHigh)),
        benchmark: cells.map((c) => round(c.benchmark)),
        differenceCiLow: cells.map((c) => low(c.differenceCiLow)),
        differenceCiHigh: cells.map((c) => high(c.differenceCiHigh)),
        significance: cells.map((c) => c.significance),
        suppressed: hiddenRows(cells.map((c) => c.suppressed)),
        change: hasChange
          ? {
              difference: changes.map((c) => round(c?.difference ?? null)),
              ciLow: changes.map((c) => low(c?.ciLow ?? null)),
              ciHigh: changes.map((c) => high(c?.ciHigh ?? null)),
              significance: changes.map((c) => c?.significance ?? 'onbekend'),
              suppressed: hiddenRows(changes.map((c) => c?.suppressed ?? false)),
            }
          : null,
      };
      return { ...indicator, cells: column };
    }),
    minCell: o.minCell,
    synthetic: o.synthetic,
  };
}

/** The answer of GET /overview as rows of cells, with each cell's difference and verdict. */
export function expandOverview(r: OverviewResponse): Overview {
  const columns = r.indicators.map(({ cells, ...indicator }) => {
    const hidden = new Set(cells.suppressed);
    const changeHidden = new Set(cells.change?.suppressed);
    const cell = (row: number): OverviewCell => {
      const value = cells.value[row] ?? null;
      const benchmark = cells.benchmark[row] ?? null;
      const significance = cells.significance[row] ?? 'onbekend';
      const change = cells.change;
      return {
        indicator: indicator.code,
        value,
        ciLow: cells.ciLow[row] ?? null,
        ciHigh: cells.ciHigh[row] ?? null,
        suppressed: hidden.has(row),
        benchmark,
        difference: shownDifference(value, benchmark, indicator.unit),
        differenceCiLow: cells.differenceCiLow[row] ?? null,
        differenceCiHigh: cells.differenceCiHigh[row] ?? null,
        significance,
        verdict: verdictOf(significance, indicator.higherIsBetter),
        covidChange: change && {
          difference: change.difference[row] ?? null,
          ciLow: change.ciLow[row] ?? null,
          ciHigh: change.ciHigh[row] ?? null,
          significance: change.significance[row] ?? 'onbekend',
          suppressed: changeHidden.has(row),
        },
      };
    };
    return { indicator, cell };
  });
  const row = (area: { area: string; name: string }, i: number) => ({ ...area, cells: columns.map((c) => c.cell(i)) });
  return {
    group: r.group,
    benchmark: r.benchmark,
    indicators: columns.map((c) => c.indicator),
    rows: r.rows.map(row),
    pooled: row(r.pooled, r.rows.length),
    minCell: r.minCell,
    synthetic: r.synthetic,
  };
}
