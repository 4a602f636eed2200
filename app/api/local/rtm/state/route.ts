import { postRoute } from '@/lib/server/http/route';
import { rtmSetState } from '@/lib/server/local/rtm-handlers';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = postRoute(rtmSetState);
