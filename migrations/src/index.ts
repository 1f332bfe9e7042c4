import type { Migration } from 'kysely';
import * as m0001 from './0001_schema.ts';
import * as m0002 from './0002_indicators.ts';

/** Every migration, in order. Names sort lexically; add new ones with the next number. */
export const migrations: Record<string, Migration> = {
  '0001_schema': m0001,
  '0002_indicators': m0002,
};
