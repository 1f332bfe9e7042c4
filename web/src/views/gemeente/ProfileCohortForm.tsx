import type { Cohort } from '@gka/shared';
import { Select } from '../../components/controls/Select.tsx';
import { cohortLabel } from '../../components/controls/options.ts';
import { useSearchState } from '../../lib/searchState.ts';

/** The cohort of a gemeente profile or notitie, kept in the URL; empty means each indicator's latest. */
export function ProfileCohortForm({ cohorts, label, className = 'filters' }: { cohorts: Cohort[]; label: string; className?: string }) {
  const { get, set } = useSearchState();
  return (
    <form className={className} onSubmit={(e) => e.preventDefault()} aria-label={label}>
      <Select
        label="Cohort"
        value={get('cohort')}
        placeholder="Laatste cohort per indicator"
        options={cohorts.map((c) => ({ value: c.code, label: cohortLabel(c) }))}
        onChange={(v) => set({ cohort: v })}
        name="cohort"
      />
    </form>
  );
}
