// npm run report:call-js — the call page's JavaScript, per chunk, gzipped: what it loads up front
// (from its HTML), and what it downloads later, on demand: the Agora RTC SDK (Agora mode, as the
// page opens), the Agora Signaling SDK (Agora mode, only after the call has joined) and the token
// decoder (only when a join is refused). Run after a build; starts the production server.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { startNextServer } from './lib/bench-support.mjs';

const gz = (chunk) => gzipSync(readFileSync(`.next/${chunk}`)).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const server = await startNextServer(3250, { AGORA_APP_ID: '970ca35de60c44645bbae8a215061b33', AGORA_APP_CERTIFICATE: '5cfd2fd1755d40ecb72977518be15d3b' });
const html = await (await fetch(`${server.base}/call/report`)).text();
server.stop();
const legacy = new Set([...html.matchAll(/<script src="\/_next\/(static\/[^"]+\.js)" noModule/g)].map((match) => match[1]));
const upFront = [...new Set([...html.matchAll(/\/_next\/(static\/chunks\/[^"'\s]+\.js)/g)].map((match) => match[1]))].filter((chunk) => !legacy.has(chunk));

const all = readdirSync('.next/static/chunks').filter((file) => file.endsWith('.js')).map((file) => `static/chunks/${file}`);
const containing = (marker) => all.filter((chunk) => !upFront.includes(chunk) && readFileSync(`.next/${chunk}`, 'utf8').includes(marker));
const later = {
  'Agora RTC SDK (agora-rtc-sdk-ng; Agora mode, fetched as the call page opens)': containing('AgoraRTCError'),
  'Agora Signaling SDK (agora-rtm-sdk; Agora mode, fetched after the call has joined)': containing('RTM:ERROR'),
  'token decoder (fetched only when a join is refused)': containing('DecompressionStream'),
};

let total = 0;
console.log('Call page, loaded up front (gzipped):');
for (const chunk of upFront.sort((a, b) => gz(b) - gz(a))) {
  total += gz(chunk);
  console.log(`  ${kb(gz(chunk)).padStart(9)}  ${chunk}`);
}
console.log(`  ${kb(total).padStart(9)}  in all, before any SDK\n`);
for (const [what, chunks] of Object.entries(later)) {
  const bytes = chunks.reduce((sum, chunk) => sum + gz(chunk), 0);
  console.log(`Later: ${what}: ${kb(bytes)} in ${chunks.length} chunk(s): ${chunks.join(', ')}`);
}
const rtc = later[Object.keys(later)[0]].reduce((sum, chunk) => sum + gz(chunk), 0);
const rtm = later[Object.keys(later)[1]].reduce((sum, chunk) => sum + gz(chunk), 0);
console.log(`\nAgora mode in a call: ${kb(total + rtc)} without Signaling, ${kb(total + rtc + rtm)} with it; local mode loads neither SDK (${kb(total)}).`);
process.exit(0);
