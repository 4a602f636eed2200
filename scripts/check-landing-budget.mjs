// Asserts a byte budget for the JavaScript the landing page loads, as it crosses the wire: every
// script chunk its HTML references, fetched from `next start` gzipped, response headers included
// (a header the config adds to every static file is paid once per chunk). Run after `next build`.
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { startNextServer } from './lib/bench-support.mjs';
import { freePort } from './lib/free-port.mjs';
import { chunkText, pageChunks } from './lib/page-chunks.mjs';

// An empty Next 16.4 app's page (create-next-app, nothing added) loads 136,969 bytes of script on
// the wire, measured on this project's machine (136,801 by this script's own count). The landing
// page adds one chunk of its own, ~3.5 KB gzipped: the form, the channel-name rule with its words
// for people (lib/shared/channel-name.ts, not the API's parsers: Turbopack keeps one copy of a
// module per build, carrying everything any page uses of it), the random and suggested names,
// starting a room, and the server-status check. 142,150 bytes (1.038×) while it carried all of
// validation.ts and Next's built-in error page came in a chunk of its own (next.config.mjs's chunking
// now merges it): 140,645, 1.027×. The budget, 1.03×, leaves ~430 bytes: room for a small fix, not
// for a new dependency or for page headers repeated on every chunk. (Every page carries the root not-found
// boundary: next/link there alone costs 3.3 KB, which is why app/not-found.tsx uses a plain link.)
const EMPTY_APP_BYTES = 136_969;
const BUDGET_RATIO = 1.03;
const BUDGET_BYTES = Math.floor(EMPTY_APP_BYTES * BUDGET_RATIO);

if (!existsSync('.next/server/app/index.html')) {
  console.error(
    '.next/server/app/index.html is missing: run "npm run build" first (the landing page must stay static).',
  );
  process.exit(1);
}

/** One response as transferred: status line, headers and the (gzipped) body, in bytes. */
function wireBytes(url) {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
      let body = 0;
      response.on('data', (chunk) => (body += chunk.length));
      response.on('end', () => {
        const { rawHeaders } = response;
        let head = `HTTP/1.1 ${response.statusCode} ${response.statusMessage}\r\n`.length + 2;
        for (let i = 0; i < rawHeaders.length; i += 2) head += `${rawHeaders[i]}: ${rawHeaders[i + 1]}\r\n`.length;
        resolve({ status: response.statusCode, head, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const server = await startNextServer(await freePort(), { AGORA_APP_ID: '', AGORA_APP_CERTIFICATE: '' });
let rows;
try {
  const html = await (await fetch(`${server.base}/`)).text();
  rows = await Promise.all(
    pageChunks(html).map(async (chunk) => ({ chunk, ...(await wireBytes(`${server.base}/_next/${chunk}`)) })),
  );
} finally {
  server.stop();
}
const failed = rows.filter((row) => row.status !== 200);
if (failed.length > 0) {
  console.error(`FAIL: ${failed.map((row) => `${row.chunk} answered ${row.status}`).join(', ')}`);
  process.exit(1);
}
const total = rows.reduce((sum, row) => sum + row.head + row.body, 0);
const headers = rows.reduce((sum, row) => sum + row.head, 0);
const withSdk = rows.filter((row) => chunkText(row.chunk).includes('AgoraRTCError')).map((row) => row.chunk);

for (const row of rows.sort((a, b) => b.body - a.body))
  console.log(`${String(row.body).padStart(8)} + ${String(row.head).padStart(4)}  ${row.chunk}`);
console.log(
  `landing page JavaScript on the wire: ${total} bytes in ${rows.length} chunks (${headers} of them headers), ` +
    `${(total / EMPTY_APP_BYTES).toFixed(3)}× an empty Next app (budget ${BUDGET_BYTES}, ${BUDGET_RATIO}×)\n`,
);
if (withSdk.length > 0) {
  console.error(`FAIL: the landing page loads the Agora SDK (${withSdk.join(', ')})`);
  process.exit(1);
}
if (total > BUDGET_BYTES) {
  console.error(`FAIL: ${total - BUDGET_BYTES} bytes over the landing page budget`);
  process.exit(1);
}
console.log('landing page budget: ok');
process.exit(0);
