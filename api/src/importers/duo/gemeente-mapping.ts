import { GEMEENTE_MERGES, type GemeenteMerge } from './gemeente-merges.ts';

export type GemeenteName = { code: string; name: string };

/** Case, accents, apostrophes, hyphens and punctuation dropped: "'S-GRAVENHAGE" and "'s-Gravenhage" meet. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** DUO spellings that no normalisation turns into the CBS name (keys and values normalised). */
const DUO_SPELLINGS: Record<string, string> = {
  'nuenen c a': 'nuenen gerwen en nederwetten',
  'nuenen ca': 'nuenen gerwen en nederwetten',
  'den haag': 's gravenhage',
  's gravenhage': 'den haag',
  'den bosch': 's hertogenbosch',
};

/** DUO's bare gemeentenummers (`' 637'`, `0363`, `200`) as CBS codes. */
export function gemeenteCode(raw: string): string | null {
  const digits = raw.trim().replace(/^GM/i, '');
  return /^\d{1,4}$/.test(digits) ? `GM${digits.padStart(4, '0')}` : null;
}

/**
 * Maps DUO gemeente codes and names to the gemeenten of the imported indeling (the `area` table),
 * following mergers forward, so every year is expressed in today's gemeenten.
 */
export class GemeenteMapper {
  private readonly codes: Set<string>;
  private readonly byNormalisedName = new Map<string, string>();
  private readonly merges = new Map<string, GemeenteMerge>();

  constructor(gemeenten: readonly GemeenteName[], merges: readonly GemeenteMerge[] = GEMEENTE_MERGES) {
    this.codes = new Set(gemeenten.map((g) => g.code));
    for (const merge of merges) this.merges.set(merge.from, merge);
    // Old names first, so a gemeente that still exists in the imported indeling wins with its own code.
    for (const merge of merges) this.byNormalisedName.set(normaliseName(merge.name), merge.from);
    // CBS boundary files add a suffix where names repeat ("Hengelo (O.)", "Rijswijk (ZH.)"); DUO writes
    // "HENGELO". Without the suffix too, unless two gemeenten would then share it ("Bergen (L.)", "Bergen (NH.)").
    const bare = new Map<string, string[]>();
    for (const g of gemeenten) {
      const stripped = normaliseName(g.name.replace(/\s*\([^)]*\)\s*$/, ''));
      if (stripped !== normaliseName(g.name)) bare.set(stripped, [...(bare.get(stripped) ?? []), g.code]);
    }
    for (const [name, codes] of bare) if (codes.length === 1) this.byNormalisedName.set(name, codes[0]!);
    for (const g of gemeenten) this.byNormalisedName.set(normaliseName(g.name), g.code);
  }

  /** An imported gemeente for a (possibly old) code, or null; `place` settles splits. */
  byCode(raw: string, place?: string): string | null {
    let code = gemeenteCode(raw);
    for (let step = 0; code && !this.codes.has(code) && step < 10; step++) {
      const merge = this.merges.get(code);
      if (!merge) return null;
      code = merge.byPlace ? (merge.byPlace[place?.trim().toUpperCase() ?? ''] ?? null) : merge.into;
    }
    return code && this.codes.has(code) ? code : null;
  }

  /** An imported gemeente for a DUO gemeentenaam (any case or spelling variant), or null. */
  byName(name: string, place?: string): string | null {
    const key = normaliseName(name);
    const code = this.byNormalisedName.get(key) ?? this.byNormalisedName.get(DUO_SPELLINGS[key] ?? '');
    return code ? this.byCode(code, place) : null;
  }
}
