import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_MIN_CELL } from '@gka/shared';

/** The repository root: relative paths in the environment are taken from here, whatever the cwd. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  /** Folder of the embedded Postgres cluster when no DATABASE_URL is given. */
  GKA_DATA_DIR: z.string().default('./data'),
  GKA_EMBEDDED_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  GKA_MIN_CELL: z.coerce.number().int().min(1).default(DEFAULT_MIN_CELL),
  GKA_OPEN_DATA_DIR: z.string().optional(),
  /** Folder with pg_dump, pg_restore and psql for `backup` and `restore`; unset: found by their version. */
  GKA_PG_BIN: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  /** Where DUO's open-data files are fetched from (a mirror); unset: DUO itself. */
  GKA_DUO_BASE_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().url('verwacht een adres zoals https://duo.nl/open_onderwijsdata/images/').optional(),
  ),
  /** 0: a first start loads no DUO figures, even when DUO can be reached. */
  GKA_FIRST_START_DUO: z.enum(['0', '1'], { message: 'verwacht 0 (uit) of 1 (aan)' }).default('1'),
  /** Comma-separated list of origins allowed by CORS; empty means same-origin only. */
  GKA_CORS_ORIGINS: z.string().default(''),
  GKA_RATE_LIMIT: z.coerce.number().int().min(0).default(600),
  /** Behind a proxy or load balancer: the number of proxy hops to trust, or their addresses/subnets (comma-separated). */
  GKA_TRUST_PROXY: z
    .string()
    .default('')
    .refine((v) => v.trim() === '' || /^\d+$/.test(v.trim()) || v.split(',').every((x) => /^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(x.trim())), {
      message: 'verwacht een aantal proxy-stappen (1) of IP-adressen/subnetten gescheiden door komma’s (10.0.0.0/8,127.0.0.1)',
    }),
  /** Bulk downloads at once, in total; each client gets one of them at a time. */
  GKA_BULK_SLOTS: z.coerce.number().int().min(1).max(20).default(2),
  /** XLSX files built at once (each in a worker thread of its own); one more is refused with 429. */
  GKA_XLSX_SLOTS: z.coerce.number().int().min(1).max(16).default(4),
  /** Seconds a download waits for its client to take the next piece before it is ended. */
  GKA_EXPORT_SEND_TIMEOUT: z.coerce.number().min(0.1).max(600).default(30),
  /** Seconds a stop (SIGTERM) waits for running downloads before it ends them. */
  GKA_SHUTDOWN_GRACE: z.coerce.number().min(0).max(10, 'hoogstens 10 seconden').default(10),
  /**
   * Milliseconds the data version is trusted before it is read again: an import shows up on every
   * instance within this time, and memoised reference data is kept that long without a query. 0 reads
   * it for every request.
   */
  GKA_DATA_RECHECK_MS: z.coerce.number().int('verwacht een geheel aantal milliseconden').min(0).max(600_000, 'hoogstens 600000 ms').default(2000),
  /** The dashboard's own address, for links the CLI prints (setting a password); unset: http://localhost:PORT. */
  GKA_PUBLIC_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url('verwacht een adres zoals https://dashboard.example.nl').optional()),
  /** Minutes a werkruimte session may stay unused before it ends. */
  GKA_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(120),
  /** Hours a werkruimte session lasts at most, however busy. */
  GKA_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** Signing in through an organisation's OpenID Connect provider: its issuer and this dashboard's client there (all three or none). */
  GKA_OIDC_ISSUER: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .url('verwacht het adres van de uitgever, zoals https://login.example.nl/realms/gka')
      .refine((v) => new URL(v).protocol === 'https:' || isLoopback(new URL(v).hostname), {
        message: 'verwacht een https-adres (http alleen op deze machine: localhost of 127.0.0.1)',
      })
      .optional(),
  ),
  GKA_OIDC_CLIENT_ID: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  GKA_OIDC_CLIENT_SECRET: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  embeddedPort: number;
  minCell: number;
  openDataDir?: string;
  /** GKA_PG_BIN: the only folder `backup` and `restore` take their Postgres programs from. */
  pgBin?: string;
  /** Folder download-duo fetches into (`<data dir>/duo`), and the DUO address to fetch from (undefined: DUO). */
  duoDir: string;
  duoBaseUrl?: string;
  firstStartDuo: boolean;
  corsOrigins: string[];
  rateLimitPerMinute: number;
  /** Fastify's trustProxy: false, a hop count or addresses. The client's IP (rate limit, logs) comes from X-Forwarded-For only then. */
  trustProxy: false | number | string[];
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  bulkSlots: number;
  xlsxSlots: number;
  exportSendTimeoutMs: number;
  shutdownGraceMs: number;
  dataRecheckMs: number;
  publicUrl: string;
  sessionIdleMs: number;
  sessionMaxMs: number;
  /** Signing in through OpenID Connect; undefined: only passwords. */
  oidc?: OidcConfig;
};

