import type { Page } from '@playwright/test';

/** What a page's own requests carried and got: its page ticket, its local-mode sessions, its uid. */
export function watchOwnCall(page: Page) {
  const seen = { ticket: '', session: '', uid: 0, signaling: '' };
  page.on('request', (request) => {
    const ticket = request.headers()['x-call-ticket'];
    if (ticket) seen.ticket = ticket;
  });
  page.on('response', async (response) => {
    if (response.url().endsWith('/api/local/rtm/login') && response.ok())
      seen.signaling = ((await response.json().catch(() => ({}))) as { session?: string }).session ?? '';
    if (!response.url().endsWith('/api/local/join') || !response.ok()) return;
    const body = (await response.json().catch(() => ({}))) as { sessionId?: string; uid?: number };
    seen.session = body.sessionId ?? '';
    seen.uid = body.uid ?? 0;
  });
  return seen;
}

/** POSTs to this app's API from the page, as its own script could: status and code. */
export async function postFromPage(page: Page, path: string, body: unknown) {
  return page.evaluate(
    async ({ path, body }) => {
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, code: ((await response.json()) as { code?: string }).code };
    },
    { path, body },
  );
}

/** Asks for an RTC token from the page with its own ticket, as its script could: status and code. */
export async function tokenFromPage(
  page: Page,
  { channel, uid, ticket, role = 'publisher' }: { channel: string; uid: number; ticket: string; role?: string },
) {
  return page.evaluate(
    async ({ channel, uid, ticket, role }) => {
      const response = await fetch(`/api/rtc/${encodeURIComponent(channel)}/${role}/uid/${uid}/`, {
        headers: { 'x-call-ticket': ticket },
      });
      return { status: response.status, code: ((await response.json()) as { code?: string }).code };
    },
    { channel, uid, ticket, role },
  );
}
