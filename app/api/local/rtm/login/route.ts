import { postRoute } from '@/lib/server/http/route';
import { rtmLogin } from '@/lib/server/local/rtm-handlers';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = postRoute(rtmLogin);
