// For `npm run bench:api`: serves the build's own route entrypoints the way a deployment platform
// does (Next's adapter docs, "Invoking Entrypoints": `handler(req, res, ctx)`), with the platform's
// routing reduced to a path prefix. It shows what is left of Next's per-request cost once
// `next start`'s router is out of the path. A measurement aid only: it applies none of
// next.config's header rules, so it is not a way to serve the app.
import http from 'node:http';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const entry = (route) => require(resolve('.next/server/app/api', route, 'route.js'));
const routes = [
  ['/api/rtc/', entry('rtc/[...segments]')],
  ['/api/ping', entry('ping')],
];
// The caller's port (argument or PORT), else one the OS picks; the line printed names it.
const port = Number(process.argv[2] ?? process.env.PORT ?? 0);
const ctx = { requestMeta: { relativeProjectDir: '.' }, waitUntil: (promise) => promise.catch(() => {}) };

http
  .createServer((request, response) => {
    const route = routes.find(([prefix]) => request.url.startsWith(prefix));
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    route[1].handler(request, response, ctx).catch((error) => {
      console.error(error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  })
  .listen(port, '127.0.0.1', function listening() {
    console.log(`route entrypoints on ${this.address().port}`);
  });
