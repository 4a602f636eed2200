import { callback } from '@/lib/server/auth/auth-routes';

// The provider's redirect target: <site>/api/auth/callback/oidc.
export const GET = callback;
