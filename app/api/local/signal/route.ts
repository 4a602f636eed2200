import { postRoute } from '@/lib/api-route';
import { localSignal } from '@/lib/local-signaling';

export const runtime = 'nodejs';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = postRoute(localSignal);
