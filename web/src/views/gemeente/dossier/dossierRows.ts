import type { Afspraak, Dossier, Interventie } from '@gka/shared';

/** Today as YYYY-MM-DD in the Netherlands (deadlines are dates there). */
export const today = (now = new Date()): string => now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });

/** An open afspraak whose deadline has passed. */
export const overdue = (a: Pick<Afspraak, 'status' | 'deadline'>, on = today()): boolean => a.status === 'open' && a.deadline < on;

/** Duidingen of one indicator (for the text beside it). */
export const duidingenOf = (dossier: Dossier | undefined, indicator: string) => dossier?.duidingen.filter((d) => d.indicator === indicator) ?? [];

/** Every indicator's duiding texts, for the cards of the indicators. */
export function duidingenByIndicator(dossier: Dossier): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const d of dossier.duidingen) m.set(d.indicator, [...(m.get(d.indicator) ?? []), d.tekst]);
  return m;
}

/** Interventies aimed at one indicator (markers on its trend, the list beside it). */
export const interventiesOf = (dossier: Dossier | undefined, indicator: string): Interventie[] =>
  dossier?.interventies.filter((i) => i.indicatoren.includes(indicator)) ?? [];

/** "naam, rol" per line, as typed in the gesprek form. */
export function parseDeelnemers(text: string): { naam: string; rol: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [naam = '', ...rol] = line.split(',');
      return { naam: naam.trim(), rol: rol.join(',').trim() };
    });
}

export const formatDate = (iso: string): string =>
  new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });
