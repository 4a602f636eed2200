import { describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { callPageConfig } from '@/lib/server/call-page-config';
import { localCertificate } from '@/lib/server/credentials';
import { issuePageTicket, readPageTicket } from '@/lib/server/page-ticket';
import { BROWSER_COOKIE, isBrowserId } from '@/lib/shared/browser-id';
import { config, proxy } from '@/proxy';
import { withServerEnv } from '../support/server-env';

// A browser's id for rooms: proxy.ts gives each browser opening a call page a cookie (once), the
// call page puts it in its ticket, and the ticket carries it to the token and rooms routes.

withServerEnv();

const visit = (url: string, cookie?: string) =>
  proxy(new NextRequest(url, { headers: cookie ? { cookie: `${BROWSER_COOKIE}=${cookie}` } : {} }));

describe('the agora-calls-browser cookie (proxy.ts)', () => {
  it('a call page without one gets a random 128-bit id, HttpOnly, SameSite=Lax, for a year', () => {
    // The page sees it at once.
    const response = visit('http://localhost:3000/call/room');
    const cookie = response.cookies.get(BROWSER_COOKIE)!;
    expect(isBrowserId(cookie.value)).toBe(true);
    expect(cookie).toMatchObject({
      httpOnly: true,
      sameSite: 'lax',
      secure: false,
      path: '/',
      maxAge: 365 * 24 * 3600,
    });
    // The request the page renders carries it too (Next's header override), so its ticket names it.
    expect(response.headers.get('x-middleware-request-cookie')).toContain(`${BROWSER_COOKIE}=${cookie.value}`);
    expect(visit('http://localhost:3000/call/room').cookies.get(BROWSER_COOKIE)!.value).not.toBe(cookie.value);
  });

  it('Secure everywhere but loopback', () => {
    expect(visit('https://calls.example.com/call/room').cookies.get(BROWSER_COOKIE)!.secure).toBe(true);
    expect(visit('http://192.168.1.20:3000/call/room').cookies.get(BROWSER_COOKIE)!.secure).toBe(true);
    expect(visit('http://127.0.0.1:3000/call/room').cookies.get(BROWSER_COOKIE)!.secure).toBe(false);
  });

  it('a browser that has one keeps it; a malformed one is replaced', () => {
    expect(visit('http://localhost/call/room', 'AdaAdaAdaAdaAdaAdaAda0').headers.get('set-cookie')).toBeNull();
    expect(isBrowserId(visit('http://localhost/call/room', 'x').cookies.get(BROWSER_COOKIE)?.value)).toBe(true);
  });

  it('runs on call pages (and broken API paths) only; a broken call link still goes home', () => {
    expect(config.matcher).toEqual(['/api/:path(.*%.*)', '/call/:path*']);
    const broken = visit('http://localhost/call/50%zz');
    expect(broken.status).toBe(307);
    expect(broken.headers.get('location')).toContain('/?link=broken');
    expect(visit('http://localhost/api/rtc/%zz').status).toBe(400);
  });
});

describe("the page ticket's browser id", () => {
  it('the call page puts a well-formed cookie in its ticket, and nothing else', () => {
    const ticketOf = (browser: string | null) =>
      readPageTicket(callPageConfig('room', browser).pageTicket, localCertificate());
    expect(ticketOf('AdaAdaAdaAdaAdaAdaAda0')).toMatchObject({ channel: 'room', browser: 'AdaAdaAdaAdaAdaAdaAda0' });
    expect(ticketOf(null)!.browser).toBeNull();
    expect(ticketOf('not an id; b=forged')!.browser).toBeNull();
  });

  it('a ticket without one (issued before browser ids) still works, without a browser', () => {
    const ticket = issuePageTicket({ channel: 'room', uids: [1, 2] }, localCertificate());
    expect(readPageTicket(ticket, localCertificate())).toEqual({ channel: 'room', uids: [1, 2], browser: null });
  });
});
