import type { Area, ChangeRow, ExpectedRow, Indicator, Value } from '@gka/shared';
import { changeStep, stedelijkheidStep, type ValueScale } from '../../lib/scale.ts';

/**
 * Each gemeente's colour on the map, as a palette step: by stedelijkheid without an indicator, by
 * its distance from the expected value while that is shown, by its change while a change is shown,
 * else by its value on the scale. A gemeente without one (hidden, no breakdown) is left out (no data).
 */
export function mapSteps(
  indicator: Indicator | undefined,
  areaByCode: ReadonlyMap<string, Area>,
  rows: readonly Value[],
  scale: ValueScale,
  changeByCode: ReadonlyMap<string, ChangeRow> | null,
  expected: { byCode: ReadonlyMap<string, ExpectedRow>; scale: ValueScale } | null = null,
): Map<string, number> {
  const m = new Map<string, number>();
  if (!indicator) {
    for (const a of areaByCode.values()) {
      const s = stedelijkheidStep(a.stedelijkheid);
      if (s !== null) m.set(a.code, s);
    }
  } else if (expected) {
    for (const [code, e] of expected.byCode) if (!e.suppressed && e.difference !== null) m.set(code, expected.scale.step(e.difference));
  } else if (changeByCode) {
    for (const [code, c] of changeByCode) {
      const s = changeStep(c);
      if (s !== null) m.set(code, s);
    }
  } else {
    for (const v of rows) if (v.value !== null) m.set(v.area, scale.step(v.value));
  }
  return m;
}
