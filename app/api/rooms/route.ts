import { postRoute } from '@/lib/server/http/route';
import { startRoom } from '@/lib/server/rooms/room-handlers';

// Start a room: the first to start it becomes its host and gets the host key.
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = postRoute(startRoom);
