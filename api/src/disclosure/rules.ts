import { ATTRIBUTE_GROUP_FACTOR, ATTRIBUTE_MARGIN } from '@gka/shared';

/** What decides whether counts may be known: the minimum cell and whether the attribute rule applies. */
export type DisclosureRules = {
  minCell: number;
  /** Shares (unit 'percentage'): a small group must not show that (nearly) everyone has one outcome. Means have no such outcome. */
  attribute: boolean;
};

/** A small group in which at most ATTRIBUTE_MARGIN pupils differ from the rest. */
export function revealsAttribute(k: number, n: number, minCell: number): boolean {
  return n < ATTRIBUTE_GROUP_FACTOR * minCell && (k <= ATTRIBUTE_MARGIN || n - k <= ATTRIBUTE_MARGIN);
}

/**
 * Whether counts (k of n) may be known: as a published cell, and also as the hidden remainder of an
 * additive set, which a reader computes by subtraction. The same rule for both, so a remainder
 * never tells more than a published cell could.
 */
export function publishable(k: number, n: number, rules: DisclosureRules): boolean {
  return n >= rules.minCell && !(rules.attribute && revealsAttribute(k, n, rules.minCell));
}

/**
 * Dataset kinds whose figures come from public open files (import-duo: DUO and the CBS
 * achterstandsscores): anyone can read them there, with the source's own masking, so hiding them
 * protects nobody. A table (indicator × cohort) made only of such rows is published as its source
 * publishes it; a table with any other row (the CBS delivery, the demo) is decided as a whole, so a
 * hidden delivered cell never becomes solvable through a public figure beside it.
 */
export const PUBLIC_SOURCE_KINDS: readonly string[] = ['duo'];

/** Whether a table is public as a whole: it has rows and every one is from a public open file. */
export const publicTable = (rows: readonly { public: boolean }[]): boolean => rows.length > 0 && rows.every((r) => r.public);
