import { signOut } from '@/lib/server/auth/auth-routes';

export const POST = signOut;
