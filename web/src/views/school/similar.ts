import {
  formatDecimal,
  formatDifference,
  formatPercent,
  isReferentieIndicator,
  verdictOf,
  verdictText,
  type AchterstandBand,
  type SchoolsResponse,
  type SimilarSchools,
  type Verdict,
} from '@gka/shared';

const DOMAINS: Record<string, string> = { rekenen: 'rekenen', lezen: 'lezen', taal: 'taalverzorging' };

/** 'ref_lezen_2f' → '2F of hoger voor lezen': what a pupil reached, in a sentence. */
export function reachedPhrase(code: string): string {
  const [, domain = '', level = ''] = code.split('_');
  return `${level.toUpperCase()} of hoger voor ${DOMAINS[domain] ?? domain}`;
}

/** 'ref_lezen_2f' → 'Lezen 2F': a short label for a chart axis. */
export function referentieLabel(code: string): string {
  const [, domain = '', level = ''] = code.split('_');
  const name = DOMAINS[domain] ?? domain;
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${level.toUpperCase()}`;
}

/** The band's scores in words: '45,4 tot 56,4 per 100 leerlingen'. */
export function scoreRange(band: Pick<AchterstandBand, 'from' | 'to'>): string {
  const range = band.from === band.to ? formatDecimal(band.from) : `${formatDecimal(band.from)} tot ${formatDecimal(band.to)}`;
  return `${range} per 100 leerlingen`;
}

/**
 * A school against schools of a similar achterstandsscore, for a table cell: the verdict in words by
 * the indicator's direction, or why there is none. A hidden figure says nothing ('–'): its own cell says it is hidden.
 */
export function similarVerdict(s: SimilarSchools, higherIsBetter: boolean | null): { text: string; verdict: Verdict | null } {
  if (s.value === null) return { text: '–', verdict: null };
  if (s.band === null) return { text: 'geen achterstandsscore', verdict: null };
  if (s.significance === 'onbekend') return { text: 'geen vergelijkbare school', verdict: null };
  const verdict = verdictOf(s.significance, higherIsBetter);
  return { text: verdictText(verdict, s.significance), verdict };
}

const WORDS = { hoger: 'significant hoger', lager: 'significant lager', niet_significant: 'geen significant verschil' } as const;

/**
 * The school page's sentence: 'Van de leerlingen haalde 68,4% 2F of hoger voor lezen; scholen met
 * een vergelijkbare achterstandsscore (…): 74,6%; geen significant verschil (−6,2 procentpunt).'
 */
export function similarSentence(code: string, s: SimilarSchools, band: AchterstandBand | undefined): string {
  const reached = reachedPhrase(code);
  const similar = `scholen met een vergelijkbare achterstandsscore${band ? ` (${scoreRange(band)})` : ''}: ${formatPercent(s.bandValue)}`;
  if (s.value === null) return `Het cijfer van deze school voor ${reached} is afgeschermd (te weinig leerlingen)${s.bandValue === null ? '' : `; ${similar}`}.`;
  const own = `Van de leerlingen haalde ${formatPercent(s.value)} ${reached}`;
  if (s.band === null) return `${own}; de school heeft geen achterstandsscore, dus geen vergelijking met vergelijkbare scholen.`;
  if (s.significance === 'onbekend') return `${own}; ${similar}: geen andere school met zo'n achterstandsscore om mee te vergelijken.`;
  return `${own}; ${similar}; ${WORDS[s.significance]} (${formatDifference(s.difference)}).`;
}

/** One referentieniveau of one school against its band: what the chart and the sentences show. */
export type SimilarRow = {
  code: string;
  label: string;
  cohort: SchoolsResponse['columns'][number]['cohort'];
  similar: SimilarSchools;
  band: AchterstandBand | undefined;
  verdict: Verdict;
  sentence: string;
};

/** The referentieniveaus of the one school of GET /schools/{school}, in the catalogue's order. */
export function similarRows(res: SchoolsResponse): SimilarRow[] {
  const values = res.schools[0]?.values ?? [];
  return res.columns.flatMap((column) => {
    const { code, higherIsBetter } = column.indicator;
    const similar = values.find((v) => v.indicator === code)?.similar;
    if (!isReferentieIndicator(code) || !similar) return [];
    const band = column.similar?.bands.find((b) => b.band === similar.band);
    const verdict = similar.value === null ? 'onbekend' : verdictOf(similar.significance, higherIsBetter);
    return [{ code, label: referentieLabel(code), cohort: column.cohort, similar, band, verdict, sentence: similarSentence(code, similar, band) }];
  });
}
