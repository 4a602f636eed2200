// Runs once when the server starts, before any request.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { captureRootContext } = await import('./lib/server/root-context');
    captureRootContext();
  }
}
