'use client';
import { useId } from 'react';
import type { DecodedToken } from '@/lib/shared/token/decode';
import { joinClaims } from '@/lib/shared/token/claims';
import { joinChecks, type JoinAttempt } from '@/lib/shared/token/rules';
import { parseChannelName, parseRtcIdentity, type Parsed, type RtcIdentity, type Role } from '@/lib/shared/validation';
import { CheckRow } from './check-row';

// "Would it join?": the join a person intends, and each rule Agora applies to it, green or red.

export interface JoinFields {
  appId: string;
  channel: string;
  user: string;
  role: Role;
}

/** Digits are a numeric uid, anything else a user account; empty means "not checked". */
function identityOf(text: string): Parsed<RtcIdentity> | null {
  if (text === '') return null;
  return parseRtcIdentity(/^[0-9]+$/.test(text) ? 'uid' : 'userAccount', text);
}

const controlClass =
  'w-full rounded-lg border border-slate-700 bg-slate-950 px-3 py-2 text-sm outline-none ' +
  'focus:ring-2 focus:ring-sky-400';
// Typed identifiers read best in a fixed-width font; the role is a choice of words, in the UI's.
const inputClass = `${controlClass} font-mono`;

function Field({
  label,
  value,
  onChange,
  hint,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string | null;
}) {
  const hintId = useId();
  return (
    <label className="flex min-w-0 flex-col gap-1 text-sm">
      <span className="text-slate-300">{label}</span>
      <input
        className={inputClass}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={hint ? hintId : undefined}
      />
      {hint && (
        <span id={hintId} className="text-amber-300">
          {hint}
        </span>
      )}
    </label>
  );
}

type Props = {
  token: DecodedToken;
  fields: JoinFields;
  onChange: (fields: JoinFields) => void;
  nowS: number;
  /** Local mode enforces the publish privileges and reads AccessToken2 only. */
  localMode: boolean;
};

export function JoinChecklist({ token, fields, onChange, nowS, localMode }: Props) {
  const set = (key: keyof JoinFields) => (value: string) => onChange({ ...fields, [key]: value });
  const channel = fields.channel === '' ? null : parseChannelName(fields.channel);
  const identity = identityOf(fields.user.trim());
  const attempt: JoinAttempt = {
    appId: fields.appId.trim() || null,
    channel: fields.channel === '' ? null : fields.channel,
    identity: identity?.ok ? identity.value : null,
    role: fields.role,
    nowS,
    publishEnforced: localMode,
  };
  const checks = joinChecks(joinClaims(token), attempt);
  const verdict = checks.some((check) => check.status === 'fail' && check.id !== 'publish')
    ? 'Agora would refuse this join.'
    : checks.some((check) => check.status === 'unchecked' && check.id !== 'publish')
      ? 'Fill in the join to check every rule.'
      : 'Agora would accept this join.';

  return (
    <section aria-labelledby="join-checklist" className="flex flex-col gap-3 rounded-2xl bg-slate-900 p-4">
      <h2 id="join-checklist" className="text-lg font-semibold">
        Would it join?
      </h2>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="App ID you join with" value={fields.appId} onChange={set('appId')} />
        <Field
          label="Channel"
          value={fields.channel}
          onChange={set('channel')}
          hint={channel && !channel.ok ? channel.error.replace(/^channelName/, 'The name') : null}
        />
        <Field
          label="uid or user account (0 = let Agora pick)"
          value={fields.user}
          onChange={set('user')}
          hint={identity && !identity.ok ? identity.error : null}
        />
        <label className="flex flex-col gap-1 text-sm">
          <span className="text-slate-300">Role</span>
          <select className={controlClass} value={fields.role} onChange={(event) => set('role')(event.target.value)}>
            <option value="publisher">Host (publisher)</option>
            <option value="subscriber">Audience (subscriber)</option>
          </select>
        </label>
      </div>
      {localMode && token.version === '006' && (
        <p className="text-amber-200">
          This server runs in local mode, which accepts AccessToken2 (007) tokens only; Agora still accepts 006.
        </p>
      )}
      <p className="font-medium" aria-live="polite">
        {verdict}
      </p>
      <ul className="flex flex-col gap-3">
        {checks.map((check) => (
          <CheckRow key={check.id} check={check} />
        ))}
      </ul>
    </section>
  );
}
