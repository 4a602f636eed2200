// Ports for the servers the tests, checks and benches start: one the caller chose through the
// environment, or one the OS picks that nothing listens on right now. Never a fixed number, which
// collides with whatever else runs on the machine.
import { createServer } from 'node:net';

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** The port named by environment variable `name` when it is set, else a free one. */
export async function portFromEnv(name) {
  const chosen = process.env[name];
  if (chosen === undefined || chosen === '') return freePort();
  const port = Number(chosen);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name}=${chosen} is not a port number`);
  return port;
}

/** Rejects when something already listens on `port`, so a check never tests another server by mistake. */
export function assertPortFree(port) {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`port ${port} is already in use: stop what runs there or choose another port`)
          : error,
      ),
    );
    probe.listen(port, () => probe.close(() => resolve()));
  });
}
