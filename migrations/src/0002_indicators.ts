import type { Kysely } from 'kysely';

type Row = {
  code: string;
  name: string;
  definition: string;
  numerator_definition: string;
  denominator_definition: string;
  unit: 'percentage' | 'gemiddelde';
  higher_is_better: boolean | null;
  source: string;
};

/** As the importer counts: DUO masks counts under 5 per vestiging and opleiding from 2019-2020 on. */
export const PASS_RATE_DENOMINATOR =
  'Examenkandidaten, per vestiging en opleiding opgeteld; vanaf schooljaar 2019-2020 publiceert DUO aantallen onder 5 niet, en tellen die opleidingen niet mee';
export const GKA_SOURCE = 'GKA-monitor: levering van het CBS per gemeente en wijk';
const GKA = GKA_SOURCE;
const DUO = 'DUO Open Onderwijsdata, naar vestigingsplaats van de school';

/** The v1 indicator set (docs/architecture.md, docs/data-sources.md): reference data, so it lives with the schema. */
export const INDICATORS: Row[] = [
  {
    code: 'advies_havo_vwo',
    name: 'Schooladvies havo/vwo',
    definition: 'Aandeel leerlingen in groep 8 met een definitief schooladvies havo, havo/vwo of vwo.',
    numerator_definition: 'Leerlingen met een schooladvies havo of hoger',
    denominator_definition: 'Leerlingen in groep 8 met een schooladvies',
    unit: 'percentage',
    higher_is_better: true,
    source: GKA,
  },
  {
    code: 'heroverweging',
    name: 'Heroverweging schooladvies',
    definition: 'Aandeel leerlingen bij wie de school het advies moest heroverwegen omdat de eindtoets hoger uitviel.',
    numerator_definition: 'Leerlingen met een eindtoetsuitslag boven het schooladvies',
    denominator_definition: 'Leerlingen in groep 8 met advies en eindtoetsuitslag',
    unit: 'percentage',
    higher_is_better: null,
    source: GKA,
  },
  {
    code: 'bijstelling',
    name: 'Bijstelling schooladvies',
    definition: 'Aandeel leerlingen van wie het schooladvies na heroverweging naar boven is bijgesteld.',
    numerator_definition: 'Leerlingen met een naar boven bijgesteld advies',
    denominator_definition: 'Leerlingen in groep 8 met advies en eindtoetsuitslag',
    unit: 'percentage',
    higher_is_better: true,
    source: GKA,
  },
  {
    code: 'opstroom_lj3',
    name: 'Opstromers leerjaar 3',
    definition: 'Aandeel leerlingen dat in leerjaar 3 van het vo op een hoger niveau zit dan het schooladvies.',
    numerator_definition: 'Leerlingen in vo-leerjaar 3 boven het advies',
    denominator_definition: 'Leerlingen in vo-leerjaar 3 met een bekend schooladvies',
    unit: 'percentage',
    higher_is_better: true,
    source: GKA,
  },
  {
    code: 'afstroom_lj3',
    name: 'Afstromers leerjaar 3',
    definition: 'Aandeel leerlingen dat in leerjaar 3 van het vo op een lager niveau zit dan het schooladvies.',
    numerator_definition: 'Leerlingen in vo-leerjaar 3 onder het advies',
    denominator_definition: 'Leerlingen in vo-leerjaar 3 met een bekend schooladvies',
    unit: 'percentage',
    higher_is_better: false,
    source: GKA,
  },
  {
    code: 'zittenblijven',
    name: 'Zittenblijvers',
    definition: 'Aandeel leerlingen dat in de eerste drie jaar van het vo een jaar overdoet.',
    numerator_definition: 'Leerlingen die een leerjaar overdoen',
    denominator_definition: 'Leerlingen in het vo van het cohort',
    unit: 'percentage',
    higher_is_better: false,
    source: GKA,
  },
  {
    code: 'stapelen_vo',
    name: 'Stapelaars vo',
    definition: 'Aandeel leerlingen dat na een vo-diploma doorstroomt naar een hogere schoolsoort in het vo.',
    numerator_definition: 'Gediplomeerden die in een hogere vo-schoolsoort verdergaan',
    denominator_definition: 'Gediplomeerden vmbo-gt/havo van het cohort',
    unit: 'percentage',
    higher_is_better: true,
    source: GKA,
  },
  {
    code: 'stapelen_mbo',
    name: 'Stapelaars mbo',
    definition: 'Aandeel mbo-gediplomeerden dat doorstroomt naar een hoger mbo-niveau of het hbo.',
    numerator_definition: 'Mbo-gediplomeerden die op een hoger niveau verdergaan',
    denominator_definition: 'Mbo-gediplomeerden van het cohort',
    unit: 'percentage',
    higher_is_better: true,
    source: GKA,
  },
  {
    code: 'opleidingsmobiliteit',
    name: 'Opleidingsmobiliteit',
    definition: 'Aandeel kinderen dat een hoger onderwijsniveau bereikt dan hun hoogst opgeleide ouder.',
    numerator_definition: 'Kinderen met een hoger bereikt niveau dan hun ouders',
    denominator_definition: 'Kinderen van het cohort met bekend opleidingsniveau van ouders',
    unit: 'percentage',
    higher_is_better: true,
    source: GKA,
  },
  {
    code: 'slagingspercentage_vo',
    name: 'Slagingspercentage vo-examen',
    definition: 'Aandeel examenkandidaten in het vo dat slaagt, naar gemeente van de schoolvestiging (niet de woongemeente).',
    numerator_definition: 'Geslaagden',
    denominator_definition: PASS_RATE_DENOMINATOR,
    unit: 'percentage',
    higher_is_better: true,
    source: DUO,
  },
  {
    code: 'eindtoets_gemiddelde',
    name: 'Gemiddelde score Centrale Eindtoets',
    definition: 'Gemiddelde score op de Centrale Eindtoets (501–550) van leerlingen in groep 8, naar gemeente van de schoolvestiging.',
    numerator_definition: 'Som van de scores (gemiddelde × aantal leerlingen per school)',
    denominator_definition: 'Leerlingen met een score op de Centrale Eindtoets',
    unit: 'gemiddelde',
    higher_is_better: true,
    source: DUO,
  },
  {
    code: 'havo_vwo_lj3',
    name: 'Havo/vwo in leerjaar 3',
    definition: 'Aandeel leerlingen in leerjaar 3 van het vo dat havo of vwo volgt, naar gemeente van de schoolvestiging.',
    numerator_definition: 'Leerlingen in havo- of vwo-leerjaar 3',
    denominator_definition: 'Leerlingen in vo-leerjaar 3',
    unit: 'percentage',
    higher_is_better: null,
    source: DUO,
  },
];

export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('indicator')
    .values(INDICATORS.map((r, i) => ({ ...r, sort_order: i + 1 })))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db
    .deleteFrom('indicator')
    .where(
      'code',
      'in',
      INDICATORS.map((r) => r.code),
    )
    .execute();
}
