import { parseArgs } from 'node:util';
import { Role } from '@gka/shared';
import { addAccount, listAccounts, revokeAccount } from '../auth/accounts.ts';
import type { Db } from '../db/connect.ts';
import type { Config } from '../config.ts';

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  // One line: the password without its line end.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** `pnpm gka gebruiker toevoegen|lijst|intrekken` (README, "Werkruimte"). */
export async function gebruikerCommand(args: string[], { db, log, config }: { db: Db; log: (m: string) => void; config: Config }): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'toevoegen') {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { rol: { type: 'string' }, gemeente: { type: 'string' }, groep: { type: 'string' }, 'wachtwoord-stdin': { type: 'boolean' } },
    });
    const email = positionals[0];
    if (!email || positionals.length > 1) throw new Error('Gebruik: pnpm gka gebruiker toevoegen <email> --rol beheerder|regiocoordinator|gemeente …');
    const role = Role.safeParse(values.rol);
    if (!role.success) throw new Error('Geef --rol beheerder, regiocoordinator of gemeente');
    const password = values['wachtwoord-stdin'] ? await readStdin() : undefined;
    const { linkToken } = await addAccount(db, { email, role: role.data, gemeenten: list(values.gemeente), groepen: list(values.groep), password });
    log(`Account toegevoegd: ${email.toLowerCase()} (${role.data}).`);
    if (linkToken) log(`Eenmalige link om een wachtwoord te kiezen (24 uur geldig):\n${config.publicUrl}/wachtwoord#${linkToken}`);
    return;
  }
  if (sub === 'lijst') {
    const rows = await listAccounts(db);
    if (!rows.length) return log('Nog geen accounts.');
    for (const r of rows) log(`${r.email}\t${r.rol}\t${r.gebied}\t${r.status}`);
    return;
  }
  if (sub === 'intrekken') {
    const [email] = rest;
    if (!email) throw new Error('Gebruik: pnpm gka gebruiker intrekken <email>');
    await revokeAccount(db, email);
    log(`Account ingetrokken: ${email}; de sessies zijn beëindigd.`);
    return;
  }
  throw new Error('Gebruik: pnpm gka gebruiker toevoegen|lijst|intrekken');
}
