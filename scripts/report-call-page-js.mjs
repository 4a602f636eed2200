// npm run report:call-js — the call page's JavaScript, per chunk, gzipped: what it loads up front
// (from its HTML), and what it downloads later, on demand: the Agora RTC SDK (Agora mode, as the
// page opens), the Agora Signaling SDK (Agora mode, only after the call has joined) and the token
// decoder (only when a join is refused). Run after a build; starts the production server.
import { readdirSync } from 'node:fs';
import { AGORA_TEST_ENV, startNextServer } from './lib/bench-support.mjs';
import { freePort } from './lib/free-port.mjs';
import { chunkText, gzipBytes, pageChunks } from './lib/page-chunks.mjs';

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const sum = (chunks) => chunks.reduce((total, chunk) => total + gzipBytes(chunk), 0);

const server = await startNextServer(await freePort(), AGORA_TEST_ENV);
const html = await (await fetch(`${server.base}/call/report`)).text();
server.stop();
const upFront = pageChunks(html);

const all = readdirSync('.next/static/chunks')
  .filter((file) => file.endsWith('.js'))
  .map((file) => `static/chunks/${file}`);
const containing = (marker) => all.filter((chunk) => !upFront.includes(chunk) && chunkText(chunk).includes(marker));
const rtc = {
  what: 'Agora RTC SDK (agora-rtc-sdk-ng; Agora mode, fetched as the call page opens)',
  chunks: containing('AgoraRTCError'),
};
const rtm = {
  what: 'Agora Signaling SDK (agora-rtm-sdk; Agora mode, fetched after the call has joined)',
  chunks: containing('RTM:ERROR'),
};
const decoder = {
  what: 'token decoder (fetched only when a join is refused)',
  chunks: containing('DecompressionStream'),
};

const total = sum(upFront);
console.log('Call page, loaded up front (gzipped):');
for (const chunk of [...upFront].sort((a, b) => gzipBytes(b) - gzipBytes(a)))
  console.log(`  ${kb(gzipBytes(chunk)).padStart(9)}  ${chunk}`);
console.log(`  ${kb(total).padStart(9)}  in all, before any SDK\n`);
for (const { what, chunks } of [rtc, rtm, decoder])
  console.log(`Later: ${what}: ${kb(sum(chunks))} in ${chunks.length} chunk(s): ${chunks.join(', ')}`);
console.log(
  `\nAgora mode in a call: ${kb(total + sum(rtc.chunks))} without Signaling, ` +
    `${kb(total + sum(rtc.chunks) + sum(rtm.chunks))} with it; local mode loads neither SDK (${kb(total)}).`,
);
process.exit(0);
