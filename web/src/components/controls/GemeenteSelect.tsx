import { gemeentePickerEntries, type Area } from '@gka/shared';
import { Select } from './Select.tsx';

const ALIAS = '~';

/**
 * A gemeente picker: every gemeente by its CBS name and again by its common aliases ("Den Haag
 * ('s-Gravenhage)"), so typing either finds it. An alias entry chooses the same gemeente; the
 * gemeente's own entry is the one shown as chosen.
 */
export function GemeenteSelect({
  gemeenten,
  value,
  onChange,
  markGka = false,
  label = 'Gemeente',
  name = 'gemeente',
}: {
  gemeenten: readonly Pick<Area, 'code' | 'name' | 'gka'>[];
  value: string | undefined;
  onChange: (code: string) => void;
  markGka?: boolean;
  label?: string;
  name?: string;
}) {
  const options = gemeentePickerEntries(gemeenten, (g) => (markGka && g.gka ? ' (GKA)' : '')).map((e) => ({
    value: e.alias ? `${e.code}${ALIAS}${e.label}` : e.code,
    label: e.label,
  }));
  return (
    <Select label={label} value={value} placeholder="Kies een gemeente" options={options} onChange={(v) => onChange(v.split(ALIAS)[0] ?? v)} name={name} />
  );
}
