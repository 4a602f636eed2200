// @vitest-environment jsdom
import { afterEach, expect, it, vi } from 'vitest';
import { createAgoraSignalingClient } from '@/lib/client/engine/agora/signaling-adapter';
import { PresenceSession } from '@/lib/client/presence/presence-session';
import { issuePageTicket } from '@/lib/server/page-ticket';
import * as rtmRoute from '@/app/api/rtm/[uid]/route';
import { TEST_APP_CERTIFICATE, TEST_APP_ID, withServerEnv } from '../support/server-env';

// Agora mode's Signaling with the real agora-rtm-sdk, offline: every request it makes is caught at
// the XMLHttpRequest boundary (as the e2e suite catches the RTC join in the browser) and refused.

interface Sent {
  url: string;
  body: string;
}

function interceptXhr(): Sent[] {
  const sent: Sent[] = [];
  const open = XMLHttpRequest.prototype.open as (this: XMLHttpRequest, method: string, url: string | URL) => void;
  vi.spyOn(XMLHttpRequest.prototype, 'open').mockImplementation(function (
    this: XMLHttpRequest & { url?: string },
    method: string,
    url: string | URL,
  ) {
    this.url = String(url);
    open.call(this, method, url);
  });
  vi.spyOn(XMLHttpRequest.prototype, 'send').mockImplementation(function (
    this: XMLHttpRequest & { url?: string },
    body,
  ) {
    sent.push({ url: this.url ?? '', body: typeof body === 'string' ? body : '' });
    setTimeout(() => this.dispatchEvent(new ProgressEvent('error')), 0); // no internet
  });
  return sent;
}

withServerEnv({
  AGORA_APP_ID: TEST_APP_ID,
  AGORA_APP_CERTIFICATE: TEST_APP_CERTIFICATE,
  TOKEN_API_KEYS: 'only-with-a-key', // the call page's ticket is what admits it
  RATE_LIMIT_TOKENS_PER_MINUTE: '0',
});
afterEach(() => vi.restoreAllMocks());

it('the RTM login request sent towards Agora carries exactly the token our server minted for that uid', async () => {
  // Offline, the session says chat is unavailable.
  const ticket = issuePageTicket({ channel: 'agora-room', uids: [4242, 4343] }, TEST_APP_CERTIFICATE);
  const getToken = async () => {
    const response = await rtmRoute.GET(
      new Request('http://localhost/api/rtm/4242/?expiry=300', { headers: { 'x-call-ticket': ticket } }),
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    return { token: body.rtmToken as string, appId: body.appId as string, expiresAt: body.expiresAt as number };
  };
  const minted = await getToken();

  const sent = interceptXhr();
  const session = new PresenceSession({
    channel: 'agora-room',
    userId: '4242',
    name: 'Ada',
    getToken,
    createClient: (grant) => createAgoraSignalingClient(grant.appId, '4242'),
    loginTimeoutMs: 4000,
  });
  void session.start(minted);

  const loginRequest = () =>
    sent
      .filter(({ url }) => /^https:\/\/[\w.-]+\.(agora\.io|sd-rtn\.com)\/api\/v1$/.test(url))
      .map(({ body }) => JSON.parse(body))
      .find((request) => request.flag === 128);
  await vi.waitFor(() => expect(loginRequest()).toBeDefined(), { timeout: 10_000 });
  expect(loginRequest()).toMatchObject({
    key: minted.token,
    cname: '4242',
    detail: { '25': TEST_APP_ID, '26': 'RTM2' },
  });

  await vi.waitFor(() => expect(session.getSnapshot().status).toBe('unavailable'), { timeout: 10_000 });
  expect(session.getSnapshot().problem).toMatch(/^Chat and names are unavailable: .*the call goes on\.$/);
  await session.stop();
}, 30_000);
