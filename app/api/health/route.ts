import { getRoute } from '@/lib/api-route';
import { healthReport } from '@/lib/health';

export const runtime = 'nodejs';

// Deploy checks: 200 with the mode when tokens can be issued, 503 naming what to set otherwise.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = getRoute(healthReport);
