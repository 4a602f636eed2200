import 'server-only';
import type { InspectPageConfig } from '../shared/call-contract';
import { getAgoraCredentials } from './credentials';
import { issueInspectTicket } from './page-ticket';
import { tokenServer } from './settings';

// What the token inspector page needs from the server: the App ID a join would use, whether this
// server can check a signature, and the page's ticket for doing so. Never the certificate.

export function inspectPageConfig(): InspectPageConfig {
  const { url, fallbackAppId } = tokenServer();
  const external = url !== null;
  try {
    const credentials = getAgoraCredentials();
    return {
      mode: external ? 'agora' : credentials.mode,
      // With an external token server the call page joins with that server's App ID, or this fallback.
      joinAppId: external ? fallbackAppId : credentials.appId,
      verifiableAppId: credentials.appId,
      inspectTicket: issueInspectTicket(credentials.appCertificate),
    };
  } catch {
    // Not configured (e.g. on Vercel without credentials): the page still decodes, it cannot verify.
    return { mode: external ? 'agora' : null, joinAppId: fallbackAppId, verifiableAppId: null, inspectTicket: null };
  }
}
