import { type Kysely, sql } from 'kysely';

/** The pass rate counts the rows DUO masks, with the count their published percentage allows. */
export const PASS_RATE_NUMERATOR = 'Geslaagden; bij een opleiding met "<5" kandidaten het aantal dat bij het gepubliceerde slaagpercentage past (zie noemer)';
export const PASS_RATE_DENOMINATOR =
  'Examenkandidaten, per vestiging en opleiding opgeteld. Vanaf schooljaar 2019-2020 toont DUO aantallen onder 5 als "<5", maar wel het slaagpercentage: zo\'n opleiding telt mee met 1 tot 4 kandidaten en een geheel aantal geslaagden dat precies dat percentage geeft, en waar meer aantallen passen (100% kan 1 van 1 tot 4 van 4 zijn) het aantal kandidaten dat het dichtst bij 2,5 ligt, bij gelijke afstand het kleinste (100% als 2 van 2, 50% als 1 van 2). Het cijfer van een school ligt zo altijd binnen wat het DUO-bestand toelaat.';

/** Havo/vwo in leerjaar 3 without the international streams, which lead to neither. */
export const LJ3_DENOMINATOR =
  'Leerlingen in vo-leerjaar 3, zonder de internationale stromen (Engelse Stroom met het IB middle years programme, European Secondary School): die leiden tot het IB- of Europees diploma, niet tot havo of vwo';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`update indicator set numerator_definition = ${PASS_RATE_NUMERATOR}, denominator_definition = ${PASS_RATE_DENOMINATOR}
    where code = 'slagingspercentage_vo'`.execute(db);
  await sql`update indicator set denominator_definition = ${LJ3_DENOMINATOR} where code = 'havo_vwo_lj3'`.execute(db);
}

export async function down(): Promise<void> {
  // The old texts described counts the importer no longer makes.
}
