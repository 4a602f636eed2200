import { jsonRoute, preflight } from '@/lib/server/http/route';
import { unknownApiPath } from '@/lib/server/http/unknown-route';

const notFound = jsonRoute(unknownApiPath);

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
export const OPTIONS = preflight;
