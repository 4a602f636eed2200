import { postRoute } from '@/lib/server/http/route';
import { localJoin } from '@/lib/server/local/signaling';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = postRoute(localJoin);
