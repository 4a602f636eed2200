import type { Mode } from '@/lib/config';

export function ModeBadge({ mode }: { mode: Mode }) {
  if (mode !== 'local') return null;
  return (
    <span
      className="rounded-full bg-violet-500/20 px-2 py-0.5 text-xs font-medium text-violet-200"
      title="No Agora credentials are configured. Set AGORA_APP_ID and AGORA_APP_CERTIFICATE to use Agora."
      data-testid="local-mode-badge"
    >
      Local mode
    </span>
  );
}
