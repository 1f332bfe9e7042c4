import { stedelijkheidFromDensity } from '@gka/shared';

/** Property lookup that ignores case and separators, so `aantal_inwoners`, `aantalInwoners` and `AANT_INW`-style keys meet. */
export type Props = Map<string, unknown>;

export const normaliseKey = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '');

export function propsOf(properties: Record<string, unknown>): Props {
  return new Map(Object.entries(properties).map(([k, v]) => [normaliseKey(k), v]));
}

/** Aliases (normalised) per meaning, in order of preference. */
export const KEYS = {
  wijkcode: ['wijkcode', 'wkcode'],
  wijknaam: ['wijknaam', 'wknaam'],
  gemeentecode: ['gemeentecode', 'gmcode'],
  gemeentenaam: ['gemeentenaam', 'gmnaam'],
  statcode: ['statcode'],
  statnaam: ['statnaam'],
  buurtcode: ['buurtcode', 'bucode'],
  inwoners: ['aantalinwoners', 'aantinw', 'inwoners'],
  stedelijkheid: ['stedelijkheid', 'stedelijkheidadressenperkm2', 'sted'],
  omgevingsadressendichtheid: ['omgevingsadressendichtheid', 'oad'],
  provincie: ['provincie', 'provincienaam'],
  jaar: ['jaar'],
} as const satisfies Record<string, readonly string[]>;

/**
 * KWB attributes kept in `area.attributes` for the demo generator (docs/data-sources.md), under one canonical
 * name whatever the source calls them (the PDOK OGC API uses long camelCase names).
 */
const ATTRIBUTES: Record<string, readonly string[]> = {
  pct_hh_laag_inkomen: ['pcthhlaaginkomen', 'percentagehuishoudensmetlaaginkomen', 'percentagehuishoudensmeteenlaaginkomen'],
  pct_hh_hoog_inkomen: ['pcthhhooginkomen', 'percentagehuishoudensmethooginkomen', 'percentagehuishoudensmeteenhooginkomen'],
  pct_rond_sociaal_min: ['pctrondsociaalmin', 'percentagehuishoudensonderofrondsociaalminimum'],
  gem_inkomen_inwoner: ['geminkomeninwoner', 'gemiddeldinkomenperinwoner'],
  opl_laag: ['opllaag'],
  opl_midden: ['oplmidden'],
  opl_hoog: ['oplhoog'],
  pct_herkomst_nl: ['pctherkomstnl'],
  pct_herkomst_europa: ['pctherkomsteuropa'],
  pct_herkomst_buiten_europa: ['pctherkomstbuiteneuropa'],
  bevolkingsdichtheid: ['bevolkingsdichtheid', 'bevolkingsdichtheidinwonersperkm2'],
  huishoudens: ['huishoudens', 'aantalhuishoudens'],
  pct_hhd_met_kind: ['pcthhdmetkind', 'percentagehuishoudensmetkinderen'],
  pct_0_15: ['015', 'percentagepersonen0tot15jaar'],
  pct_15_25: ['1525', 'percentagepersonen15tot25jaar'],
  mannen: ['mannen'],
  vrouwen: ['vrouwen'],
};

export function text(props: Props, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = props.get(k);
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    if (typeof v === 'number') return String(v);
  }
  return null;
}

export function hasAny(props: Props, keys: readonly string[]): boolean {
  return keys.some((k) => props.has(k));
}

/** A finite number; CBS marks secret or unknown values with sentinels such as -99997 (and older files with -99999999). */
export function number(props: Props, keys: readonly string[]): number | null {
  for (const k of keys) {
    const raw = props.get(k);
    const v = typeof raw === 'string' && raw.trim() !== '' ? Number(raw.replace(',', '.')) : raw;
    if (typeof v === 'number' && Number.isFinite(v) && v > -99990) return v;
  }
  return null;
}

export type KwbValues = {
  inwoners: number | null;
  stedelijkheid: number | null;
  omgevingsadressendichtheid: number | null;
  attributes: Record<string, number>;
};

/** The KWB figures of a feature; stedelijkheid falls back to the class of the density (docs/data-sources.md). */
export function kwbValues(props: Props): KwbValues {
  const inwoners = number(props, KEYS.inwoners);
  const density = number(props, KEYS.omgevingsadressendichtheid);
  const klasse = number(props, KEYS.stedelijkheid);
  const attributes: Record<string, number> = {};
  for (const [name, keys] of Object.entries(ATTRIBUTES)) {
    const v = number(props, keys);
    if (v !== null) attributes[name] = v;
  }
  return {
    inwoners: inwoners === null ? null : Math.round(inwoners),
    stedelijkheid: klasse !== null && Number.isInteger(klasse) && klasse >= 1 && klasse <= 5 ? klasse : stedelijkheidFromDensity(density),
    omgevingsadressendichtheid: density === null ? null : Math.round(density),
    attributes,
  };
}
