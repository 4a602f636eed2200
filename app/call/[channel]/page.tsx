import type { Metadata } from 'next';
import Link from 'next/link';
import { CallRoom } from '@/components/call-room';
import { getCallClientConfig } from '@/lib/call-config';
import { decodePathSegments } from '@/lib/path-segments';
import { parseChannelName } from '@/lib/validation';

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
      <main className="mx-auto flex min-h-dvh max-w-lg flex-col justify-center gap-4 p-6">
        <h1 className="text-2xl font-semibold">This call link is not valid</h1>
        <p className="text-slate-300" role="alert">
          {channel.error}.
        </p>
        <Link href="/" className="w-fit rounded-lg bg-sky-500 px-4 py-2 font-medium text-slate-950 hover:bg-sky-400">
          Back to the start page
        </Link>
      </main>
    );
  }
  return <CallRoom channel={channel.value} config={getCallClientConfig(channel.value)} />;
}
