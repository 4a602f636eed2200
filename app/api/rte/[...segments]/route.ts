import { getRoute } from '@/lib/server/http/route';
import { rteTokens } from '@/lib/server/token-handlers';

// RTC and RTM tokens in one call; the RTM user id is the RTC uid.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = getRoute(rteTokens);
