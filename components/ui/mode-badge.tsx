import type { Mode } from '@/lib/shared/call-contract';

const HINT = 'Calls stay on this server.';
/** For whoever runs the server, in the tooltip only. */
const OPERATOR_HINT = `${HINT} Set AGORA_APP_ID and AGORA_APP_CERTIFICATE to use Agora.`;

export function ModeBadge({ mode, withHint = false }: { mode: Mode; withHint?: boolean }) {
  if (mode !== 'local') return null;
  return (
    <span className="flex flex-wrap items-center gap-2">
      <span
        className="rounded-full bg-violet-500/20 px-2 py-0.5 text-xs font-medium text-violet-200"
        title={OPERATOR_HINT}
      >
        Local mode
      </span>
      {withHint && <span className="text-xs text-slate-400">{HINT}</span>}
    </span>
  );
}
