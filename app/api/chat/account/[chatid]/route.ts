import { getRoute } from '@/lib/api-route';
import { chatUserToken } from '@/lib/token-handlers';

export const runtime = 'nodejs';

// Agora Chat user token.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = getRoute(chatUserToken);
