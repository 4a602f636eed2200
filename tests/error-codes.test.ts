import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@/lib/shared/error-codes';

describe('the error code table', () => {
  it('codes are snake_case and statuses are HTTP errors', () => {
    for (const [code, { status }] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
    }
  });

  it("the README's Token API section lists every code with its status, and no other", () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const listed = Object.fromEntries(
      [...readme.matchAll(/^\| `([a-z_]+)` \| (\d{3}) \|/gm)].map(([, code, status]) => [code, Number(status)]),
    );
    expect(listed).toEqual(Object.fromEntries(Object.entries(ERROR_CODES).map(([code, { status }]) => [code, status])));
  });
});
