/**
 * Names people use for a gemeente besides the CBS name, so a picker finds 's-Gravenhage under
 * "Den Haag". Keyed by gemeentecode, which stays the same when a name is written differently.
 */
export const GEMEENTE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  GM0518: ['Den Haag'],
  GM0796: ['Den Bosch'],
  GM1970: ['Noordoost-Friesland', 'Noardeast-Fryslan'],
  GM1900: ['Zuidwest-Friesland', 'Sudwest-Fryslan'],
  GM1891: ['Dantumadeel'],
  GM0737: ['Tietjerksteradeel'],
  GM1940: ['De Friese Meren'],
};

type Named = { code: string; name: string };

/**
 * The entries of a gemeente picker, in Dutch alphabetical order: every gemeente under its own name,
 * and again under each alias ("Den Haag ('s-Gravenhage)") with the same code, so typing the alias in
 * a list finds it. `suffix` adds to the own name (e.g. " (GKA)").
 */
export function gemeentePickerEntries<T extends Named>(
  gemeenten: readonly T[],
  suffix: (g: T) => string = () => '',
): { code: string; label: string; alias: boolean }[] {
  return gemeenten
    .flatMap((g) => [
      { code: g.code, label: `${g.name}${suffix(g)}`, alias: false },
      ...(GEMEENTE_ALIASES[g.code] ?? []).map((alias) => ({ code: g.code, label: `${alias} (${g.name})`, alias: true })),
    ])
    .sort((a, b) => a.label.replace(/^'s-/, 's').localeCompare(b.label.replace(/^'s-/, 's'), 'nl'));
}
