import { parseArgs } from 'node:util';
import type { Db } from '../db/connect.ts';

/** `pnpm gka audit [--gemeente GM0855] [--aantal N]`: the audit log, newest last. */
export async function auditCommand(args: string[], { db, log }: { db: Db; log: (m: string) => void }): Promise<void> {
  const { values } = parseArgs({ args, options: { gemeente: { type: 'string' }, aantal: { type: 'string' } } });
  const limit = values.aantal === undefined ? 1000 : Number(values.aantal);
  if (!Number.isInteger(limit) || limit < 1) throw new Error('--aantal verwacht een positief geheel getal');
  let q = db.selectFrom('audit_log').select(['at', 'email', 'action', 'gemeente', 'kind', 'item_id', 'version']);
  if (values.gemeente) q = q.where('gemeente', '=', values.gemeente);
  const rows = (await q.orderBy('id', 'desc').limit(limit).execute()).reverse();
  if (!rows.length) return log('Het auditlog is leeg' + (values.gemeente ? ` voor ${values.gemeente}.` : '.'));
  for (const r of rows) {
    const item = r.kind ? ` ${r.kind} ${r.item_id} versie ${r.version}` : '';
    log(`${r.at.toISOString()}\t${r.email ?? '-'}\t${r.action}${r.gemeente ? `\t${r.gemeente}` : ''}${item}`);
  }
}
