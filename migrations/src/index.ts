import type { Migration } from 'kysely';
import * as m0001 from './0001_schema.ts';
import * as m0002 from './0002_indicators.ts';
import * as m0003 from './0003_covering_indexes.ts';
import * as m0004 from './0004_c_collation_keys.ts';
import * as m0005 from './0005_disclosure.ts';
import * as m0006 from './0006_plain_sources.ts';
import * as m0007 from './0007_pass_rate_definition.ts';
import * as m0008 from './0008_covid_notes.ts';
import * as m0009 from './0009_groups.ts';
import * as m0010 from './0010_pooled_periods.ts';
import * as m0011 from './0011_schools.ts';
import * as m0012 from './0012_yearly_duo.ts';
import * as m0013 from './0013_public_definitions.ts';
import * as m0014 from './0014_rules_changed.ts';
import * as m0015 from './0015_defined_by.ts';
import * as m0016 from './0016_value_notes.ts';
import * as m0017 from './0017_referentieniveaus.ts';
import * as m0018 from './0018_werkruimte.ts';

/** Every migration, in order. Names sort lexically; add new ones with the next number. */
export const migrations: Record<string, Migration> = {
  '0001_schema': m0001,
  '0002_indicators': m0002,
  '0003_covering_indexes': m0003,
  '0004_c_collation_keys': m0004,
  '0005_disclosure': m0005,
  '0006_plain_sources': m0006,
  '0007_pass_rate_definition': m0007,
  '0008_covid_notes': m0008,
  '0009_groups': m0009,
  '0010_pooled_periods': m0010,
  '0011_schools': m0011,
  '0012_yearly_duo': m0012,
  '0013_public_definitions': m0013,
  '0014_rules_changed': m0014,
  '0015_defined_by': m0015,
  '0016_value_notes': m0016,
  '0017_referentieniveaus': m0017,
  '0018_werkruimte': m0018,
};
