import { postRoute } from '@/lib/server/http/route';
import { rtmRenew } from '@/lib/server/local/rtm-handlers';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = postRoute(rtmRenew);
