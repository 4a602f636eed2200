import type { Metadata } from 'next';
import { TokenInspector } from '@/components/inspector/token-inspector';
import { inspectPageConfig } from '@/lib/server/inspect-page-config';

export const metadata: Metadata = { title: 'Token inspector · Agora Calls' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Links may prefill the join to check (never the token, which would then travel in the URL). */
const param = (value: string | string[] | undefined) => (typeof value === 'string' ? value.slice(0, 255) : '');

export default async function InspectPage({ searchParams }: Props) {
  const params = await searchParams;
  return (
    <TokenInspector
      config={inspectPageConfig()}
      initial={{
        channel: param(params.channel),
        user: param(params.uid),
        role: params.role === 'subscriber' ? 'subscriber' : 'publisher',
      }}
    />
  );
}
