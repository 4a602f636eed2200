// The test provider's client and people (shared by the provider, playwright.config.ts and the specs).
// The login typed on the provider's page is the subject.
export const OIDC_CLIENT = { id: 'agora-calls-e2e', secret: 'loopback-test-only-client-secret' };

export const OIDC_USERS = {
  ada: { email: 'ada@example.test', email_verified: true, name: 'Ada Lovelace' },
  alan: { email: 'alan@example.test', email_verified: true, name: 'Alan Turing' },
  eve: { email: 'eve@other.test', email_verified: true, name: 'Eve Outsider' },
};

/** The AUTH_SECRET of the signed-in e2e server (its sessions and uids): a test value, used nowhere else. */
export const E2E_AUTH_SECRET = 'loopback-e2e-only-auth-secret-0123456789';
