import 'server-only';
// GET /api/local/events — a tab's server-sent event stream, shared by all its local-mode sessions.
// Every event carries the connection id as its SSE id, so a browser that reconnects sends it back
// (Last-Event-ID) and resumes the same connection, queued events first.
import { RECONNECT_MS } from './connections';
import { localSignaling } from './registry';
import { localCredentials } from './request';

const HEARTBEAT_MS = 10_000;

export async function localEvents(request: Request): Promise<Response> {
  await localCredentials(request);
  const { connections } = localSignaling();
  const resumeId = request.headers.get('last-event-id');
  const encoder = new TextEncoder();
  let detach = () => {};
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const write = (chunk: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          open = false; // the browser went away between two events
        }
      };
      const close = () => {
        clearInterval(heartbeat);
        detach();
        if (!open) return;
        open = false;
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      // The first event also tells the browser to reopen a dropped stream quickly (SSE `retry`).
      const retry = `retry: ${RECONNECT_MS}\n`;
      detach = connections.attach(resumeId, (event, id) =>
        write(`${event.type === 'connected' ? retry : ''}id: ${id}\ndata: ${JSON.stringify(event)}\n\n`),
      );
      heartbeat = setInterval(() => write(': ping\n\n'), HEARTBEAT_MS);
      request.signal.addEventListener('abort', close);
    },
    cancel() {
      clearInterval(heartbeat);
      detach();
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
}
