import { getRoute } from '@/lib/server/http/route';
import { rtcToken } from '@/lib/server/token-handlers';

// RTC token for one channel and uid or user account; the Go token service's /rtc path.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = getRoute(rtcToken);
