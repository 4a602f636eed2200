import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

// An extra `next start` of the existing build, for specs that need several instances of the app
// with their own settings (the config's two servers are shared by every spec). Its output is kept
// so a spec can check what the server logged.

export type NextInstance = { base: string; output: () => string; stop: () => void };

export async function startNextInstance(port: number, env: Record<string, string>): Promise<NextInstance> {
  if (!existsSync('.next/BUILD_ID')) throw new Error('no production build: run "npm run build" first');
  const server = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port)], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', AGORA_APP_ID: '', AGORA_APP_CERTIFICATE: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (chunk) => (output += chunk));
  server.stderr.on('data', (chunk) => (output += chunk));
  const stop = () => void server.kill('SIGTERM');
  process.on('exit', stop);
  const base = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 200) {
    if (await fetch(`${base}/api/ping`).then((response) => response.ok, () => false)) break;
    if (server.exitCode !== null || waited > 60_000) {
      stop();
      throw new Error(`next start on port ${port} did not come up:\n${output}`);
    }
    await sleep(200);
  }
  return { base, output: () => output, stop };
}
