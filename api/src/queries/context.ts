import type { Db } from '../db/connect.ts';
import { DataMemo } from './memo.ts';

/** What every read model needs: the database, the small-cell threshold (docs/methodology.md) and the memo. */
export type QueryContext = { db: Db; minCell: number; memo: DataMemo };

export function createQueryContext(db: Db, { minCell, dataRecheckMs }: { minCell: number; dataRecheckMs: number }): QueryContext {
  return { db, minCell, memo: new DataMemo(db, dataRecheckMs) };
}
