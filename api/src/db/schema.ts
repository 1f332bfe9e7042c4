import type { ColumnType, Generated } from 'kysely';
import type { AreaLevel, Dimension, Unit, ValueNote } from '@gka/shared';

/** Table types of migrations/ (keep in step with the migrations). */
export interface AreaTable {
  code: string;
  level: AreaLevel;
  name: string;
  parent_code: string | null;
  indeling_jaar: number | null;
  stedelijkheid: number | null;
  omgevingsadressendichtheid: number | null;
  inwoners: number | null;
  provincie: string | null;
  gka_lid: Generated<boolean>;
  gka_sinds: ColumnType<string | null, string | null | undefined, string | null>;
  attributes: Generated<Record<string, number | string | null>>;
  geometry: unknown | null;
  dataset_id: number | null;
}

/** What the DUO address lists say of a school (migration 0011); its name and gemeente are in `area`. */
export interface SchoolTable {
  code: string;
  brin: string;
  vestiging: string;
  sector: 'po' | 'vo';
  soort: string | null;
  denominatie: string | null;
  adres: string | null;
  postcode: string | null;
  plaats: string | null;
  gesloten: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
}

export interface CohortTable {
  code: string;
  label: string;
  school_years: Generated<string[]>;
  sort_order: Generated<number>;
  /** A pooled period (migration 0010): the cohorts it sums; empty for an ordinary cohort. */
  pooled: Generated<string[]>;
}

/** What COVID did to an indicator's figures of one school year (migration 0008). */
export interface CovidNoteTable {
  indicator: string;
  school_year: string;
  note: string;
  /** No figures for that school year (no eindtoets in 2020). */
  missing: Generated<boolean>;
  /** The indicator's own rules changed that year (exams cancelled in 2020): a change into it gets no verdict. */
  rules_changed: Generated<boolean>;
}

export interface IndicatorTable {
  code: string;
  name: string;
  definition: string;
  numerator_definition: string;
  denominator_definition: string;
  unit: Generated<Unit>;
  higher_is_better: boolean | null;
  source: string;
  sort_order: Generated<number>;
  /** The breakdown that defines the indicator (migration 0015): no kansenkloof for it. */
  defined_by: Generated<Dimension | null>;
}

export interface DimensionTable {
  code: string;
  label: string;
}

export interface BreakdownGroupTable {
  dimension: string;
  grp: string;
  label: string;
  sort_order: number;
}

/** bigint columns come back from pg as strings; the queries cast them where they read them. */
export interface MeasureTable {
  indicator: string;
  cohort: string;
  dimension: string;
  grp: string;
  area_code: string;
  numerator: ColumnType<string, number | bigint | string, number | bigint | string>;
  denominator: ColumnType<string, number | bigint | string, number | bigint | string>;
  dataset_id: number | null;
  /** The stored disclosure decision (migration 0005): hidden cells are published as suppressed. */
  hidden: Generated<boolean>;
}

export interface DisclosureTable {
  indicator: string;
  cohort: string;
  min_cell: number;
  cells: number;
  primary_hidden: number;
  secondary_hidden: number;
  decided_at: Generated<Date>;
}

export interface DisclosureSettingTable {
  id: Generated<boolean>;
  min_cell: number;
}

export interface DatasetTable {
  id: Generated<number>;
  kind: string;
  source: string;
  sha256: string | null;
  row_count: Generated<number>;
  imported_at: Generated<Date>;
  synthetic: Generated<boolean>;
  notes: unknown | null;
}

/** A group of gemeenten kept as data (migration 0009): COROP-gebieden and imported groupings. */
export interface AreaGroupTable {
  code: string;
  kind: string;
  name: string;
  dataset_id: number | null;
}

export interface AreaGroupMemberTable {
  group_code: string;
  area_code: string;
}

/** What a source says about one of its figures (migration 0016): the area's totaal of an indicator × cohort. */
export interface MeasureNoteTable {
  indicator: string;
  cohort: string;
  area_code: string;
  note: ValueNote;
}

/** The werkruimte (migration 0018): accounts, sessions, dossier items with their versions, the audit log. */
export type Role = 'beheerder' | 'regiocoordinator' | 'gemeente';
export type DossierKind = 'duiding' | 'gesprek' | 'afspraak' | 'interventie';

export interface AccountTable {
  id: Generated<number>;
  email: string;
  role: Role;
  gemeenten: ColumnType<string[], string[] | undefined, string[]>;
  groepen: ColumnType<string[], string[] | undefined, string[]>;
  password_hash: string | null;
  created_at: Generated<Date>;
  revoked_at: Date | null;
}

export interface AccountSessionTable {
  /** sha256 of the cookie's token: a read of the table does not give a usable session. */
  id: string;
  account_id: number;
  csrf_token: string;
  created_at: Generated<Date>;
  seen_at: Generated<Date>;
}

export interface PasswordLinkTable {
  token_hash: string;
  account_id: number;
  expires_at: Date;
  used_at: Date | null;
}

export interface LoginFailureTable {
  key: string;
  at: Generated<Date>;
}

export interface DossierItemTable {
  id: Generated<number>;
  gemeente: string;
  kind: DossierKind;
  version: number;
  content: unknown;
  deleted: Generated<boolean>;
  created_by: number;
  created_at: Generated<Date>;
  updated_by: number;
  updated_at: Generated<Date>;
}

export interface DossierVersionTable {
  item_id: number;
  version: number;
  content: unknown;
  deleted: boolean;
  author: number;
  at: Generated<Date>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Date>;
  account_id: number | null;
  email: string | null;
  action: string;
  gemeente: string | null;
  kind: string | null;
  item_id: number | null;
  version: number | null;
  details: unknown | null;
}

export interface Database {
  area: AreaTable;
  school: SchoolTable;
  cohort: CohortTable;
  covid_note: CovidNoteTable;
  area_group: AreaGroupTable;
  area_group_member: AreaGroupMemberTable;
  indicator: IndicatorTable;
  dimension: DimensionTable;
  breakdown_group: BreakdownGroupTable;
  measure: MeasureTable;
  measure_note: MeasureNoteTable;
  dataset: DatasetTable;
  disclosure: DisclosureTable;
  disclosure_setting: DisclosureSettingTable;
  account: AccountTable;
  account_session: AccountSessionTable;
  password_link: PasswordLinkTable;
  login_failure: LoginFailureTable;
  dossier_item: DossierItemTable;
  dossier_version: DossierVersionTable;
  audit_log: AuditLogTable;
}
