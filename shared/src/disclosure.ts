/**
 * Disclosure control, the parts both tiers need: the word a hidden cell shows, the sentence that
 * explains it, and the attribute rule's limits (docs/methodology.md, "Disclosure control").
 */

/** What a table shows in place of a hidden cell, whatever the reason it is hidden. */
export const SUPPRESSED_TEXT = 'afgeschermd';

/** The one plain sentence the UI and every export use to explain hidden cells. */
export function disclosureSentence(minCell: number): string {
  return (
    `Cijfers over minder dan ${minCell} leerlingen, over kleine groepen waarin (bijna) iedereen dezelfde uitkomst heeft, ` +
    `en cijfers waarmee zulke cijfers terug te rekenen zijn, tonen we niet (“${SUPPRESSED_TEXT}”).`
  );
}

/**
 * Attribute disclosure: in a group smaller than this many times the minimum cell, a share must not
 * show that all pupils, or all but ATTRIBUTE_MARGIN of them, have (or lack) the outcome.
 */
export const ATTRIBUTE_GROUP_FACTOR = 2;
export const ATTRIBUTE_MARGIN = 2;
