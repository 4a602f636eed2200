// npm run bench:load — load and abuse check of the token API on the production build:
// 1. tens of thousands of token requests from many clients at high concurrency: zero errors,
//    zero 5xx, server memory before and after; 2. a burst from one client is cut to 429 by the rate
//    limiter while another client keeps getting tokens. Exits non-zero if an invariant breaks.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { waitForUrl } from './lib/bench-support.mjs';

const PORT = 3250;
const TOTAL = Number(process.env.LOAD_REQUESTS ?? 30_000);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 100);
const base = `http://127.0.0.1:${PORT}`;
const path = '/api/rtc/load-test/publisher/uid/4242/?expiry=600';

if (!existsSync('.next/BUILD_ID')) throw new Error('Run "npm run build" first.');
// Start the server process itself (not through npx) so its pid is the one whose memory we read,
// with a 256 MiB heap cap: memory kept per request or per client would crash it.
const server = spawn(process.execPath, ['--max-old-space-size=256', 'node_modules/next/dist/bin/next', 'start', '-p', String(PORT)], {
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', AGORA_APP_ID: '', AGORA_APP_CERTIFICATE: '', RATE_LIMIT_TOKENS_PER_MINUTE: '' },
  stdio: 'ignore',
});
process.on('exit', () => server.kill('SIGTERM'));
await waitForUrl(`${base}/api/ping`);

const rssMiB = () => Number(readFileSync(`/proc/${server.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024;
const run = (options) => new Promise((resolve, reject) => autocannon(options, (error, result) => (error ? reject(error) : resolve(result))));
const statuses = (result) => Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => `${code}×${count}`).join(' ');
let failed = false;
const check = (ok, message) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
  if (!ok) failed = true;
};

await fetch(`${base}${path}`); // load the route once
const before = rssMiB();
let client = 0;
const load = await run({
  url: base,
  connections: CONNECTIONS,
  amount: TOTAL,
  // Many clients (self-hosted Next trusts X-Forwarded-For; on Vercel the platform sets it).
  requests: [{ method: 'GET', path, setupRequest: (request) => ({ ...request, headers: { ...request.headers, 'x-forwarded-for': `10.${(++client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}` } }) }],
});
const after = rssMiB();
console.log(`\n1. ${load.requests.total} token requests, ${CONNECTIONS} connections, ${client} distinct clients`);
console.log(`   ${Math.round(load.requests.average)} req/s, p50 ${load.latency.p50} ms, p99 ${load.latency.p99} ms; statuses ${statuses(load)}`);
console.log(`   server memory (RSS): ${before.toFixed(0)} MiB before, ${after.toFixed(0)} MiB after`);
check(load.errors === 0 && load.timeouts === 0, `no connection errors or timeouts (${load.errors} errors, ${load.timeouts} timeouts)`);
check(load.non2xx === 0, `every response was 2xx (${load.non2xx} were not)`);
check(server.exitCode === null, 'the server is still up under its 256 MiB heap cap');

console.log('\n2. one client bursts while another uses the app normally');
const bystander = [];
const burst = run({ url: `${base}${path}`, connections: 50, amount: 2000, headers: { 'x-forwarded-for': '203.0.113.66' } });
for (let i = 0; i < 10; i++) {
  bystander.push((await fetch(`${base}${path}`, { headers: { 'x-forwarded-for': '198.51.100.20' } })).status);
  await sleep(100);
}
const burstResult = await burst;
const limited = burstResult.statusCodeStats?.['429']?.count ?? 0;
const served = burstResult.statusCodeStats?.['200']?.count ?? 0;
console.log(`   burst: ${statuses(burstResult)}; other client: ${bystander.join(' ')}`);
check(served <= 120 && limited >= 1800, `the burst was cut to the default 120 tokens a minute (${served} served, ${limited} refused with 429)`);
check(bystander.every((status) => status === 200), 'the other client was unaffected');
process.exit(failed ? 1 : 0);
