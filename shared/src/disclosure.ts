/**
 * Disclosure control, the parts both tiers need: the word a hidden cell shows, the sentence that
 * explains it, and the attribute rule's limits (docs/methodology.md, "Disclosure control").
 */

/** What a table shows in place of a hidden cell, whatever the reason it is hidden. */
export const SUPPRESSED_TEXT = 'afgeschermd';

/**
 * Attribute disclosure: in a group smaller than this many times the minimum cell, a share must not
 * show that all pupils, or all but ATTRIBUTE_MARGIN of them, have (or lack) the outcome.
 */
export const ATTRIBUTE_GROUP_FACTOR = 2;
export const ATTRIBUTE_MARGIN = 2;

/**
 * The one plain sentence the UI and every export use to explain hidden cells. The rules are about a
 * group's noemer, not its teller: a page showing "Teller 3" must not contradict it; and public files
 * are published as their source publishes them.
 */
export function disclosureSentence(minCell: number): string {
  return (
    `We tonen “${SUPPRESSED_TEXT}” in plaats van de cijfers van een groep (gebied, school of deelgroep) ` +
    `met minder dan ${minCell} leerlingen in de noemer, of minder dan ${ATTRIBUTE_GROUP_FACTOR * minCell} waarvan op hoogstens ` +
    `${ATTRIBUTE_MARGIN} na iedereen dezelfde uitkomst heeft, en cijfers waaruit zo’n groep terug te rekenen is; een kleine teller ` +
    `alleen is geen reden, en openbare DUO- en CBS-bestanden tonen we zoals de bron ze publiceert.`
  );
}
