import { VALUE_NOTE_TEXT, type Value } from '@gka/shared';

/** Beside a figure: what its source says about it ('CBS: onbetrouwbaar, 40 leerlingen of minder'), as the API gives it. */
export function ValueNote({ value, prefix }: { value: Pick<Value, 'note'> | null | undefined; prefix?: string }) {
  if (!value?.note) return null;
  return (
    <small className="value-note" data-testid="value-note">
      {prefix}
      {VALUE_NOTE_TEXT[value.note]}
    </small>
  );
}
