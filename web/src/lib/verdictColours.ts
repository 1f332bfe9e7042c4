import { verdictCssVariables } from '@gka/shared';

/**
 * Sets the verdict colours of @gka/shared as custom properties on the root element, before the
 * first render: the stylesheet reads them (`var(--verdict-gunstig)`), the charts read the registry
 * itself, so a cell and a bar of one verdict share one colour.
 */
export function applyVerdictColours(style: Pick<CSSStyleDeclaration, 'setProperty'>): void {
  for (const [name, value] of Object.entries(verdictCssVariables())) style.setProperty(name, value);
}
