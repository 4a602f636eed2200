'use client';
import { useState } from 'react';
import type { InspectPageConfig } from '@/lib/shared/call-contract';
import { verifySignature, type SignatureAnswer } from '@/lib/client/verify-signature';
import type { DecodedToken } from '@/lib/shared/token/decode';

// The one place the token leaves the page, and only when the person presses the button: this
// server checks the signature with its App Certificate and answers valid or not.

function unavailable(token: DecodedToken, verifiableAppId: string | null): string | null {
  if (!verifiableAppId) return 'This server has no App Certificate configured, so it cannot check signatures.';
  if (token.version !== '007')
    return (
      "A 006 token's signature covers its channel and uid, which the token does not contain, " +
      'so it cannot be checked here.'
    );
  if (token.appId !== verifiableAppId) {
    return (
      `The token is for App ID ${token.appId}; ` +
      `this server can only check tokens for its own App ID, ${verifiableAppId}.`
    );
  }
  return null;
}

type Props = { token: DecodedToken; text: string; config: InspectPageConfig };

/** Keyed by the token text by its parent, so a new token starts without an old verdict. */
export function SignatureCheck({ token, text, config }: Props) {
  const [answer, setAnswer] = useState<SignatureAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const reason = unavailable(token, config.verifiableAppId);

  const verify = async () => {
    setBusy(true);
    setAnswer(await verifySignature(text, config.inspectTicket));
    setBusy(false);
  };

  return (
    <section aria-labelledby="signature" className="flex flex-col gap-3 rounded-2xl bg-slate-900 p-4">
      <h2 id="signature" className="text-lg font-semibold">
        Signature
      </h2>
      {reason ? (
        <p className="text-slate-300">{reason}</p>
      ) : (
        <>
          <p className="text-slate-300">
            Only the App Certificate can tell whether the token is genuine. This server holds the certificate for this
            App ID; it answers only valid or not valid.
          </p>
          <button
            type="button"
            onClick={() => void verify()}
            disabled={busy}
            className={
              'self-start rounded-lg bg-sky-500 px-4 py-2 font-medium text-slate-950 ' +
              'hover:bg-sky-400 focus:outline-2 focus:outline-offset-2 focus:outline-sky-300 disabled:opacity-60'
            }
          >
            {busy ? 'Checking…' : 'Verify signature with this server'}
          </button>
        </>
      )}
      <div role="status" aria-label="Signature check">
        {answer && 'valid' in answer && answer.valid && (
          <p className="font-medium text-emerald-300">✓ Valid: this server&apos;s App Certificate signed this token.</p>
        )}
        {answer && 'valid' in answer && !answer.valid && (
          <p className="font-medium text-rose-300">
            ✗ Not valid: this server&apos;s App Certificate did not sign this token. It was changed after signing, or
            made with another certificate; Agora answers such a join with &ldquo;invalid token, authorized
            failed&rdquo;.
          </p>
        )}
        {answer && 'error' in answer && <p className="text-amber-300">Could not check: {answer.error}</p>}
      </div>
    </section>
  );
}
