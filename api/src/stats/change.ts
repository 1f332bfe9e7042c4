import type { Significance } from '@gka/shared';
import type { DifferenceInterval } from './newcombe.ts';

/** A change is significant when its 95% interval leaves out zero; without an interval it is unknown. */
export function changeSignificance(ci: DifferenceInterval | null): Significance {
  if (!ci) return 'onbekend';
  if (ci.low > 0) return 'hoger';
  if (ci.high < 0) return 'lager';
  return 'niet_significant';
}
