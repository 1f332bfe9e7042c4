import { expect } from 'vitest';
import type { TestApp } from './seeded-app.ts';

/** GET through inject: a 200 (else the test fails with the URL and the body) parsed by the contract's schema. */
export async function getParsed<T>(app: TestApp, url: string, schema: { parse: (x: unknown) => T }): Promise<T> {
  const res = await app.inject(url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return schema.parse(res.json());
}
