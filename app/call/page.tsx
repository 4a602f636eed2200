import { notFound, redirect } from 'next/navigation';
import { parseChannelName } from '@/lib/shared/validation';

type Props = { searchParams: Promise<{ channel?: string | string[] }> };

/**
 * /call?channel=… is where the start page's form goes when the browser sends it itself (Enter
 * pressed before the page's script ran): a valid name opens its call; anything else goes back to
 * the start page with the text kept, where the form says what is wrong.
 */
export default async function OpenCall({ searchParams }: Props) {
  const { channel } = await searchParams;
  if (typeof channel !== 'string') notFound();
  const name = channel.trim();
  if (parseChannelName(name).ok) redirect(`/call/${encodeURIComponent(name)}`);
  redirect(`/?channel=${encodeURIComponent(channel)}`);
}
