import { useId, type ReactNode } from 'react';
import type { AccessToken2View, DecodedService, DecodedToken, LegacyTokenView } from '@/lib/shared/token/decode';
import { legacyPrivilegeName, privilegeName } from '@/lib/shared/token/services';
import {
  accessToken2End,
  accessToken2PrivilegeEnd,
  formatUnixTime,
  legacyPrivilegeEnd,
  timingNotes,
  untilOrSince,
} from '@/lib/shared/token/timing';

// What a decoded token says, with absolute times and "expires in …" / "expired … ago". Everything
// shown comes from the pasted text: React renders it as text, never as markup.

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-0.5 sm:grid-cols-[8rem_1fr] sm:gap-3">
      <dt className="text-slate-400">{label}</dt>
      <dd className="min-w-0 wrap-anywhere">{children}</dd>
    </div>
  );
}

function When({ at, nowS, verbs }: { at: number; nowS: number; verbs?: [string, string] }) {
  return (
    <>
      {formatUnixTime(at)}{' '}
      <span className={verbs || at > nowS ? 'text-slate-300' : 'text-rose-300'}>({untilOrSince(at, nowS, verbs)})</span>
    </>
  );
}

type PrivilegeRow = { name: string; value: string; end: number };

/** Privileges that end together share a line: a publisher token's four usually do. */
function Privileges({ rows, nowS }: { rows: PrivilegeRow[]; nowS: number }) {
  if (rows.length === 0) return <p className="text-amber-200">No privileges: this service grants nothing.</p>;
  const groups = new Map<string, PrivilegeRow[]>();
  for (const row of rows)
    groups.set(`${row.end} ${row.value}`, [...(groups.get(`${row.end} ${row.value}`) ?? []), row]);
  return (
    <ul className="flex flex-col gap-1" aria-label="Privileges">
      {[...groups.values()].map((group) => (
        <li key={group[0]!.name}>
          <span className="font-medium">{group.map((row) => row.name).join(', ')}</span>: ends{' '}
          <When at={group[0]!.end} nowS={nowS} /> <span className="text-slate-400">· {group[0]!.value}</span>
        </li>
      ))}
    </ul>
  );
}

/** Empty bindings mean something: uid 0 lets anyone join, a Chat token without a user is an app token. */
function shownValue(service: DecodedService, label: string, value: string) {
  if (value !== '') return value;
  if (service.type === 1 && label === 'uid') return '0: any uid may join';
  if (service.type === 5) return 'none: an app token';
  return '(empty)';
}

function Service({ service, token, nowS }: { service: DecodedService; token: AccessToken2View; nowS: number }) {
  const headingId = useId();
  const tokenEnd = accessToken2End(token.issuedAt, token.expire);
  const rows = Object.entries(service.privileges).map(([privilege, value]) => ({
    name: privilegeName(service.type, Number(privilege)),
    value: value === 0 ? '0 (as long as the token)' : `${value} s after issue`,
    end: accessToken2PrivilegeEnd(token.issuedAt, value, tokenEnd)!,
  }));
  return (
    <article aria-labelledby={headingId} className="flex flex-col gap-2 rounded-lg border border-slate-800 p-3">
      <h3 className="font-semibold" id={headingId}>
        {service.name} <span className="font-normal text-slate-400">(service type {service.type})</span>
      </h3>
      {service.fields.length > 0 && (
        <dl className="flex flex-col gap-1">
          {service.fields.map((field) => (
            <Fact key={field.label} label={field.label}>
              {shownValue(service, field.label, field.value)}
            </Fact>
          ))}
        </dl>
      )}
      <Privileges rows={rows} nowS={nowS} />
    </article>
  );
}

function AccessToken2Facts({ token, nowS }: { token: AccessToken2View; nowS: number }) {
  return (
    <>
      <dl className="flex flex-col gap-1.5">
        <Fact label="Version">AccessToken2 (007)</Fact>
        <Fact label="App ID">{token.appId}</Fact>
        <Fact label="Issued">
          <When at={token.issuedAt} nowS={nowS} verbs={['issued', 'issued']} />
        </Fact>
        <Fact label="Salt">{token.salt}</Fact>
        <Fact label="Token expires">
          <When at={accessToken2End(token.issuedAt, token.expire)} nowS={nowS} />{' '}
          <span className="text-slate-400">· value {token.expire} s after issue</span>
        </Fact>
      </dl>
      {token.services.map((service, index) => (
        <Service key={index} service={service} token={token} nowS={nowS} />
      ))}
    </>
  );
}

function LegacyFacts({ token, nowS }: { token: LegacyTokenView; nowS: number }) {
  const hex = (crc: number) => `0x${crc.toString(16).padStart(8, '0')}`;
  const rows = Object.entries(token.privileges).map(([privilege, value]) => ({
    name: legacyPrivilegeName(Number(privilege)),
    value: value === 0 ? '0 (no limit of its own)' : `${value} (a Unix time)`,
    end: legacyPrivilegeEnd(value, token.expiresAt)!,
  }));
  return (
    <>
      <dl className="flex flex-col gap-1.5">
        <Fact label="Version">
          AccessToken (006), the older format: it stores only checksums (CRC32) of its channel and uid
        </Fact>
        <Fact label="App ID">{token.appId}</Fact>
        <Fact label="Salt">{token.salt}</Fact>
        <Fact label="Token expires">
          <When at={token.expiresAt} nowS={nowS} /> <span className="text-slate-400">· 24 h after it was made</span>
        </Fact>
        <Fact label="Channel">checksum {hex(token.channelCrc32)}: type the channel below to compare</Fact>
        <Fact label="uid">
          {token.uidCrc32 === 0
            ? '0: any uid may join'
            : `checksum ${hex(token.uidCrc32)}: type the uid below to compare`}
        </Fact>
      </dl>
      <Privileges rows={rows} nowS={nowS} />
    </>
  );
}

export function TokenFacts({ token, nowS }: { token: DecodedToken; nowS: number }) {
  const notes = [...token.notes, ...timingNotes(token, nowS)];
  return (
    <section aria-labelledby="token-facts" className="flex flex-col gap-3 rounded-2xl bg-slate-900 p-4">
      <h2 id="token-facts" className="text-lg font-semibold">
        What the token says
      </h2>
      {token.version === '007' ? (
        <AccessToken2Facts token={token} nowS={nowS} />
      ) : (
        <LegacyFacts token={token} nowS={nowS} />
      )}
      {notes.length > 0 && (
        <ul
          className={
            'flex list-disc flex-col gap-1 ' +
            'rounded-lg border border-amber-500/40 bg-amber-500/10 py-2 pr-3 pl-7 text-sm text-amber-100'
          }
          aria-label="Worth knowing"
        >
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
