import type { Db } from '../db/connect.ts';

export type AuditEntry = {
  account?: { id: number; email: string } | null;
  action: string;
  gemeente?: string | null;
  kind?: string | null;
  itemId?: number | null;
  version?: number | null;
  details?: unknown;
};

/** Appends one line to the audit log (the table refuses updates and deletes). */
export async function audit(db: Db, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      account_id: e.account?.id ?? null,
      email: e.account?.email ?? null,
      action: e.action,
      gemeente: e.gemeente ?? null,
      kind: e.kind ?? null,
      item_id: e.itemId ?? null,
      version: e.version ?? null,
      details: e.details === undefined ? null : JSON.stringify(e.details),
    })
    .execute();
}
