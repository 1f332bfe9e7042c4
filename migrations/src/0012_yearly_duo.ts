import { type Kysely, sql } from 'kysely';

const SOURCE = (file: string) => `DUO Open Onderwijsdata, ${file} per schoolvestiging, naar vestigingsplaats van de school`;
const CLOSED_2021 = 'scholen waren van half december 2020 tot februari 2021 dicht';

/** The eind- and doorstroomtoetsen DUO reports per school, each on its own scale: never averaged together. */
export const TOETSEN = [
  { code: 'eindtoets_iep', name: 'IEP Eindtoets / Doorstroomtoets' },
  { code: 'eindtoets_route8', name: 'Route 8' },
  { code: 'eindtoets_dia', name: 'Dia-eindtoets / Doorstroomtoets' },
  { code: 'eindtoets_amn', name: 'AMN Eindtoets / Doorstroomtoets' },
  { code: 'eindtoets_doe', name: 'Dé Doorstroomtoets' },
  { code: 'eindtoets_lib', name: 'Leerling in Beeld Doorstroomtoets (Cito)' },
] as const;

const ROWS = [
  {
    code: 'advies_havo_vwo_school',
    name: 'Schooladvies havo/vwo (naar school)',
    definition:
      'Aandeel leerlingen in groep 8 met een schooladvies havo, havo/vwo of vwo, uit de DUO-bestanden Schooladviezen per basisschool: naar vestigingsplaats van de school, niet naar woonplaats van de leerlingen zoals het GKA-cijfer "Schooladvies havo/vwo". Het dubbele advies vmbo-gt/havo telt niet als havo. DUO toont aantallen van 1 tot 4 als "<5": elk telt mee als zijn verwachte waarde 2,5 (per school per kant afgerond naar het even getal). Een school waarvan het aandeel daardoor meer dan 5 procentpunt kan verschuiven, krijgt geen eigen cijfer, maar telt wel mee in haar gemeente.',
    numerator_definition: 'Leerlingen met schooladvies havo, havo/vwo of vwo (elke "<5" als 2,5)',
    denominator_definition: 'Leerlingen met een schooladvies, zonder "advies niet mogelijk" (elke "<5" als 2,5)',
    unit: 'percentage',
    higher_is_better: true,
    source: SOURCE('Schooladviezen'),
    sort_order: 80,
  },
  ...TOETSEN.map((t, i) => ({
    code: t.code,
    name: `Gemiddelde score ${t.name}`,
    definition: `Gemiddelde score op de ${t.name} van de leerlingen in groep 8 die deze toets maakten, op de eigen schaal van de toets: niet te vergelijken met of te middelen met andere toetsen, want scholen kiezen zelf hun toets. Naar gemeente van de schoolvestiging; scholen waar DUO het gemiddelde niet toont (minder dan 5 leerlingen) tellen niet mee.`,
    numerator_definition: 'Som van de scores (gemiddelde × aantal leerlingen per school)',
    denominator_definition: `Leerlingen met een score op de ${t.name}`,
    unit: 'gemiddelde',
    higher_is_better: true,
    source: SOURCE('Gemiddelde eindscores'),
    sort_order: 81 + i,
  })),
];

const NOTES = [
  ...['eindtoets_gemiddelde', ...TOETSEN.map((t) => t.code)].flatMap((indicator) => [
    { indicator, school_year: '2019-2020', note: 'In 2020 ging de eindtoets niet door: er zijn geen scores.', missing: true },
    { indicator, school_year: '2020-2021', note: `De eindtoets van 2021 volgde op een schooljaar waarin ${CLOSED_2021}.`, missing: false },
  ]),
  {
    indicator: 'advies_havo_vwo_school',
    school_year: '2019-2020',
    note: 'Groep 8 in 2019-2020: de eindtoets ging niet door, dus werd het schooladvies niet heroverwogen en niet naar boven bijgesteld.',
    missing: false,
  },
  { indicator: 'advies_havo_vwo_school', school_year: '2020-2021', note: `Groep 8 in 2020-2021: ${CLOSED_2021}.`, missing: false },
];

/**
 * The yearly DUO files per school (download-duo): schooladviezen by school location, kept apart from
 * the GKA figure by where pupils live, and one indicator per eind-/doorstroomtoets besides the
 * Centrale Eindtoets (`eindtoets_gemiddelde`), since their scales differ.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('indicator')
    .values(ROWS)
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  await db
    .insertInto('covid_note')
    .values(NOTES)
    .onConflict((oc) => oc.columns(['indicator', 'school_year']).doNothing())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from indicator where code = any(${ROWS.map((r) => r.code)})`.execute(db);
}
