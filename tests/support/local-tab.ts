import type { LocalConnections, Outgoing } from '@/lib/server/local/connections';
import { withoutSession } from './server-env';

/** A browser tab's event stream on local mode's server: its connection id and every event it got. */
export function openTab(connections: LocalConnections, resume: string | null = null) {
  const received: Outgoing[] = [];
  const detach = connections.attach(resume, (event) => received.push(event));
  return { id: received[0]!.connection as string, received, detach };
}

export type Tab = ReturnType<typeof openTab>;

/** What one session (a join or a Signaling login) on this tab received, without the routing field. */
export const sessionEvents = (tab: Tab, session: string) =>
  tab.received.filter((event) => event.session === session).map(withoutSession);
