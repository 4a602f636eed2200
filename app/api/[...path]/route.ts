import { jsonRoute, preflight } from '@/lib/api-route';
import { unknownApiPath } from '@/lib/api-routes-help';

export const runtime = 'nodejs';

const notFound = jsonRoute(unknownApiPath);

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
export const OPTIONS = preflight;
