import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { CallRoom } from '@/components/call/call-room';
import { EarlyCaptureScript } from '@/components/prejoin/early-capture-script';
import { primaryAction, StatusScreen } from '@/components/ui/status-screen';
import { BROWSER_COOKIE } from '@/lib/shared/browser-id';
import { EARLY_CAPTURE_SCRIPT } from '@/lib/shared/early-capture';
import { callPageConfig } from '@/lib/server/call-page-config';
import { requireSignedIn } from '@/lib/server/auth/page-sign-in';
import { decodePathSegments } from '@/lib/shared/path-segments';
import { channelNameMessage, parseChannelName } from '@/lib/shared/validation';

type Props = { params: Promise<{ channel: string }> };

// Next 16 hands page params over still percent-encoded.
async function channelFrom(params: Props['params']) {
  const { channel } = await params;
  const decoded = decodePathSegments([channel]);
  return decoded.ok ? parseChannelName(decoded.value[0]) : decoded;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const channel = await channelFrom(params);
  return { title: channel.ok ? `${channel.value} · Agora Calls` : 'Invalid channel · Agora Calls' };
}

export default async function CallPage({ params }: Props) {
  const channel = await channelFrom(params);
  if (!channel.ok) {
    return (
      <StatusScreen
        title="This call link is not valid"
        alert
        actions={
          <Link href="/" className={primaryAction}>
            Back to the start page
          </Link>
        }
      >
        {channelNameMessage(channel.error)}. Check the link, or start a call with another name.
      </StatusScreen>
    );
  }
  // With sign-in on, signed-out or refused people go to /sign-in first; the page gets the person's own uids.
  const signIn = await requireSignedIn(`/call/${encodeURIComponent(channel.value)}`);
  const person = signIn.kind === 'signed-in' ? signIn.person : null;
  const config = callPageConfig(channel.value, (await cookies()).get(BROWSER_COOKIE)?.value ?? null, person);
  if (signIn.kind === 'misconfigured') config.configurationError = signIn.message;
  return (
    <>
      <CallRoom channel={channel.value} config={config} />
      {/* Starts the camera while the page is still loading (the preview shows before React is up). */}
      {!config.configurationError && <EarlyCaptureScript code={EARLY_CAPTURE_SCRIPT} />}
    </>
  );
}
