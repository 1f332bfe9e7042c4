import type { Option } from './Select.tsx';

/** A multi-select as a fieldset of checkboxes, with 'alles' and 'niets' buttons. */
export function CheckboxList({
  legend,
  options,
  selected,
  onChange,
  name,
}: {
  legend: string;
  options: Option[];
  selected: string[];
  onChange: (values: string[]) => void;
  name: string;
}) {
  const toggle = (value: string, on: boolean) => onChange(options.map((o) => o.value).filter((v) => (v === value ? on : selected.includes(v))));
  return (
    <fieldset className="checkbox-list">
      <legend>{legend}</legend>
      <div className="checkbox-list__actions">
        <button type="button" onClick={() => onChange(options.map((o) => o.value))}>
          Alles kiezen
        </button>
        <button type="button" onClick={() => onChange([])}>
          Niets kiezen
        </button>
      </div>
      <ul>
        {options.map((o) => (
          <li key={o.value}>
            <label>
              <input type="checkbox" name={name} value={o.value} checked={selected.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />{' '}
              {o.label}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
