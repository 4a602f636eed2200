import { postRoute } from '@/lib/api-route';
import { localPublish } from '@/lib/local-signaling';

export const runtime = 'nodejs';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = postRoute(localPublish);
