'use client';
import { useEffect, useState } from 'react';
import { readApiAnswer } from '@/lib/client/api-answer';

/**
 * Tells the operator of a deployment that cannot issue tokens what to set. Asked at run time
 * (the page itself is static) so it follows the deployment's current configuration.
 */
export function DeploymentNotice() {
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    fetch('/api/health', { cache: 'no-store' })
      .then(readApiAnswer)
      .then((answer) => {
        if (answer.status === 503) setProblem(answer.error);
      })
      .catch(() => undefined);
  }, []);
  if (!problem) return null;
  return (
    <div role="alert" data-testid="deployment-notice" className="rounded-lg border border-rose-500/40 bg-rose-500/10 p-4 text-rose-100">
      <p className="font-semibold">This deployment cannot start calls yet.</p>
      <p className="mt-1 text-sm text-rose-200/90">{problem}</p>
    </div>
  );
}
