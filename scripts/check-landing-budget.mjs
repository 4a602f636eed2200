// Asserts a byte budget for the JavaScript the landing page loads: every script chunk its
// prerendered HTML references, gzipped. Run after `next build` (npm test does).
import { readFileSync, existsSync } from 'node:fs';
import { chunkText, gzipBytes, pageChunks } from './lib/page-chunks.mjs';

// Measured 137,819 bytes: 2.8 KB is the landing form, the shared validation and the deployment notice;
// the rest is Next 16 + React 19 themselves. The budget leaves about 4 KB of headroom: enough for a
// small fix, not for a new dependency. (Every page carries the root not-found boundary: next/link
// there alone costs 3.3 KB, which is why app/not-found.tsx uses a plain link.)
const BUDGET_BYTES = 139 * 1024;

const html = '.next/server/app/index.html';
if (!existsSync(html)) {
  console.error(`${html} is missing: run "npm run build" first (the landing page must stay static).`);
  process.exit(1);
}
const page = readFileSync(html, 'utf8');
const chunks = pageChunks(page);
const rows = chunks.map((chunk) => ({ chunk, gz: gzipBytes(chunk) }));
const total = rows.reduce((sum, row) => sum + row.gz, 0);
const withSdk = chunks.filter((chunk) => chunkText(chunk).includes('AgoraRTCError'));

for (const row of rows.sort((a, b) => b.gz - a.gz)) console.log(`${String(row.gz).padStart(8)}  ${row.chunk}`);
console.log(`landing page JavaScript: ${total} bytes gzipped in ${chunks.length} chunks (budget ${BUDGET_BYTES})\n`);
if (withSdk.length > 0) {
  console.error(`FAIL: the landing page loads the Agora SDK (${withSdk.join(', ')})`);
  process.exit(1);
}
if (total > BUDGET_BYTES) {
  console.error(`FAIL: ${total - BUDGET_BYTES} bytes over the landing page budget`);
  process.exit(1);
}
console.log('landing page budget: ok');
