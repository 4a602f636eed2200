import 'server-only';
// Who is asking, as far as rooms go: the host key (x-host-key) and the call page's ticket
// (x-call-ticket) for this channel, whose first uid is the person's camera and second their screen
// share, and which names the browser (its agora-calls-browser cookie) when the page had one.
import { PAGE_TICKET_HEADER } from '../../shared/call-contract';
import { HOST_KEY_HEADER } from '../../shared/room-contract';
import { readPageTicket } from '../page-ticket';
import { isHostKey } from './host-key';

export interface RoomCaller {
  hostKey: boolean;
  /** The page ticket's uids when it is for this channel: [camera, screen share]; null without one. */
  ticketUids: number[] | null;
  /** The browser id in that ticket; null without one. */
  browser: string | null;
}

export function roomCaller(request: Request, channel: string, appCertificate: string): RoomCaller {
  const ticket = readPageTicket(request.headers.get(PAGE_TICKET_HEADER), appCertificate);
  const forChannel = ticket && ticket.channel === channel && ticket.uids.length > 0 ? ticket : null;
  return {
    hostKey: isHostKey(channel, request.headers.get(HOST_KEY_HEADER), appCertificate),
    ticketUids: forChannel?.uids ?? null,
    browser: forChannel?.browser ?? null,
  };
}
