import { z } from 'zod';

/** Area levels of the CBS indeling used by the dashboard . */
export const AREA_LEVELS = ['land', 'gemeente', 'wijk', 'school'] as const;
export const AreaLevel = z.enum(AREA_LEVELS);
export type AreaLevel = z.infer<typeof AreaLevel>;

/** The levels below a gemeente: wijken (where pupils live) and schools (where they are taught). */
export const LOCAL_LEVELS = ['wijk', 'school'] as const;
export type LocalLevel = (typeof LOCAL_LEVELS)[number];
/** Whether areas of `level` lie in one gemeente, which is then their 'gemeente' benchmark and gives them its stedelijkheid. */
export const isLocalLevel = (level: string): level is LocalLevel => (LOCAL_LEVELS as readonly string[]).includes(level);
/**
 * The eind- and doorstroomtoetsen (Centrale Eindtoets, IEP, Route 8, …): each its own indicator on
 * its own scale, never averaged together; a school takes one of them in a year.
 */
export const isToetsIndicator = (code: string): boolean => code.startsWith('eindtoets_');
/**
 * The referentieniveaus of groep 8 (DUO: the share at or above 1F, and at or above 1S/2F, per
 * domain): each school is also compared with schools of a similar achterstandsscore.
 */
export const isReferentieIndicator = (code: string): boolean => code.startsWith('ref_');
/** The CBS achterstandsscore per 100 pupils: what schools are banded by. */
export const ACHTERSTAND_INDICATOR = 'achterstandsscore';
/** A toets indicator's name without "Gemiddelde score": 'IEP Eindtoets / Doorstroomtoets'. */
export const toetsName = (indicatorName: string): string => indicatorName.replace(/^Gemiddelde score (op de )?/, '');

/** The levels the data routes answer for: gemeenten and the levels below them. */
export const DATA_LEVELS = ['gemeente', ...LOCAL_LEVELS] as const;
export const DataLevel = z.enum(DATA_LEVELS);
export type DataLevel = z.infer<typeof DataLevel>;

/** Areas of a level in words, for titles and files. */
export const LEVEL_PLURALS: Record<DataLevel, string> = { gemeente: 'gemeenten', wijk: 'wijken', school: 'scholen' };

export const NATIONAL_CODE = 'NL01';

/** Breakdown dimensions and their groups (docs/architecture.md); the database seeds the same list. */
export const DIMENSIONS = {
  totaal: ['totaal'],
  opleiding_ouders: ['laag', 'midden', 'hoog'],
  inkomen_ouders: ['laag', 'midden', 'hoog'],
  migratieachtergrond: ['nederland', 'europa', 'buiten_europa'],
  geslacht: ['jongen', 'meisje'],
} as const satisfies Record<string, readonly string[]>;
export type Dimension = keyof typeof DIMENSIONS;
export const Dimension = z.enum(Object.keys(DIMENSIONS) as [Dimension, ...Dimension[]]);

export const DIMENSION_LABELS: Record<Dimension, string> = {
  totaal: 'Totaal',
  opleiding_ouders: 'Opleiding ouders',
  inkomen_ouders: 'Inkomen ouders',
  migratieachtergrond: 'Migratieachtergrond',
  geslacht: 'Geslacht',
};

export const GROUP_LABELS: Record<string, string> = {
  totaal: 'Totaal',
  laag: 'Laag',
  midden: 'Midden',
  hoog: 'Hoog',
  nederland: 'Nederland',
  europa: 'Europa',
  buiten_europa: 'Buiten Europa',
  jongen: 'Jongen',
  meisje: 'Meisje',
};

/**
 * What a source itself says about one of its figures, shown with it: CBS flags the achterstandsscore
 * of a school with 40 pupils or fewer as unreliable (code `a`).
 */
export const ValueNote = z.enum(['onbetrouwbaar']);
export type ValueNote = z.infer<typeof ValueNote>;
export const VALUE_NOTE_TEXT: Record<ValueNote, string> = { onbetrouwbaar: 'CBS: onbetrouwbaar, 40 leerlingen of minder' };

/** Own keys only: a file or URL may say `toString` or `__proto__`, which every object has. */
export function isDimension(dimension: string): dimension is Dimension {
  return Object.hasOwn(DIMENSIONS, dimension);
}

export function isGroupOf(dimension: string, group: string): boolean {
  return isDimension(dimension) && (DIMENSIONS[dimension] as readonly string[]).includes(group);
}

/** CBS stedelijkheid classes by omgevingsadressendichtheid (addresses per km², docs/data-sources.md). */
export const STEDELIJKHEID = [
  { klasse: 1, label: 'Zeer sterk stedelijk', bounds: '≥ 2.500 adressen/km²', min: 2500 },
  { klasse: 2, label: 'Sterk stedelijk', bounds: '1.500 – 2.500 adressen/km²', min: 1500 },
  { klasse: 3, label: 'Matig stedelijk', bounds: '1.000 – 1.500 adressen/km²', min: 1000 },
  { klasse: 4, label: 'Weinig stedelijk', bounds: '500 – 1.000 adressen/km²', min: 500 },
  { klasse: 5, label: 'Niet stedelijk', bounds: '< 500 adressen/km²', min: 0 },
] as const;

/** '1 zeer sterk stedelijk', or 'onbekend': the one way a class is written. */
export function stedelijkheidLabel(klasse: number | null | undefined): string {
  const s = STEDELIJKHEID.find((x) => x.klasse === klasse);
  return s ? `${s.klasse} ${s.label.toLowerCase()}` : 'onbekend';
}

/** Units of an indicator: a share (numerator/denominator) or a mean (numerator = sum of scores). */
export const UNITS = ['percentage', 'gemiddelde'] as const;
export type Unit = (typeof UNITS)[number];

export function stedelijkheidFromDensity(density: number | null | undefined): number | null {
  if (density === null || density === undefined || !Number.isFinite(density) || density < 0) return null;
  return STEDELIJKHEID.find((s) => density >= s.min)?.klasse ?? null;
}

/** Area code shapes: NL01, GMgggg, WKggggww (since 2022 Amsterdam uses letters: WK0363AA). */
export const GEMEENTE_CODE = /^GM\d{4}$/;
export const WIJK_CODE = /^WK\d{4}[0-9A-Z]{2}$/;
/** A school: `SC` + its BRIN vestiging (6 characters, `00AP00`). */
export const SCHOOL_CODE = /^SC[0-9A-Z]{4}\d{2}$/;
export const AreaCode = z
  .string()
  .regex(/^(NL01|GM\d{4}|WK\d{4}[0-9A-Z]{2}|SC[0-9A-Z]{4}\d{2})$/, 'verwacht een code zoals NL01, GM0363, WK036301 of (een school) SC00AP00');

export function levelOfCode(code: string): AreaLevel | null {
  if (code === NATIONAL_CODE) return 'land';
  if (GEMEENTE_CODE.test(code)) return 'gemeente';
  if (WIJK_CODE.test(code)) return 'wijk';
  if (SCHOOL_CODE.test(code)) return 'school';
  return null;
}

/** Default minimum denominator below which a cell is suppressed (docs/methodology.md). */
export const DEFAULT_MIN_CELL = 10;
