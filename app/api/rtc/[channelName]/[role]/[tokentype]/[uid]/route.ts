import { getRoute } from '@/lib/api-route';
import { rtcToken } from '@/lib/token-handlers';

export const runtime = 'nodejs';

// RTC token for one channel and uid or user account; the Go token service's /rtc path.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = getRoute(rtcToken);
