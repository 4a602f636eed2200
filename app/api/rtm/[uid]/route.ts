import { getRoute } from '@/lib/server/http/route';
import { rtmToken } from '@/lib/server/token-handlers';

// RTM login token for one user id.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = getRoute(rtmToken);
