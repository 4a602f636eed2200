import { getRoute } from '@/lib/api-route';
import { rtmToken } from '@/lib/token-handlers';

export const runtime = 'nodejs';

// RTM login token for one user id.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = getRoute(rtmToken);
