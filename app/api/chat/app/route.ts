import { getRoute } from '@/lib/api-route';
import { chatAppToken } from '@/lib/token-handlers';

export const runtime = 'nodejs';

// Agora Chat app token.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = getRoute(chatAppToken);
