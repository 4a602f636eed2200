// npm run check:secrets — builds and runs the app with a freshly generated App Certificate, then
// checks that the value appears in no file a browser can download, in no response (bodies and
// headers, success and error paths) and in no server log line. Exits non-zero on any sighting.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { waitForUrl } from './lib/bench-support.mjs';
import { assertPortFree, portFromEnv } from './lib/free-port.mjs';

const DIST = '.next-secret-check';
const PORT = await portFromEnv('SECRET_CHECK_PORT');
const base = `http://127.0.0.1:${PORT}`;
const certificate = randomBytes(16).toString('hex');
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  NEXT_DIST_DIR: DIST,
  AGORA_APP_ID: randomBytes(16).toString('hex'),
  AGORA_APP_CERTIFICATE: certificate,
  TOKEN_API_KEYS: 'leak-check-key',
};
const needles = [certificate, certificate.toUpperCase(), Buffer.from(certificate).toString('base64')];
const sightings = [];
const look = (where, text) => {
  for (const needle of needles) if (text.includes(needle)) sightings.push(where);
};

console.log('Building with a generated certificate…');
rmSync(DIST, { recursive: true, force: true });
const build = spawnSync('npx', ['next', 'build'], { env, encoding: 'utf8' });
if (build.status !== 0) {
  console.error(build.stdout, build.stderr);
  process.exit(1);
}
look('build output', build.stdout + build.stderr);

// Everything under static/ is downloadable; prerendered pages and their payloads are served too.
const walk = (dir) =>
  (!existsSync(dir) ? [] : readdirSync(dir)).flatMap((name) =>
    statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)],
  );
const served = [
  ...walk(join(DIST, 'static')),
  ...walk(join(DIST, 'server', 'app')).filter((file) => /\.(html|rsc|body|meta)$/.test(file)),
  ...walk('public'),
];
for (const file of served) look(file, readFileSync(file, 'latin1'));
console.log(`scanned ${served.length} files a browser can download`);

let logs = '';
await assertPortFree(PORT);
const server = spawn('npx', ['next', 'start', '-p', String(PORT)], { env, detached: true });
server.stdout.on('data', (chunk) => (logs += chunk));
server.stderr.on('data', (chunk) => (logs += chunk));
await waitForUrl(`${base}/api/ping`);

const auth = { authorization: 'Bearer leak-check-key' };
const requests = [
  ['GET', '/'],
  ['GET', '/call/leak-check'],
  ['GET', '/call/caf%C3%A9'],
  ['GET', '/api/ping'],
  ['GET', '/api/health'],
  ['GET', '/api/rtc/leak/publisher/uid/1/?expiry=600', auth],
  ['GET', '/api/rtc/leak/publisher/uid/1/'],
  ['GET', '/api/rtc/leak/publisher/uid/1/', { authorization: 'Bearer wrong' }],
  ['GET', '/api/rtc/leak/admin/uid/1/', auth],
  ['GET', '/api/rtc/a%zz/publisher/uid/1/', auth],
  ['GET', '/api/rte/leak/publisher/uid/1/rtm-1/', auth],
  ['GET', '/api/rtm/leak/', auth],
  ['GET', '/api/chat/app/', auth],
  ['GET', '/api/chat/account/leak/', auth],
  ['POST', '/api/token', auth, '{"tokenType":"rtc","channel":"leak","role":"publisher","uid":1}'],
  ['POST', '/api/token', auth, '{not json'],
  ['GET', '/api/token', auth],
  ['OPTIONS', '/api/token', { origin: 'https://elsewhere.example' }],
  ['POST', '/api/local/join', {}, '{}'],
  ['GET', '/api/local/events?session=x'],
  ['GET', '/api/nothing/here'],
  ['GET', '/inspect'],
  ['POST', '/api/inspect', auth, '{"token":"007eJxTYGBkAgAAiAAk"}'],
  ['POST', '/api/inspect', {}, '{"token":"x"}'],
];
for (const [method, path, headers = {}, body] of requests) {
  const response = await fetch(`${base}${path}`, { method, headers, body, redirect: 'manual' });
  look(`${method} ${path} (headers)`, JSON.stringify([...response.headers]));
  look(`${method} ${path} (body)`, await response.text());
}
console.log(`checked ${requests.length} responses`);
process.kill(-server.pid, 'SIGTERM');
await sleep(500);
look('server log', logs);
rmSync(DIST, { recursive: true, force: true });

if (sightings.length > 0) {
  console.error(`FAIL: the App Certificate appeared in: ${[...new Set(sightings)].join(', ')}`);
  process.exit(1);
}
console.log('ok: the App Certificate appears in no downloadable file, no response and no log line');
process.exit(0);
