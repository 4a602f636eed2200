'use client';
import { useSearchParams } from 'next/navigation';

/** Shown after the proxy sent someone back from a call link with broken percent-encoding. */
export function BrokenLinkNotice() {
  const params = useSearchParams();
  if (params.get('link') !== 'broken') return null;
  return (
    <p role="alert" className="rounded-lg border border-amber-500/40 bg-amber-500/10 p-3 text-amber-200">
      That call link was damaged in transit. Type the channel name again below.
    </p>
  );
}
