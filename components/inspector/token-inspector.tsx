'use client';
import Link from 'next/link';
import { useId, useState } from 'react';
import type { InspectPageConfig } from '@/lib/shared/call-contract';
import { useDecodedToken } from '@/lib/client/use-decoded-token';
import { useNowSeconds } from '@/lib/client/use-now';
import { JoinChecklist, type JoinFields } from './join-checklist';
import { ModeBadge } from '../ui/mode-badge';
import { SignatureCheck } from './signature-check';
import { TokenFacts } from './token-facts';

type Props = {
  config: InspectPageConfig;
  /** From the link that opened the page (the call page's join error, the prejoin's Advanced). */
  initial: Omit<JoinFields, 'appId'>;
};

/** /inspect: paste a token, see what it grants and whether a join would work. Decoding stays in the page. */
export function TokenInspector({ config, initial }: Props) {
  const [text, setText] = useState('');
  const [fields, setFields] = useState<JoinFields>({ appId: config.joinAppId ?? '', ...initial });
  const inspection = useDecodedToken(text);
  const nowS = useNowSeconds(inspection?.ok === true);
  const reasonId = useId();

  return (
    <main className="mx-auto flex min-h-dvh max-w-3xl flex-col gap-5 p-4 sm:p-8">
      <header className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-3xl font-semibold">Token inspector</h1>
          {config.mode && <ModeBadge mode={config.mode} />}
        </div>
        <p className="text-slate-300">
          Paste an Agora token to see what it grants and why a join would be refused. It is decoded in this page and
          sent nowhere, unless you press &ldquo;Verify signature&rdquo;.
        </p>
      </header>

      <label className="flex flex-col gap-2">
        <span className="font-medium">Token</span>
        <textarea
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="007eJxT…"
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          aria-describedby={reasonId}
          className={
            'min-h-28 rounded-xl border border-slate-700 bg-slate-900 px-3 py-2 font-mono text-sm break-all ' +
            'outline-none focus:ring-2 focus:ring-sky-400'
          }
        />
      </label>
      <div id={reasonId} aria-live="polite">
        {inspection && !inspection.ok && (
          <p className="rounded-lg border border-amber-500/40 bg-amber-500/10 p-3 text-amber-100">
            {inspection.reason}
          </p>
        )}
      </div>

      {inspection?.ok && (
        <>
          <TokenFacts token={inspection.token} nowS={nowS} />
          <JoinChecklist
            token={inspection.token}
            fields={fields}
            onChange={setFields}
            nowS={nowS}
            localMode={config.mode === 'local'}
          />
          <SignatureCheck key={inspection.text} token={inspection.token} text={inspection.text} config={config} />
        </>
      )}

      <footer className="mt-auto pt-4 text-sm text-slate-400">
        <Link href="/" className="underline hover:text-slate-200">
          Start a call
        </Link>
      </footer>
    </main>
  );
}
