import { postRoute } from '@/lib/server/http/route';
import { postedToken } from '@/lib/server/token-handlers';

// POST a JSON token request; the Go token service's /getToken body.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = postRoute(postedToken);
