import { type Kysely, sql } from 'kysely';

const SOURCE = 'DUO Open Onderwijsdata, Leerlingen basisonderwijs naar referentieniveau per schoolvestiging, naar vestigingsplaats van de school';
const MASKING =
  'DUO toont aantallen van 1 tot 4 als "<5": elk telt mee als zijn verwachte waarde 2,5 (per school afgerond naar het even getal). Een school waarvan het aandeel daardoor meer dan 5 procentpunt kan verschuiven, krijgt geen eigen cijfer, maar telt wel mee in haar gemeente.';
const TOETS =
  'Vanaf 2023-2024 is dat de doorstroomtoets, in februari in plaats van april. Naar vestigingsplaats van de school, niet naar woonplaats van de leerlingen.';

const DOMAINS = [
  { key: 'rekenen', name: 'Rekenen', noun: 'rekenen', high: '1S', reached: 'het streefniveau 1S haalde (wat DUO voor rekenen als 2F telt, telt mee)' },
  { key: 'lezen', name: 'Lezen', noun: 'lezen', high: '2F', reached: 'het streefniveau 2F haalde' },
  { key: 'taal', name: 'Taalverzorging', noun: 'taalverzorging', high: '2F', reached: 'het streefniveau 2F haalde' },
] as const;

const definition = (noun: string, reached: string) =>
  `Aandeel leerlingen in groep 8 dat voor ${noun} ${reached}, van de leerlingen met een uitslag voor ${noun} op de eind- of doorstroomtoets. ${TOETS} ${MASKING}`;

/** Six indicators, one per domain and level; the importer (`api/src/importers/duo/referentieniveaus.ts`) names the same codes. */
export const REFERENTIE_INDICATORS = DOMAINS.flatMap((d, i) => [
  {
    code: `ref_${d.key}_1f`,
    name: `${d.name}: 1F of hoger`,
    definition: definition(d.noun, 'ten minste het fundamentele niveau 1F haalde'),
    numerator_definition: `Leerlingen met 1F of hoger voor ${d.noun} (elke "<5" als 2,5)`,
    denominator_definition: `Leerlingen met een uitslag voor ${d.noun}: lager dan 1F, 1F of hoger (elke "<5" als 2,5)`,
    unit: 'percentage' as const,
    higher_is_better: true,
    source: SOURCE,
    sort_order: 87 + 2 * i,
  },
  {
    code: `ref_${d.key}_${d.high.toLowerCase()}`,
    name: `${d.name}: ${d.high} of hoger`,
    definition: definition(d.noun, d.reached),
    numerator_definition: `Leerlingen met ${d.high} of hoger voor ${d.noun} (elke "<5" als 2,5)`,
    denominator_definition: `Leerlingen met een uitslag voor ${d.noun}: lager dan 1F, 1F of hoger (elke "<5" als 2,5)`,
    unit: 'percentage' as const,
    higher_is_better: true,
    source: SOURCE,
    sort_order: 88 + 2 * i,
  },
]);

/**
 * The referentieniveaus of groep 8 per basisschool (DUO, from 2022-2023): the share of pupils at or
 * above 1F and at or above 1S/2F, for rekenen, lezen and taalverzorging. They come before the
 * achterstandsscore, which stays last as the context indicator of the DUO and CBS figures.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('indicator')
    .values(REFERENTIE_INDICATORS)
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  await sql`update indicator set sort_order = 99 where code = 'achterstandsscore'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from indicator where code = any(${REFERENTIE_INDICATORS.map((r) => r.code)})`.execute(db);
  await sql`update indicator set sort_order = 90 where code = 'achterstandsscore'`.execute(db);
}
