export declare const OIDC_CLIENT: { id: string; secret: string };
export declare const OIDC_USERS: Record<string, { email: string; email_verified: boolean; name: string }>;
export declare const E2E_AUTH_SECRET: string;
