import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
const base = 'http://127.0.0.1:3100';
const [, , ...jobs] = process.argv;
for (const job of jobs) {
  const [name, url, width, sel] = job.split('|');
  const p = await b.newPage({ viewport: { width: Number(width), height: 1000 } });
  await p.goto(base + url);
  await p.waitForTimeout(4000);
  if (sel) await p.locator(sel).first().scrollIntoViewIfNeeded();
  await p.waitForTimeout(300);
  if (name.endsWith('.pdf')) {
    await p.pdf({ path: '/tmp/shots/' + name, format: 'A4', printBackground: true });
  } else await p.screenshot({ path: '/tmp/shots/' + name });
  await p.close();
}
await b.close();
