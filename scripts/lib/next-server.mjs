// Starts the production build with `next start` for benchmarks and tests that need servers of
// their own (with their own settings), and stops it when asked or when this process exits.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { assertPortFree } from './free-port.mjs';

/** Waits until `url` answers 2xx (a server coming up), up to 60 s. */
export async function waitForUrl(url, isAlive = () => true) {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (
      await fetch(url)
        .then((response) => response.ok)
        .catch(() => false)
    )
      return;
    if (!isAlive()) break;
    await sleep(100);
  }
  throw new Error(`${url} did not come up`);
}

/**
 * `next start` (or `next dev` with `command: 'dev'`) on the port with extra env, run by this Node
 * itself (so `pid` is the server's, and `nodeArgs` such as a heap cap apply to it). Resolves once
 * /api/ping answers; `log()` is everything it printed so far. It runs in its own process group, so
 * stop() also ends the workers `next dev` starts.
 */
export async function startNextServer(port, extraEnv = {}, { nodeArgs = [], cwd = '.', command = 'start' } = {}) {
  if (command === 'start' && !existsSync(`${cwd}/.next/BUILD_ID`))
    throw new Error(`Run "npm run build" first (in ${cwd}).`);
  await assertPortFree(port);
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...extraEnv };
  const server = spawn(
    process.execPath,
    [...nodeArgs, 'node_modules/next/dist/bin/next', command, '-p', String(port)],
    {
      env,
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let log = '';
  server.stdout.on('data', (chunk) => (log += chunk));
  server.stderr.on('data', (chunk) => (log += chunk));
  const alive = () => server.exitCode === null && server.signalCode === null;
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForUrl(`${base}/api/ping`, alive);
  } catch (error) {
    stop();
    throw new Error(`${error.message}; the server printed:\n${log}`);
  }
  return { base, pid: server.pid, alive, log: () => log, stop };
}
