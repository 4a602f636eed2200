import { postRoute } from '@/lib/api-route';
import { localLeave } from '@/lib/local-signaling';

export const runtime = 'nodejs';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = postRoute(localLeave);
