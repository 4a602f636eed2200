import { primaryAction, secondaryAction, StatusScreen } from '../ui/status-screen';

// The pages a person sees around sign-in (README → Sign-in): signed out, and signed in with an account
// the organisation does not let in. Plain links and one form: they work before any script has loaded.

const signInHref = (next: string, another = false) =>
  `/api/auth/sign-in?next=${encodeURIComponent(next)}${another ? '&another=1' : ''}`;

type SignOutProps = { next?: string; className?: string };

/** A plain form: signing out works before the page's script has loaded; `next`: the page to sign in again for. */
export function SignOutButton({ next = '/', className = secondaryAction }: SignOutProps) {
  return (
    <form method="post" action="/api/auth/sign-out">
      <input type="hidden" name="next" value={next} />
      <button type="submit" className={className}>
        Sign out
      </button>
    </form>
  );
}

type SignedOutProps = { organisation: string; next: string; failed: boolean; signedOut: boolean };

export function SignInScreen({ organisation, next, failed, signedOut }: SignedOutProps) {
  return (
    <StatusScreen
      title={`Sign in to ${organisation}`}
      alert={failed}
      actions={
        <>
          <a href={signInHref(next)} className={primaryAction}>
            Sign in
          </a>
          {signedOut && (
            <a href={signInHref(next, true)} className={secondaryAction}>
              Sign in with another account
            </a>
          )}
        </>
      }
    >
      {failed ? (
        <p>Signing in did not complete. Try again, or ask {organisation}&apos;s administrators for help.</p>
      ) : (
        <p>
          {signedOut ? 'You are signed out. ' : ''}Video calls here are for {organisation}: sign in with your{' '}
          {organisation} account to start or join one.
        </p>
      )}
    </StatusScreen>
  );
}

type NotAllowedProps = {
  organisation: string;
  email: string | null;
  reason: 'unverified-email' | 'not-on-the-list';
  next: string;
};

export function NotAllowedScreen({ organisation, email, reason, next }: NotAllowedProps) {
  const account = email ?? 'an account without an email address';
  return (
    <StatusScreen
      title={`This account cannot use ${organisation}'s calls`}
      alert
      actions={<SignOutButton next={next} />}
    >
      <p>
        You are signed in as <strong>{account}</strong>.{' '}
        {reason === 'unverified-email'
          ? 'Your sign-in provider has not confirmed that this email address is yours, ' +
            'so it cannot be checked against the accounts allowed here.'
          : `${organisation} lets in only the accounts and domains its administrators chose, ` +
            'and this is not one of them.'}
      </p>
      <p className="mt-3">Sign out, then sign in with another account — or ask an administrator to add this one.</p>
    </StatusScreen>
  );
}
