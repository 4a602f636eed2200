import { postRoute } from '@/lib/server/http/route';
import { verifyTokenSignature } from '@/lib/server/inspect-handler';

// POST {"token"}: whether this server's App Certificate signed the token (the inspector's button).
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = postRoute(verifyTokenSignature);
