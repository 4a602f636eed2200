// The Go token service's spelling of POST /api/token, so its clients only change the base URL.
export { GET, POST, PUT, PATCH, DELETE, OPTIONS } from '../token/route';
