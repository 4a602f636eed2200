'use client';
import type { ReactNode } from 'react';
import type { CallProblem, CallProblemId } from '@/lib/client/call-problems';
import { useDecodedToken } from '@/lib/client/use-decoded-token';
import { useNowSeconds } from '@/lib/client/use-now';
import type { TokenGrant } from '@/lib/client/engine/rtc';
import type { DecodedToken } from '@/lib/shared/token/decode';
import { joinClaims } from '@/lib/shared/token/claims';
import { joinChecks, type JoinCheck } from '@/lib/shared/token/rules';
import { CheckRow } from './check-row';
import { inspectorLink } from './inspector-link';

// Inside the call page's problem panel: Agora says only *that* it refused the token; this reads the
// token the join used (in the browser, with the inspector's decoder) and says *what* did not match.

/** Agora's refusals of the join itself; publishing comes after joining and cannot cause them. */
const JOIN_REFUSALS = new Set<CallProblemId>(['invalid-token', 'token-expired']);
const DIAGNOSED = new Set<CallProblemId>([...JOIN_REFUSALS, 'unknown']);

/** The rules the token breaks for this join. */
function mismatches(problem: CallProblem, grant: TokenGrant, token: DecodedToken, nowS: number): JoinCheck[] {
  const checks = joinChecks(joinClaims(token), {
    appId: grant.appId,
    channel: grant.channel,
    identity: { kind: 'uid', uid: Number(grant.uid) },
    role: 'publisher',
    nowS,
    publishEnforced: true, // something did fail, so a missing publish privilege is a real cause here
  });
  return checks.filter(
    (check) => check.status === 'fail' && !(JOIN_REFUSALS.has(problem.id) && check.id === 'publish'),
  );
}

function explain(problem: CallProblem, grant: TokenGrant, token: DecodedToken, nowS: number): ReactNode {
  const failing = mismatches(problem, grant, token, nowS);
  if (failing.length > 0) {
    return (
      <ul className="flex flex-col gap-2" aria-label="What did not match">
        {failing.map((check) => (
          <CheckRow key={check.id} check={check} />
        ))}
      </ul>
    );
  }
  if (problem.id !== 'invalid-token') return null;
  return (
    <p>
      Everything the token says matches this join (App ID, channel, uid, an unexpired join privilege), so Agora refused
      its signature: it was signed with a different App Certificate than the one enabled for App ID {grant.appId}, or
      changed after signing.
    </p>
  );
}

export function TokenDiagnosis({ problem, grant }: { problem: CallProblem; grant?: TokenGrant }) {
  const diagnosed = DIAGNOSED.has(problem.id) && !!grant?.token;
  const inspection = useDecodedToken(diagnosed ? grant!.token : null);
  const nowS = useNowSeconds(false);
  if (!diagnosed || !inspection) return null;
  const explanation = inspection.ok ? (
    explain(problem, grant!, inspection.token, nowS)
  ) : (
    <p>The token cannot be read: {inspection.reason}</p>
  );
  if (!explanation) return null;
  return (
    <div className="flex flex-col gap-2 rounded-lg bg-slate-950/60 p-3 text-sm text-slate-200">
      <p className="font-medium text-rose-100">Why:</p>
      {explanation}
      <a
        href={inspectorLink(grant!.channel, grant!.uid)}
        target="_blank"
        rel="noopener noreferrer"
        className="self-start text-sky-300 underline hover:text-sky-200"
      >
        Open the token inspector
      </a>
    </div>
  );
}
