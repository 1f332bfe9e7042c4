import { z } from 'zod';
import { GEMEENTE_CODE } from './domain.ts';

/**
 * The werkruimte's contract (docs/werkruimte.md): sign-in, the signed-in user, and the dossier of a
 * gemeente. Bodies are checked by the API on the way in and by the web app on the way back.
 */

export const ROLES = ['beheerder', 'regiocoordinator', 'gemeente'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/**
 * A cookie that only says someone signed in on this browser (readable by the app, worth nothing to an
 * attacker): the app asks GET /ik only then, so that anonymous visitors never do.
 */
export const SIGNED_IN_HINT = 'gka_ingelogd';

export const ROLE_LABELS: Record<Role, string> = {
  beheerder: 'beheerder',
  regiocoordinator: 'regiocoördinator',
  gemeente: 'gemeente',
};

/** The shortest password accepted (OWASP: at least 8 with MFA, 15 without; 12 is our floor, with a check on common ones). */
export const MIN_PASSWORD_LENGTH = 12;
/** argon2 works on at most this many bytes worth typing; longer is an attack on the CPU. */
export const MAX_PASSWORD_LENGTH = 256;

const Email = z.string().trim().toLowerCase().max(254, 'een e-mailadres is hoogstens 254 tekens').email('geen geldig e-mailadres');

export const SignInBody = z.object({
  email: Email,
  wachtwoord: z.string().min(1, 'vul een wachtwoord in').max(MAX_PASSWORD_LENGTH),
});
export type SignInBody = z.infer<typeof SignInBody>;

export const SetPasswordBody = z.object({
  token: z.string().min(20).max(200),
  wachtwoord: z.string().max(MAX_PASSWORD_LENGTH),
});

/** GET /ik: who is signed in, what she may see, and the token every write must carry. */
export const Me = z.object({
  email: z.string(),
  rol: Role,
  gemeenten: z.array(z.string()),
  groepen: z.array(z.string()),
  /** The gemeenten whose dossier she may open, as the API decided: all, or these codes. */
  dossiers: z.union([z.literal('alle'), z.array(z.string())]),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof Me>;

/** GET /sessie/opties: the ways to sign in besides a password (the web app shows a button for each). */
export const SignInOptions = z.object({ oidc: z.boolean() });
export type SignInOptions = z.infer<typeof SignInOptions>;

/**
 * Why a sign-in through OIDC failed: the API sends the browser to `/inloggen?fout=<code>` and the web
 * app shows the message of a known code only, so that a link cannot put words in the dashboard's mouth.
 */
export const OIDC_ERRORS = {
  oidc_mislukt: 'Inloggen via je organisatie is niet gelukt; probeer het opnieuw',
  oidc_onbereikbaar: 'De inlogdienst van je organisatie is nu niet bereikbaar; probeer het later opnieuw',
  email_niet_bevestigd: 'Je organisatie heeft dit e-mailadres niet als bevestigd opgegeven; zo kun je niet inloggen',
  geen_account: 'Er is geen account voor dit e-mailadres; vraag de beheerder om er een',
} as const;
export type OidcError = keyof typeof OIDC_ERRORS;

const IsoDate = z.iso.date('verwacht een datum als 2026-12-31');
const text = (max: number, what: string) => z.string().trim().min(1, `vul ${what} in`).max(max, `${what} is hoogstens ${max} tekens`);
const codes = (max: number) => z.array(z.string().min(1).max(64)).max(max).default([]);

export const DuidingContent = z.object({
  indicator: z.string().min(1, 'kies een indicator').max(64),
  cohort: z.string().max(64).nullable().default(null),
  wijk: z.string().max(64).nullable().default(null),
  school: z.string().max(64).nullable().default(null),
  tekst: text(10_000, 'de duiding'),
});

export const GesprekContent = z.object({
  datum: IsoDate,
  deelnemers: z
    .array(z.object({ naam: text(200, 'een naam'), rol: z.string().trim().max(200).default('') }))
    .min(1, 'noem ten minste één deelnemer')
    .max(50),
  samenvatting: text(20_000, 'de samenvatting'),
  indicatoren: codes(50),
});

export const AFSPRAAK_STATUSES = ['open', 'gedaan', 'vervallen'] as const;
export const AfspraakContent = z.object({
  wat: text(2_000, 'wat er is afgesproken'),
  wie: text(200, 'wie het doet'),
  deadline: IsoDate,
  status: z.enum(AFSPRAAK_STATUSES).default('open'),
  gesprek: z.number().int().positive().nullable().default(null),
});

export const InterventieContent = z
  .object({
    naam: text(200, 'een naam'),
    beschrijving: z.string().trim().max(20_000).default(''),
    doelgroep: z.string().trim().max(500).default(''),
    start: IsoDate,
    eind: IsoDate.nullable().default(null),
    indicatoren: codes(50),
    wijken: codes(200),
    scholen: codes(500),
    deelbaar: z.boolean().default(false),
  })
  .refine((i) => i.eind === null || i.eind >= i.start, { message: 'het einde ligt vóór de start', path: ['eind'] });

/** The four kinds of a dossier, by the name in their URL (`/dossier/GM0855/afspraken`). */
export const DOSSIER_KINDS = {
  duidingen: { kind: 'duiding', content: DuidingContent, label: 'duiding' },
  gesprekken: { kind: 'gesprek', content: GesprekContent, label: 'gesprek' },
  afspraken: { kind: 'afspraak', content: AfspraakContent, label: 'afspraak' },
  interventies: { kind: 'interventie', content: InterventieContent, label: 'interventie' },
} as const;
export type DossierCollection = keyof typeof DOSSIER_KINDS;
export type DossierKind = (typeof DOSSIER_KINDS)[DossierCollection]['kind'];
export const DossierCollection = z.enum(Object.keys(DOSSIER_KINDS) as [DossierCollection, ...DossierCollection[]]);

const ItemMeta = z.object({
  id: z.number().int(),
  versie: z.number().int(),
  aangemaaktOp: z.string(),
  aangemaaktDoor: z.string(),
  bijgewerktOp: z.string(),
  bijgewerktDoor: z.string(),
});

export const Duiding = ItemMeta.extend(DuidingContent.shape);
export const Gesprek = ItemMeta.extend(GesprekContent.shape);
export const Afspraak = ItemMeta.extend(AfspraakContent.shape);
export const Interventie = ItemMeta.and(InterventieContent).and(z.object({ gemeente: z.string() }));
export type Duiding = z.infer<typeof Duiding>;
export type Gesprek = z.infer<typeof Gesprek>;
export type Afspraak = z.infer<typeof Afspraak>;
export type Interventie = z.infer<typeof Interventie>;

export const GemeenteParam = z.object({ gemeente: z.string().regex(GEMEENTE_CODE, 'verwacht een gemeentecode zoals GM0855') });

export const Dossier = z.object({
  gemeente: z.object({ code: z.string(), name: z.string() }),
  duidingen: z.array(Duiding),
  gesprekken: z.array(Gesprek),
  afspraken: z.array(Afspraak),
  interventies: z.array(Interventie),
});
export type Dossier = z.infer<typeof Dossier>;

export const DossierVersion = z.object({
  versie: z.number().int(),
  op: z.string(),
  door: z.string(),
  verwijderd: z.boolean(),
  inhoud: z.record(z.string(), z.unknown()),
});
export const DossierVersions = z.object({ id: z.number().int(), versies: z.array(DossierVersion) });

export const Written = z.object({ id: z.number().int(), versie: z.number().int() });

export const SharedInterventions = z.object({ data: z.array(Interventie) });
