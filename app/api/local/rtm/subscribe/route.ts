import { postRoute } from '@/lib/server/http/route';
import { rtmSubscribe } from '@/lib/server/local/rtm-handlers';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = postRoute(rtmSubscribe);
