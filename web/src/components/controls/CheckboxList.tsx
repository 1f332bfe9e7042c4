import type { Option } from './Select.tsx';

/** An option that cannot be chosen says why (shown beside it, and read with it). */
export type CheckboxOption = Option & { disabled?: string };

/** A multi-select as a fieldset of checkboxes, with 'alles' and 'niets' buttons. */
export function CheckboxList({
  legend,
  options,
  selected,
  onChange,
  name,
}: {
  legend: string;
  options: CheckboxOption[];
  selected: string[];
  onChange: (values: string[]) => void;
  name: string;
}) {
  const open = options.filter((o) => !o.disabled).map((o) => o.value);
  const toggle = (value: string, on: boolean) => onChange(open.filter((v) => (v === value ? on : selected.includes(v))));
  return (
    <fieldset className="checkbox-list">
      <legend>{legend}</legend>
      <div className="checkbox-list__actions">
        <button type="button" onClick={() => onChange(open)}>
          Alles kiezen
        </button>
        <button type="button" onClick={() => onChange([])}>
          Niets kiezen
        </button>
      </div>
      <ul>
        {options.map((o) => (
          <li key={o.value}>
            <label className={o.disabled ? 'checkbox-list__disabled' : undefined}>
              <input
                type="checkbox"
                name={name}
                value={o.value}
                checked={!o.disabled && selected.includes(o.value)}
                disabled={!!o.disabled}
                onChange={(e) => toggle(o.value, e.target.checked)}
              />{' '}
              {o.label}
              {o.disabled && <span className="subtle"> ({o.disabled})</span>}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