export type OidcConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: `${publicUrl}/api/v1/sessie/oidc/terug`, registered with the provider. */
  redirectUri: string;
};

/** Parses the environment once; a bad value stops the process with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Ongeldige configuratie:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = (e.GKA_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(REPO_ROOT, e.GKA_DATA_DIR),
    embeddedPort: e.GKA_EMBEDDED_PORT,
    minCell: e.GKA_MIN_CELL,
    openDataDir: e.GKA_OPEN_DATA_DIR && path.resolve(REPO_ROOT, e.GKA_OPEN_DATA_DIR),
    pgBin: e.GKA_PG_BIN && path.resolve(REPO_ROOT, e.GKA_PG_BIN),
    duoDir: path.join(path.resolve(REPO_ROOT, e.GKA_DATA_DIR), 'duo'),
    duoBaseUrl: e.GKA_DUO_BASE_URL,
    firstStartDuo: e.GKA_FIRST_START_DUO === '1',
    corsOrigins: e.GKA_CORS_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    rateLimitPerMinute: e.GKA_RATE_LIMIT,
    trustProxy: parseTrustProxy(e.GKA_TRUST_PROXY),
    logLevel: e.LOG_LEVEL,
    bulkSlots: e.GKA_BULK_SLOTS,
    xlsxSlots: e.GKA_XLSX_SLOTS,
    exportSendTimeoutMs: Math.round(e.GKA_EXPORT_SEND_TIMEOUT * 1000),
    shutdownGraceMs: Math.round(e.GKA_SHUTDOWN_GRACE * 1000),
    dataRecheckMs: e.GKA_DATA_RECHECK_MS,
    publicUrl,
    sessionIdleMs: e.GKA_SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.GKA_SESSION_MAX_HOURS * 3_600_000,
    oidc: parseOidc(e, publicUrl),
  };
}

function parseOidc(e: z.infer<typeof Env>, publicUrl: string): OidcConfig | undefined {
  const { GKA_OIDC_ISSUER: issuer, GKA_OIDC_CLIENT_ID: clientId, GKA_OIDC_CLIENT_SECRET: clientSecret } = e;
  if (issuer && clientId && clientSecret) return { issuer, clientId, clientSecret, redirectUri: `${publicUrl}/api/v1/sessie/oidc/terug` };
  if (issuer || clientId || clientSecret)
    throw new Error(
      'Ongeldige configuratie:\n  GKA_OIDC_ISSUER: inloggen via OIDC heeft GKA_OIDC_ISSUER, GKA_OIDC_CLIENT_ID en GKA_OIDC_CLIENT_SECRET alle drie nodig (of geen van drie)',
    );
  return undefined;
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

function parseTrustProxy(value: string): false | number | string[] {
  const v = value.trim();
  if (v === '') return false;
  if (/^\d+$/.test(v)) return Number(v);
  return v.split(',').map((x) => x.trim());
}
