import { getPostRoute } from '@/lib/server/http/route';
import { changeRoom, readRoom } from '@/lib/server/rooms/room-handlers';

// A room as the caller sees it (GET), and the hosts' and people's actions on it (POST).
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = getPostRoute(readRoom, changeRoom);
