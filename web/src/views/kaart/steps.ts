import type { Area, ChangeRow, Indicator, Value } from '@gka/shared';
import { changeStep, stedelijkheidStep, type ValueScale } from '../../lib/scale.ts';

/**
 * Each gemeente's colour on the map, as a palette step: by stedelijkheid without an indicator, by
 * its change while a change is shown, else by its value on the scale. A gemeente without one is left out (no data).
 */
export function mapSteps(
  indicator: Indicator | undefined,
  areaByCode: ReadonlyMap<string, Area>,
  rows: readonly Value[],
  scale: ValueScale,
  changeByCode: ReadonlyMap<string, ChangeRow> | null,
): Map<string, number> {
  const m = new Map<string, number>();
  if (!indicator) {
    for (const a of areaByCode.values()) {
      const s = stedelijkheidStep(a.stedelijkheid);
      if (s !== null) m.set(a.code, s);
    }
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
