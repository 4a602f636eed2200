'use client';
import { useEffect, useState } from 'react';
import type { Mode } from '@/lib/shared/call-contract';
import { ModeBadge } from '../ui/mode-badge';

type Status = { mode: Mode | null; problem: string | null };

/**
 * The "Local mode" badge every page shows, and for the operator of a deployment that cannot issue
 * tokens, what to set. Asked at run time (the page itself is static) so it follows the
 * deployment's current configuration.
 */
export function ServerStatus() {
  const [status, setStatus] = useState<Status>({ mode: null, problem: null });
  useEffect(() => {
    // Read directly, not through readApiAnswer: nothing here decides by error code, and the code
    // table it brings would be the start page's largest module (1.4 KB).
    fetch('/api/health', { cache: 'no-store' })
      .then(async (response) => {
        const body: { mode?: unknown; error?: unknown } = await response.json().catch(() => ({}));
        setStatus({
          mode: body.mode === 'local' ? 'local' : null,
          problem:
            response.status === 503 ? (typeof body.error === 'string' ? body.error : `HTTP ${response.status}`) : null,
        });
      })
      .catch(() => undefined);
  }, []);
  return (
    <>
      {/* Room kept for the badge, so the heading does not move when it appears. */}
      <div className="min-h-5">{status.mode && <ModeBadge mode={status.mode} withHint />}</div>
      {status.problem && (
        <div role="alert" className="rounded-lg border border-rose-500/40 bg-rose-500/10 p-4 text-rose-100">
          <p className="font-semibold">This deployment cannot start calls yet.</p>
          <p className="mt-1 text-sm text-rose-200/90">{status.problem}</p>
        </div>
      )}
    </>
  );
}
