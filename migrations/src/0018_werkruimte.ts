import { type Kysely, sql } from 'kysely';

/**
 * The werkruimte: accounts with a role and the gemeenten or groups they may see, server-side sessions,
 * throttling of failed sign-ins, and the dossier of a gemeente. Dossier items keep every version and
 * are never deleted (a delete is a version that says so); the audit log is append-only, which a
 * trigger enforces so that not even a bug in the app can rewrite it. No foreign key to `area`: an
 * import may replace areas, and the dossier must outlive that.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table account (
      id serial primary key,
      email text not null unique check (email = lower(email) and email like '%_@_%'),
      role text not null check (role in ('beheerder', 'regiocoordinator', 'gemeente')),
      gemeenten text[] not null default '{}',
      groepen text[] not null default '{}',
      password_hash text check (password_hash is null or password_hash like '$argon2id$%'),
      created_at timestamptz not null default now(),
      revoked_at timestamptz
    )`.execute(db);
  await sql`
    create table account_session (
      id text primary key,
      account_id integer not null references account(id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      seen_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index account_session_account on account_session (account_id)`.execute(db);
  await sql`
    create table password_link (
      token_hash text primary key,
      account_id integer not null references account(id) on delete cascade,
      expires_at timestamptz not null,
      used_at timestamptz
    )`.execute(db);
  await sql`
    create table login_failure (
      key text not null,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index login_failure_key_at on login_failure (key, at)`.execute(db);
  await sql`
    create table dossier_item (
      id bigserial primary key,
      gemeente text not null,
      kind text not null check (kind in ('duiding', 'gesprek', 'afspraak', 'interventie')),
      version integer not null,
      content jsonb not null,
      deleted boolean not null default false,
      created_by integer not null references account(id),
      created_at timestamptz not null default now(),
      updated_by integer not null references account(id),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index dossier_item_gemeente on dossier_item (gemeente, kind)`.execute(db);
  await sql`
    create table dossier_version (
      item_id bigint not null references dossier_item(id),
      version integer not null,
      content jsonb not null,
      deleted boolean not null,
      author integer not null references account(id),
      at timestamptz not null default now(),
      primary key (item_id, version)
    )`.execute(db);
  await sql`
    create table audit_log (
      id bigserial primary key,
      at timestamptz not null default now(),
      account_id integer references account(id),
      email text,
      action text not null,
      gemeente text,
      kind text,
      item_id bigint,
      version integer,
      details jsonb
    )`.execute(db);
  await sql`create index audit_log_gemeente on audit_log (gemeente, at)`.execute(db);
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only';
    end $$`.execute(db);
  await sql`
    create trigger audit_log_append_only before update or delete or truncate on audit_log
    for each statement execute function audit_log_append_only()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table audit_log`.execute(db);
  await sql`drop function audit_log_append_only`.execute(db);
  await sql`drop table dossier_version`.execute(db);
  await sql`drop table dossier_item`.execute(db);
  await sql`drop table login_failure`.execute(db);
  await sql`drop table password_link`.execute(db);
  await sql`drop table account_session`.execute(db);
  await sql`drop table account`.execute(db);
}
