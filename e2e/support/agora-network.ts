import type { Page, Request } from '@playwright/test';

// Every host the Agora Web SDK talks to (gateways, stats collectors, log upload).
export const AGORA_HOSTS = /\.(agora\.io|sd-rtn\.com|rtnsvc\.com|rtesvc\.com|agoraio\.cn)(:\d+)?\//;

export interface AgoraJoinRequest {
  appid: string;
  cname: string;
  uid: number;
  key: string;
}

/** Parses the SDK's first join request (multipart, JSON in the "request" field). */
export function parseJoinRequest(request: Request): AgoraJoinRequest | null {
  if (!request.url().includes('/api/v2/transpond/webrtc')) return null;
  const body = request.postData() ?? '';
  const json = body.match(/name="request"\r?\n\r?\n([\s\S]*?)\r?\n--/)?.[1];
  if (!json) return null;
  const parsed = JSON.parse(json);
  const buffer = parsed.request_bodies?.[0]?.buffer ?? {};
  return { appid: parsed.appid, cname: buffer.cname, uid: buffer.uid, key: buffer.key };
}

/** Aborts every request to Agora before it leaves the browser, recording the join requests. */
export async function blockAgora(page: Page) {
  const joins: AgoraJoinRequest[] = [];
  await page.route(AGORA_HOSTS, async (route) => {
    const join = parseJoinRequest(route.request());
    if (join) joins.push(join);
    await route.abort('internetdisconnected');
  });
  return joins;
}
