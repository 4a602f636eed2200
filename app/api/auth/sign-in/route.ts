import { signIn } from '@/lib/server/auth/auth-routes';

export const GET = signIn;
