import { getRoute } from '@/lib/api-route';
import { rteTokens } from '@/lib/token-handlers';

export const runtime = 'nodejs';

// RTC and RTM tokens in one call; the RTM user id is the RTC uid.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = getRoute(rteTokens);
