import type { Db } from '../db/connect.ts';

/** What every read model needs: the database and the small-cell threshold (SPEC §3.5). */
export type QueryContext = { db: Db; minCell: number };
