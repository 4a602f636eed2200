// npm run bench:api — the token route of the production build against the app's own empty
// /api/ping (Next's floor for a route that does nothing), the same token route refused at its last
// check (everything but minting), and a plain node:http server minting the same token beside an
// empty route of its own, loaded alternately by autocannon from this (separate) process over
// loopback: req/s, p50/p99, the ratios, in one run. Then what a cold start costs (process start →
// first token answered) and the token route's server bundle. Figures, not assertions.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { median, startNextServer, waitForUrl } from './lib/bench-support.mjs';
import { freePort } from './lib/free-port.mjs';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const [NEXT_PORT, PLAIN_PORT, ENTRY_PORT] = [await freePort(), await freePort(), await freePort()];
const path = '/api/rtc/bench-channel/publisher/uid/12345/?expiry=3600';
// The server's maximum is the benchmark's expiry, so one second more is refused by the last check
// before minting: rate limit, settings, path, validation and policy all run, agora-token does not.
const refusedPath = path.replace('expiry=3600', 'expiry=3601');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env, ...options });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited ${code}`))));
  });
}

// Requests come from 10,000 rotating client addresses, as from many people: the app's per-client
// rate limit stays in the path (and is paid for) without cutting the benchmark off.
let client = 0;
const asManyClients = (request) => ({
  ...request,
  headers: {
    ...request.headers,
    'x-forwarded-for': `10.9.${Math.floor((client = (client + 1) % 10_000) / 256)}.${client % 256}`,
  },
});

/**
 * One autocannon run. Besides autocannon's own figures it keeps every answer's latency apart by
 * whether it was its connection's first: a fresh connection waits for the server to accept it, and
 * Node (libuv ≥ 1.45) accepts one connection per event-loop turn, so at a busy server the first
 * answers of a 50-connection burst come in over seconds. That wait is the tail's cause, reported
 * on its own; the steady p99 is every later answer's.
 */
function load(url, duration, expectedStatus = 200) {
  const { origin, pathname, search } = new URL(url);
  const steady = [];
  const first = [];
  const seen = new WeakSet();
  let unexpected = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: origin,
        connections,
        duration,
        pipelining: 1,
        requests: [{ method: 'GET', path: pathname + search, setupRequest: asManyClients }],
      },
      (error, result) =>
        error ? reject(error) : resolve({ ...result, steady: steady.sort((a, b) => a - b), first, unexpected }),
    );
    instance.on('response', (client, status, bytes, latency) => {
      if (status !== expectedStatus) unexpected++;
      if (seen.has(client)) {
        steady.push(latency);
      } else {
        seen.add(client);
        first.push(latency);
      }
    });
  });
}

const percentile = (sorted, p) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN);

if (!existsSync('.next/BUILD_ID') || process.env.BENCH_BUILD === '1') {
  console.log('Building the production app first…');
  await run('npx', ['next', 'build']);
}

const next = await startNextServer(NEXT_PORT, { NODE_ENV: 'production', TOKEN_MAX_EXPIRY_SECONDS: '3600' });
const plain = spawn(process.execPath, ['scripts/plain-token-server.mjs', String(PLAIN_PORT)], { env, stdio: 'ignore' });
const entries = spawn(process.execPath, ['scripts/route-entry-server.mjs', String(ENTRY_PORT)], {
  env,
  stdio: 'ignore',
});
process.on('exit', () => [plain, entries].forEach((child) => child.kill('SIGTERM')));
process.on('SIGINT', () => process.exit(130));

// /api/ping shows the framework's own floor: a route that does no work at all. The "entry" rows
// call the same built routes the way a deployment platform does, without `next start`'s router.
const targets = [
  { name: 'next /api/rtc', url: `http://127.0.0.1:${NEXT_PORT}${path}` },
  { name: 'next rtc no mint', url: `http://127.0.0.1:${NEXT_PORT}${refusedPath}`, status: 403 },
  { name: 'next /api/ping', url: `http://127.0.0.1:${NEXT_PORT}/api/ping` },
  { name: 'plain token', url: `http://127.0.0.1:${PLAIN_PORT}${path}` },
  { name: 'plain /api/ping', url: `http://127.0.0.1:${PLAIN_PORT}/api/ping` },
  { name: 'entry /api/rtc', url: `http://127.0.0.1:${ENTRY_PORT}${path}` },
  { name: 'entry /api/ping', url: `http://127.0.0.1:${ENTRY_PORT}/api/ping` },
].map((target) => ({ status: 200, ...target, results: [] }));
await Promise.all(targets.slice(3).map((target) => waitForUrl(target.url)));

console.log(`Warming up every server (3 s each, ${connections} connections)…`);
for (const target of targets) await load(target.url, 3, target.status);

