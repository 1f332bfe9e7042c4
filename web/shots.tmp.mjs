import { chromium } from 'playwright-core';
const base = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'] });
const pages = [
  ['data', '/data?indicator=advies_havo_vwo&cohort=2022-2023&niveau=wijk&gemeente=GM0362&dimensie=opleiding_ouders'],
  ['gemeente', '/gemeente/GM0362'],
  ['kaart', '/?indicator=advies_havo_vwo&cohort=2022-2023'],
  ['vergelijken', '/vergelijken?gemeente=GM0362&indicatoren=advies_havo_vwo'],
  ['notitie', '/gemeente/GM0362/notitie'],
];
for (const width of [1400, 390]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  for (const [name, url] of pages) {
    await page.goto(base + url);
    await page.waitForTimeout(2500);
    await page.screenshot({ path: `/tmp/shots/${name}-${width}.png` });
  }
  await page.close();
}
await browser.close();
