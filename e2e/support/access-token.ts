// Decodes and verifies AccessToken2 strings in specs (lib/server/access-token.ts is server-only).
import { createRequire } from 'node:module';
import type { ServiceRtc } from 'agora-token/src/AccessToken2';

// CommonJS without an exports map: Node's ESM resolver needs require() for the deep path.
const { AccessToken2, kRtcServiceType } = createRequire(import.meta.url)(
  'agora-token/src/AccessToken2',
) as typeof import('agora-token/src/AccessToken2');

export function decodeRtcToken(token: string, appCertificate?: string) {
  const parsed = new AccessToken2();
  if (!parsed.from_string(token)) throw new Error('not an AccessToken2');
  const [rtc] = parsed.getServices(kRtcServiceType) as ServiceRtc[];
  return {
    appId: parsed.appId.toString(),
    signatureValid: appCertificate ? parsed.verifySignature(appCertificate) : null,
    channel: rtc?.__channel_name.toString(),
    uid: rtc?.__uid.toString(),
    privileges: rtc?.__privileges,
    issuedAt: parsed.issueTs,
    expire: parsed.expire,
  };
}
