import { postRoute } from '@/lib/server/http/route';
import { localRole } from '@/lib/server/local/rtc-handlers';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = postRoute(localRole);
