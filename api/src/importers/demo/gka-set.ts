/**
 * The demo set of GKA gemeenten (docs/data-sources.md). The real membership list is not open data, so the
 * dashboard marks a plausible set instead: the 30 gemeenten that signed in 2019, every gemeente of
 * 100,000 inhabitants or more, the largest gemeente of each provincie not yet represented, then the
 * largest remaining gemeenten until the set has 101 members (or the same share of a smaller region).
 */

export const SIGNED_2019 = [
  'Achtkarspelen',
  'Alkmaar',
  'Amersfoort',
  'Amsterdam',
  'Apeldoorn',
  'Arnhem',
  'Bergen op Zoom',
  'Breda',
  'Den Haag',
  'Dordrecht',
  'Eemsdelta',
  'Groningen',
  'Haarlem',
  'Heerlen',
  'Hoogeveen',
  'Leiden',
  'Maastricht',
  'Medemblik',
  'Nijmegen',
  'Roermond',
  'Rotterdam',
  'Schiedam',
  "'s-Hertogenbosch",
  'Sittard-Geleen',
  'Súdwest-Fryslân',
  'Tilburg',
  'Venlo',
  'Venray',
  'Weert',
  'Zwolle',
];
/** CBS names Den Haag by its official name. */
const ALIASES: Record<string, string> = { denhaag: 'sgravenhage' };

export const GKA_SIZE = 101;
/** All gemeenten of 2024: the set is 101 of these; a smaller region gets the same share. */
const NATIONAL_GEMEENTEN = 342;
const LARGE = 100_000;

export const GKA_SINDS = { signed2019: '2019-06-01', large: '2021-01-01', provincie: '2022-01-01', aanvulling: '2022-01-01' } as const;
export type GkaReason = keyof typeof GKA_SINDS;

export type GkaCandidate = { code: string; name: string; inwoners: number | null; provincie: string | null };
export type GkaMember = { code: string; name: string; sinds: string; reason: GkaReason };

/** Lower case, without accents, apostrophes, hyphens or spaces: "'s-Hertogenbosch" → "shertogenbosch". */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export function chooseGkaSet(gemeenten: GkaCandidate[]): GkaMember[] {
  const target = Math.min(GKA_SIZE, Math.ceil((gemeenten.length * GKA_SIZE) / NATIONAL_GEMEENTEN));
  // Largest first; the code breaks ties so the choice never depends on input order.
  const bySize = [...gemeenten].sort((a, b) => (b.inwoners ?? 0) - (a.inwoners ?? 0) || (a.code < b.code ? -1 : 1));
  const chosen = new Map<string, GkaMember>();
  const choose = (g: GkaCandidate, reason: GkaReason) => {
    if (!chosen.has(g.code)) chosen.set(g.code, { code: g.code, name: g.name, sinds: GKA_SINDS[reason], reason });
  };

  const signed = new Set(SIGNED_2019.map(normaliseName).map((n) => ALIASES[n] ?? n));
  for (const g of bySize) if (signed.has(normaliseName(g.name))) choose(g, 'signed2019');
  for (const g of bySize) if ((g.inwoners ?? 0) >= LARGE) choose(g, 'large');
  const represented = new Set([...chosen.keys()].map((code) => bySize.find((g) => g.code === code)!.provincie));
  for (const g of bySize) {
    if (g.provincie && !represented.has(g.provincie)) {
      choose(g, 'provincie');
      represented.add(g.provincie);
    }
  }
  for (const g of bySize) {
    if (chosen.size >= target) break;
    choose(g, 'aanvulling');
  }
  return [...chosen.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
}
