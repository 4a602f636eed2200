import { postRoute } from '@/lib/api-route';
import { postedToken } from '@/lib/token-handlers';

export const runtime = 'nodejs';

// POST a JSON token request; the Go token service's /getToken body.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = postRoute(postedToken);
