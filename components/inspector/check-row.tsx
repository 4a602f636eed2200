import type { CheckStatus, JoinCheck } from '@/lib/shared/token/rules';

const LOOK: Record<CheckStatus, { mark: string; words: string; tone: string }> = {
  pass: { mark: '✓', words: 'passes', tone: 'text-emerald-300' },
  fail: { mark: '✗', words: 'fails', tone: 'text-rose-300' },
  warn: { mark: '!', words: 'warning', tone: 'text-amber-300' },
  unchecked: { mark: '–', words: 'not checked', tone: 'text-slate-400' },
};

/** One line of the join checklist: the verdict, what matched or did not, the SDK's words, the fix. */
export function CheckRow({ check }: { check: JoinCheck }) {
  const look = LOOK[check.status];
  return (
    <li className="flex gap-3">
      <span aria-hidden="true" className={`w-4 shrink-0 text-center font-bold ${look.tone}`}>
        {look.mark}
      </span>
      <div className="min-w-0 break-words">
        <p>
          <span className="font-medium">{check.label}</span>
          <span className="sr-only"> {look.words}</span>
          <span className={check.status === 'fail' ? 'text-rose-200' : 'text-slate-300'}>: {check.detail}</span>
        </p>
        {check.sdkError && (
          <p className="text-sm text-slate-400">
            The SDK reports <code className="text-rose-200">{check.sdkError.message}</code> ({check.sdkError.code})
          </p>
        )}
        {check.fix && <p className="text-sm text-slate-300">Fix: {check.fix}</p>}
      </div>
    </li>
  );
}
