import { getRoute } from '@/lib/server/http/route';
import { healthReport } from '@/lib/server/health';

// Deploy checks: 200 with the mode when tokens can be issued, 503 naming what to set otherwise.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = getRoute(healthReport);
