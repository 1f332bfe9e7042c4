import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { REPO_ROOT } from '../config.ts';
import { DUO_FILES } from '../importers/duo/files.ts';
import { openDataFile } from './open-data.ts';

/** Real rows of DUO's yearly files in their published layouts (fixtures/duo/README.md). */
export const YEARLY_FIXTURES = path.join(REPO_ROOT, 'fixtures/duo');

/**
 * A stand-in for DUO: serves each file under its published name. The files import-duo needs are made
 * at test time from the real file of the open-data folder (its header and first rows, bytes as
 * published: encoding, quotes, `<5`), so nothing of that data is kept in the repository; the yearly
 * files come from fixtures/duo, and a yearly file that is not there is "not published" (404).
 * `broken` serves one file with `from` replaced by `to` in its bytes.
 */
export function duoServer(o: { broken?: { file: string; from: string; to: string } } = {}) {
  const requests: string[] = [];
  const local = new Map<string, string>(Object.values(DUO_FILES).flatMap((f) => (f.published ? [[f.published, openDataFile(`duo_${f.name}`)] as const] : [])));
  const server: Server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url!, 'http://x').pathname.slice(1));
    requests.push(name);
    const core = local.get(name);
    const fixture = path.join(YEARLY_FIXTURES, name);
    let body: Buffer;
    // Header and 400 rows: every layout feature, at a tenth of the import time.
    if (core && existsSync(core)) body = Buffer.from(`${readFileSync(core).toString('latin1').split('\n').slice(0, 401).join('\n')}\n`, 'latin1');
    else if (!name.includes('/') && existsSync(fixture)) body = readFileSync(fixture);
    else return void res.writeHead(404).end();
    if (name === o.broken?.file) body = Buffer.from(body.toString('latin1').replace(o.broken.from, o.broken.to), 'latin1');
    res.writeHead(200, { 'content-type': 'text/csv', 'content-length': body.length }).end(body);
  });
  return {
    requests,
    start: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`))),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
