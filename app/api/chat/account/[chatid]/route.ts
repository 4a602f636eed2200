import { getRoute } from '@/lib/server/http/route';
import { chatUserToken } from '@/lib/server/token-handlers';

// Agora Chat user token.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = getRoute(chatUserToken);
