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
