import { availableParallelism } from 'node:os';
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@gka/shared';

/**
 * argon2id with OWASP's minimum (Password Storage Cheat Sheet: m = 19 MiB, t = 2, p = 1). Hashing
 * and verifying run in libuv's thread pool, off the event loop: a sign-in does not hold up other requests.
 */
// Algorithm is a const enum, which isolated modules cannot read: 2 is its Argon2id.
const PARAMS = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * argon2 at most on all cores but one at a time: a burst of sign-ins waits its turn for that core
 * and the rest of the API keeps one to answer other requests.
 */
const SLOTS = Math.max(1, availableParallelism() - 1);
let running = 0;
const waiting: (() => void)[] = [];
async function inSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= SLOTS) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

export const hashPassword = (password: string): Promise<string> => inSlot(() => hash(password, PARAMS));

/**
 * Verifies a password against the account's hash, or against a hash of nothing when there is no
 * account (or no password set): an unknown e-mail then costs the same work as a wrong password,
 * so timing does not tell which e-mails exist.
 */
export async function checkPassword(
  stored: string | null | undefined,
  password: string,
  verifier: (hash: string, password: string) => Promise<boolean> = verify,
): Promise<boolean> {
  const against = stored ?? (await dummyHash());
  const ok = await inSlot(() => verifier(against, password)).catch(() => false);
  return ok && Boolean(stored);
}

let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hashPassword('geen account, geen wachtwoord'));

let common: Set<string> | undefined;
/** The 49,000 most used passwords of zxcvbn's list (lower case). */
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

/**
 * Why a new password is refused, in Dutch, or null. Beyond the length: a common password, also with
 * digits or signs at the end ("wachtwoord2026!") or repeated ("welkomwelkomwelkom").
 */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Kies een wachtwoord van ten minste ${MIN_PASSWORD_LENGTH} tekens`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Kies een wachtwoord van hoogstens ${MAX_PASSWORD_LENGTH} tekens`;
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\d\W_]+$/u, '');
  const list = commonPasswords();
  const repeated = /^(.+?)\1+$/u.exec(stem)?.[1];
  if (list.has(lower) || list.has(stem) || (repeated !== undefined && (list.has(repeated) || repeated.length < 4)) || new Set(lower).size < 5)
    return 'Dit wachtwoord is te bekend of te eenvoudig; kies een langere zin of een wachtwoord uit een wachtwoordmanager';
  return null;
}
