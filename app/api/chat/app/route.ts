import { getRoute } from '@/lib/server/http/route';
import { chatAppToken } from '@/lib/server/token-handlers';

// Agora Chat app token.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = getRoute(chatAppToken);
