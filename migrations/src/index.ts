import type { Migration } from 'kysely';
import * as m0001 from './0001_schema.ts';

/** Every migration, in order. Names sort lexically; add new ones with the next number. */
export const migrations: Record<string, Migration> = {
  '0001_schema': m0001,
};
