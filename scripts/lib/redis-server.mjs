// A throwaway redis-server on a free loopback port, for the tests and the load bench: no disk
// persistence, stopped by whoever started it (and when this process exits).
import { spawn, spawnSync } from 'node:child_process';
import { freePort } from './free-port.mjs';

/** Why a real Redis cannot be started here, or null when `redis-server` is installed. */
export function redisServerMissing() {
  const found = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  return found.error || found.status !== 0
    ? 'redis-server is not installed (apt-get install -y redis-server; .ci/run installs it)'
    : null;
}

function launch(port, password) {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  if (password) args.push('--requirepass', password);
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`redis-server did not start within 10 s:\n${output}`)), 10_000);
    const fail = (error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`redis-server exited with ${code}:\n${output}`)));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (!output.includes('Ready to accept connections')) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stdout.removeAllListeners('data');
      child.stdout.resume();
      child.stderr.resume();
      resolve(child);
    });
  });
}

/**
 * Starts redis-server on 127.0.0.1 (a free port unless given), optionally with a password.
 * `stop()` kills it (as a crash would: SIGKILL); `start()` brings it back, empty, on the same port.
 */
export async function startRedisServer({ port, password } = {}) {
  const chosenPort = port ?? (await freePort());
  let child = await launch(chosenPort, password);
  const kill = () => child?.kill('SIGKILL');
  const running = () => child.exitCode === null && child.signalCode === null;
  process.on('exit', kill);
  const auth = password ? `:${encodeURIComponent(password)}@` : '';
  return {
    port: chosenPort,
    url: `redis://${auth}127.0.0.1:${chosenPort}`,
    async stop() {
      if (!running()) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      kill();
      await exited;
    },
    async start() {
      if (running()) return;
      child = await launch(chosenPort, password);
    },
  };
}
