import { type Kysely, sql } from 'kysely';

/**
 * Schools as areas: level `school` under their gemeente (code `SC` + BRIN vestiging, `SC00AP00`),
 * with what the DUO address lists say of them in `school`. A school that older figures name but the
 * address list no longer has is kept, marked `gesloten` (unknown where no list covers it). Plus the CBS achterstandsscore as a context
 * indicator per 100 pupils (the score has two decimals, so × 100 keeps the counts whole).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table area drop constraint area_level_check`.execute(db);
  await sql`alter table area add constraint area_level_check check (level in ('land', 'gemeente', 'wijk', 'school'))`.execute(db);
  await sql`
    create table school (
      code text primary key references area(code) on delete cascade,
      brin text not null,
      vestiging text not null,
      sector text not null check (sector in ('po', 'vo')),
      soort text,
      denominatie text,
      adres text,
      postcode text,
      plaats text,
      -- null: no address list covers the school (sbo), so whether it closed is unknown
      gesloten boolean default false
    )`.execute(db);
  await db
    .insertInto('indicator')
    .values({
      code: 'achterstandsscore',
      name: 'Achterstandsscore per 100 leerlingen',
      definition:
        'De CBS-achterstandsscore van de basisschool (de verwachte onderwijsachterstand van haar leerlingen boven een drempel, uit opleiding van de ouders en andere kenmerken) per 100 bekostigde leerlingen, op 1 oktober 2019. Een context-indicator: hoger betekent meer verwachte achterstand, geen oordeel over de school. Naar vestiging van de school; een gemeente telt haar scholen op.',
      numerator_definition: 'Achterstandsscore van de school (CBS, Tabel 1) × 100',
      denominator_definition: 'Bekostigde leerlingen op 1 oktober 2019',
      unit: 'gemiddelde',
      higher_is_better: null,
      source: 'CBS, Achterstandsscores per basisschoolvestiging 2019 (Tabel 1), naar vestiging van de school',
      sort_order: 90,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from indicator where code = 'achterstandsscore'`.execute(db);
  await sql`drop table school`.execute(db);
  await sql`delete from area where level = 'school'`.execute(db);
  await sql`alter table area drop constraint area_level_check`.execute(db);
  await sql`alter table area add constraint area_level_check check (level in ('land', 'gemeente', 'wijk'))`.execute(db);
}
