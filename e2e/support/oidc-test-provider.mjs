// A real OpenID Connect provider (panva's oidc-provider) on loopback, for the sign-in e2e specs:
// discovery, the login page, codes, ID tokens signed with its own keys. Its development login form
// takes any password; the login is the test user's subject. Usage:
//   OIDC_PORT=4203 APP_ORIGIN=http://localhost:4202 node e2e/support/oidc-test-provider.mjs
import Provider from 'oidc-provider';
import { OIDC_CLIENT, OIDC_USERS } from './oidc-test-users.mjs';

const port = Number(process.env.OIDC_PORT ?? 4203);
const appOrigin = process.env.APP_ORIGIN ?? 'http://localhost:4202';
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: OIDC_CLIENT.id,
      client_secret: OIDC_CLIENT.secret,
      redirect_uris: [`${appOrigin}/api/auth/callback/oidc`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  async findAccount(ctx, id) {
    const user = Object.hasOwn(OIDC_USERS, id) ? OIDC_USERS[id] : undefined;
    if (!user) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...user }) };
  },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // A first-party client: the scopes are granted at once, so there is no consent page.
  async loadExistingGrant(ctx) {
    const accountId = ctx.oidc.session?.accountId;
    if (!accountId) return undefined;
    const grantId = ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    const existing = grantId && (await ctx.oidc.provider.Grant.find(grantId));
    if (existing) return existing;
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId });
    grant.addOIDCScope('openid email profile');
    grant.addOIDCClaims(['email', 'email_verified', 'name']);
    await grant.save();
    return grant;
  },
  cookies: { keys: ['loopback-test-only-cookie-key'] },
  features: { devInteractions: { enabled: true } },
  ttl: { Session: 3600, Interaction: 600, Grant: 3600, AccessToken: 600, IdToken: 600 },
});
for (const event of ['grant.error', 'server_error', 'authorization.error']) {
  provider.on(event, (ctx, error) => console.error(`oidc-test-provider ${event}: ${error.message}`));
}
// Playwright waits for this page (the discovery document) before it starts the tests.
provider.listen(port, '127.0.0.1', () => console.log(`oidc-test-provider: ${issuer} for ${appOrigin}`));
