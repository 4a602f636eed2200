import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { NotAllowedScreen, SignInScreen } from '@/components/auth/sign-in-screens';
import { SignedOutSignal } from '@/components/auth/signed-out-signal';
import { StatusScreen } from '@/components/ui/status-screen';
import { returnPath } from '@/lib/server/auth/auth-routes';
import { pageSignIn } from '@/lib/server/auth/page-sign-in';

export const metadata: Metadata = { title: 'Sign in · Agora Calls' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const query = await searchParams;
  const next = returnPath(typeof query.next === 'string' ? query.next : null);
  const state = await pageSignIn();
  if (state.kind === 'off') redirect(next);
  if (state.kind === 'misconfigured') {
    return (
      <StatusScreen title="Sign-in is not set up correctly" alert>
        {state.message}.
      </StatusScreen>
    );
  }
  const { organisation } = state.settings;
  if (state.kind === 'signed-in') {
    if (state.person.access.allowed) redirect(next);
    return (
      <NotAllowedScreen
        organisation={organisation}
        email={state.person.profile.email}
        reason={state.person.access.reason}
        next={next}
      />
    );
  }
  return (
    <>
      {'signed_out' in query && <SignedOutSignal />}
      <SignInScreen
        organisation={organisation}
        next={next}
        failed={'failed' in query}
        signedOut={'signed_out' in query}
      />
    </>
  );
}