for (let round = 1; round <= rounds; round++) {
  for (const target of targets) {
    const result = await load(target.url, seconds, target.status);
    target.results.push(result);
    const rate = result.requests.average.toFixed(0).padStart(6);
    const { p50, p99 } = result.latency;
    const firstMax = Math.round(Math.max(...result.first));
    console.log(
      `round ${round} ${target.name.padEnd(16)} ${rate} req/s  p50 ${p50} ms  p99 ${p99} ms ` +
        `(steady ${percentile(result.steady, 0.99)}, first answers up to ${firstMax})  ` +
        `errors ${result.errors}  unexpected status ${result.unexpected}`,
    );
  }
}

const summary = Object.fromEntries(
  targets.map((target) => [
    target.name,
    {
      rps: median(target.results.map((r) => r.requests.average)),
      p50: median(target.results.map((r) => r.latency.p50)),
      p99: median(target.results.map((r) => r.latency.p99)),
      steadyP99: median(target.results.map((r) => percentile(r.steady, 0.99))),
      firstMax: median(target.results.map((r) => Math.round(Math.max(...r.first)))),
      errors: target.results.reduce((sum, r) => sum + r.errors + r.unexpected, 0),
    },
  ]),
);

console.log(`\nMedian of ${rounds} alternating rounds, ${seconds} s each, ${connections} connections, GET ${path}`);
console.log('server             req/s   p50 ms   p99 ms   steady p99   slowest first answer   errors');
for (const [name, row] of Object.entries(summary)) {
  console.log(
    `${name.padEnd(16)} ${row.rps.toFixed(0).padStart(7)}   ` +
      `${String(row.p50).padStart(6)}   ${String(row.p99).padStart(6)}   ${String(row.steadyP99).padStart(10)}   ` +
      `${String(row.firstMax).padStart(20)}   ${row.errors}`,
  );
}
const rpsRatio = (a, b) => (summary[a].rps / summary[b].rps).toFixed(3);
const ratio = (a, b) =>
  `${rpsRatio(a, b)}× requests/s (p99 ${summary[a].p99} vs ${summary[b].p99} ms; ` +
  `steady ${summary[a].steadyP99} vs ${summary[b].steadyP99} ms)`;
console.log(`ratio next /api/rtc ÷ next /api/ping: ${ratio('next /api/rtc', 'next /api/ping')}`);
console.log(
  `ratio next rtc no mint ÷ next /api/ping: ${ratio('next rtc no mint', 'next /api/ping')} ` +
    '(what the app adds besides minting)',
);
console.log(
  `ratio plain token ÷ plain /api/ping: ${ratio('plain token', 'plain /api/ping')} ` +
    '(what minting costs with no framework)',
);
console.log(
  `ratio entry /api/rtc ÷ entry /api/ping: ${ratio('entry /api/rtc', 'entry /api/ping')} (no next start router)`,
);
console.log(
  `ratio next /api/rtc ÷ plain token: ${rpsRatio('next /api/rtc', 'plain token')}×; ` +
    `next /api/ping ÷ plain /api/ping: ${rpsRatio('next /api/ping', 'plain /api/ping')}× (the framework floor)`,
);
console.log(
  '(first answers: a fresh connection waits to be accepted, one per event-loop turn at a busy server; ' +
    'see docs/performance.md)',
);
next.stop();

// Cold start: a fresh `next start` process until it has answered its first token.
const starts = [];
for (let attempt = 0; attempt < 3; attempt++) {
  const started = performance.now();
  const cold = await startNextServer(await freePort(), { NODE_ENV: 'production' });
  const response = await fetch(`${cold.base}${path}`);
  if (response.status === 200) starts.push(Math.round(performance.now() - started));
  cold.stop();
}
console.log(`\ncold start, process start → first token answered: median ${median(starts)} ms (${starts.join(', ')})`);

// The token route's server bundle: its entry and the chunks it loads, and what it needs from node_modules.
const routeDir = '.next/server/app/api/rtc/[...segments]';
const entrySource = readFileSync(join(routeDir, 'route.js'), 'utf8');
const chunks = [...entrySource.matchAll(/R\.c\("([^"]+)"\)/g)].map((match) => join('.next', match[1]));
const appBytes = [join(routeDir, 'route.js'), ...chunks].reduce((sum, file) => sum + statSync(file).size, 0);
const traced = JSON.parse(readFileSync(join(routeDir, 'route.js.nft.json'), 'utf8')).files.map((file) =>
  join(routeDir, file),
);
const modules = traced.filter(
  (file) => file.includes('node_modules/') && !file.includes('node_modules/next/') && existsSync(file),
);
const moduleBytes = modules.reduce((sum, file) => sum + statSync(file).size, 0);
const packages = [
  ...new Set(
    modules.map((file) =>
      file
        .split('node_modules/')[1]
        .split('/')
        .slice(0, file.includes('node_modules/@') ? 2 : 1)
        .join('/'),
    ),
  ),
];
console.log(
  `token route server bundle: ${(appBytes / 1024).toFixed(0)} KB in ${chunks.length + 1} files (route + app chunks), ` +
    `plus ${(moduleBytes / 1024).toFixed(0)} KB traced from node_modules outside Next (${packages.join(', ')})`,
);
process.exit(0);
