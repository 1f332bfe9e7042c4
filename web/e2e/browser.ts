import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** Debian's Chromium, headless, drawing WebGL in software; no traffic of its own. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** axe-core run in the page (WCAG 2.1 A/AA and best practice): its violations in words, and how many checks passed. */
export async function axeFindings(page: Page): Promise<{ found: string[]; passes: number }> {
  // axe-core's own script, run in the page: the CSP allows no inline script, so it goes in through the DevTools protocol.
  await page.evaluate(axe.source);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    }),
  );
  const found = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}: ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
  return { found, passes: result.passes.length };
}
