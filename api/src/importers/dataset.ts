import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

export type DatasetInfo = {
  kind: string;
  source: string;
  sha256?: string | null;
  rowCount: number;
  synthetic?: boolean;
  notes?: unknown;
};

/** Writes the provenance row every import leaves (docs/data-sources.md); call it inside the import's transaction. */
export async function recordDataset(trx: Transaction<Database> | Kysely<Database>, info: DatasetInfo): Promise<number> {
  const row = await trx
    .insertInto('dataset')
    .values({
      kind: info.kind,
      source: info.source,
      sha256: info.sha256 ?? null,
      row_count: info.rowCount,
      synthetic: info.synthetic ?? false,
      notes: info.notes === undefined ? null : JSON.stringify(info.notes),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function sha256OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

export function sha256OfBuffer(buf: Buffer | string): string {
  return createHash('sha256').update(buf).digest('hex');
}
