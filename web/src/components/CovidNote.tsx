import type { Cohort } from '@gka/shared';
import { shortCohortLabel } from './controls/options.ts';

const DEFAULT_NOTE =
  'In 2020 ging de eindtoets niet door: heroverweging en bijstelling van het schooladvies waren dat jaar niet mogelijk (die waarden ontbreken, ze zijn niet nul). De eindexamens in het vo waren in 2020 en 2021 makkelijker te halen.';

/** Explains the COVID cohorts among those shown, in text (SPEC §3.3). */
export function CovidNote({ cohorts }: { cohorts: Cohort[] }) {
  const covid = cohorts.filter((c) => c.covid);
  if (covid.length === 0) return null;
  return (
    <aside className="covid-note" data-testid="covid-note">
      <strong>COVID-cohort {covid.map(shortCohortLabel).join(', ')}:</strong> {covid[0].note ?? DEFAULT_NOTE}
    </aside>
  );
}
