import { getRoute } from '@/lib/server/http/route';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = getRoute(() => ({ message: 'pong' }));
