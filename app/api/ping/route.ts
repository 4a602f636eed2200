import { getRoute } from '@/lib/api-route';

export const runtime = 'nodejs';

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = getRoute(() => ({ message: 'pong' }));
