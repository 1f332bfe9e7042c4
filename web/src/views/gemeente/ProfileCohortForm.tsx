import { cohortPhrase, type Cohort, type ProfileIndicator } from '@gka/shared';
import { Select } from '../../components/controls/Select.tsx';
import { cohortLabel, otherPeriods } from '../../components/controls/options.ts';
import { useSearchState } from '../../lib/searchState.ts';

/**
 * The cohort of a gemeente profile or notitie, kept in the URL; empty means each indicator's latest.
 * Given the indicators shown, it says which of them show another period, having none of the chosen one.
 */
export function ProfileCohortForm({
  cohorts,
  label,
  className = 'filters',
  shown = [],
}: {
  cohorts: Cohort[];
  label: string;
  className?: string;
  shown?: Pick<ProfileIndicator, 'indicator' | 'cohort'>[];
}) {
  const { get, set } = useSearchState();
  const chosen = cohorts.find((c) => c.code === get('cohort'));
  const others = otherPeriods(shown, chosen?.code);
  return (
    <>
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
      {chosen && others.length > 0 && (
        <p className="hint" data-testid="other-periods">
          Niet elke indicator heeft cijfers voor {cohortPhrase(chosen)}. Deze tonen hun laatste periode met cijfers:{' '}
          {others.map((o) => `${o.period} (${o.names.join(', ')})`).join('; ')}.
        </p>
      )}
    </>
  );
}
