import { type Kysely, sql } from 'kysely';

type Note = { indicator: string; school_year: string; note: string; missing?: boolean };

const CLOSED_2021 = 'scholen waren van half december 2020 tot februari 2021 dicht';
const NO_EINDTOETS_ADVIES = 'de eindtoets ging niet door, dus werd het schooladvies niet heroverwogen en niet naar boven bijgesteld.';
const NO_EINDTOETS_HEROVERWEGING =
  'de eindtoets ging niet door, dus waren heroverweging en bijstelling van het schooladvies niet mogelijk. Voor dat schooljaar zijn er geen cijfers (ze ontbreken, ze zijn niet nul).';

/** GKA indicators follow the pupils of a groep-8 school year; the cohort pooling 2019-2020 and 2020-2021 is the COVID cohort. */
function gka(indicator: string, first: string, second = `Groep 8 in 2020-2021: ${CLOSED_2021}.`): Note[] {
  return [
    { indicator, school_year: '2019-2020', note: `Groep 8 in 2019-2020: ${first}`, missing: first === NO_EINDTOETS_HEROVERWEGING },
    { indicator, school_year: '2020-2021', note: second },
  ];
}

const VO_PATH = `${NO_EINDTOETS_ADVIES} Het eerste vo-jaar, 2020-2021, had weken van schoolsluiting.`;

/**
 * What COVID did to an indicator's figures, per school year of the cohort (the groep-8 year for
 * GKA indicators, the school year itself for DUO ones). A school year without a row was not
 * touched: leerjaar-3 counts of 1 October 2019, for instance, were made before COVID.
 */
export const COVID_NOTES: Note[] = [
  ...gka('advies_havo_vwo', NO_EINDTOETS_ADVIES),
  ...gka('heroverweging', NO_EINDTOETS_HEROVERWEGING),
  ...gka('bijstelling', NO_EINDTOETS_HEROVERWEGING),
  ...gka('opstroom_lj3', VO_PATH),
  ...gka('afstroom_lj3', VO_PATH),
  ...gka('zittenblijven', `${VO_PATH} Ook oudere cohorten zaten in 2019-2020 en 2020-2021 al in het vo.`),
  ...gka('stapelen_vo', VO_PATH),
  ...gka('stapelen_mbo', VO_PATH),
  ...gka('opleidingsmobiliteit', VO_PATH),
  {
    indicator: 'slagingspercentage_vo',
    school_year: '2019-2020',
    note: 'In 2020 gingen de centrale examens niet door: kandidaten slaagden op hun schoolexamens. Het slagingspercentage ligt daardoor hoger dan in andere jaren.',
  },
  {
    indicator: 'slagingspercentage_vo',
    school_year: '2020-2021',
    note: 'In 2021 waren de examens makkelijker te halen: er was een extra herkansing en één vak mocht buiten de uitslag blijven.',
  },
  {
    indicator: 'slagingspercentage_vo',
    school_year: '2021-2022',
    note: 'Ook in 2022 golden de extra herkansing en de regel dat één vak buiten de uitslag mocht blijven.',
  },
  { indicator: 'eindtoets_gemiddelde', school_year: '2019-2020', note: 'In 2020 ging de eindtoets niet door: er zijn geen scores.', missing: true },
  { indicator: 'eindtoets_gemiddelde', school_year: '2020-2021', note: `De eindtoets van 2021 volgde op een schooljaar waarin ${CLOSED_2021}.` },
  {
    indicator: 'havo_vwo_lj3',
    school_year: '2020-2021',
    note: 'Geteld op 1 oktober 2020: deze leerlingen gingen in het coronajaar 2019-2020 over van leerjaar 2 naar 3.',
  },
  {
    indicator: 'havo_vwo_lj3',
    school_year: '2021-2022',
    note: 'Geteld op 1 oktober 2021: hun eerste twee vo-jaren waren de coronajaren 2019-2020 en 2020-2021.',
  },
  {
    indicator: 'havo_vwo_lj3',
    school_year: '2022-2023',
    note: 'Geteld op 1 oktober 2022: schooladvies in 2020 zonder eindtoets, eerste vo-jaar 2020-2021 met weken van schoolsluiting.',
  },
  { indicator: 'havo_vwo_lj3', school_year: '2023-2024', note: `Geteld op 1 oktober 2023: in groep 8, in 2020-2021, ${CLOSED_2021}.` },
];

/** The DUO indicators count school years; their cohorts get their own codes (`sj2019-2020`). */
const DUO_INDICATORS = ['slagingspercentage_vo', 'eindtoets_gemiddelde', 'havo_vwo_lj3'];

/**
 * COVID notes per indicator × school year, in one table every response reads; cohorts lose their
 * single flag and note, which could not say that COVID touched an indicator's cohort or not.
 *
 * School years and two-year GKA cohorts shared codes: DUO's school year 2018-2019 took the label and
 * school years of GKA cohort 2018-2019 (or the reverse). DUO school years move to `sj…` codes, and
 * cohorts made by a values import from a GKA code learn the school years they pool.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('covid_note')
    .addColumn('indicator', 'text', (c) => c.notNull().references('indicator.code').onDelete('cascade').onUpdate('cascade'))
    .addColumn('school_year', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    // true: the indicator has no figures for this school year (no eindtoets in 2020).
    .addColumn('missing', 'boolean', (c) => c.notNull().defaultTo(false))
    .addPrimaryKeyConstraint('covid_note_pk', ['indicator', 'school_year'])
    .execute();
  const known = (await db.selectFrom('indicator').select('code').execute()).map((r) => r.code as string);
  const rows = COVID_NOTES.filter((n) => known.includes(n.indicator)).map((n) => ({ ...n, missing: n.missing ?? false }));
  if (rows.length) await db.insertInto('covid_note').values(rows).execute();

  await sql`
    insert into cohort (code, label, school_years, sort_order)
    select distinct 'sj' || m.cohort, 'Schooljaar ' || m.cohort, array[m.cohort], left(m.cohort, 4)::int
    from measure m where m.indicator = any(${DUO_INDICATORS}) and m.cohort ~ '^\\d{4}-\\d{4}$'
    on conflict (code) do nothing`.execute(db);
  await sql`update measure set cohort = 'sj' || cohort where indicator = any(${DUO_INDICATORS}) and cohort ~ '^\\d{4}-\\d{4}$'`.execute(db);
  await sql`update disclosure set cohort = 'sj' || cohort where indicator = any(${DUO_INDICATORS}) and cohort ~ '^\\d{4}-\\d{4}$'`.execute(db);
  await sql`delete from cohort c where c.label like 'Schooljaar %' and c.code !~ '^sj' and not exists (select 1 from measure m where m.cohort = c.code)`.execute(
    db,
  );
  await sql`
    update cohort set
      school_years = array[(left(code, 4)::int - 1) || '-' || left(code, 4), code],
      label = 'Cohort ' || code
    where school_years = '{}' and code ~ '^\\d{4}-\\d{4}$' and right(code, 4)::int = left(code, 4)::int + 1`.execute(db);
  await db.schema.alterTable('cohort').dropColumn('covid').dropColumn('note').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('cohort')
    .addColumn('covid', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('note', 'text')
    .execute();
  await db.schema.dropTable('covid_note').execute();
}
