import 'server-only';
// Who is asking, as far as rooms go: the host key (x-host-key) and the call page's ticket
// (x-call-ticket) for this channel, whose first uid is the person's camera and second their screen share.
import { PAGE_TICKET_HEADER } from '../../shared/call-contract';
import { HOST_KEY_HEADER } from '../../shared/room-contract';
import { readPageTicket } from '../page-ticket';
import { isHostKey } from './host-key';

export interface RoomCaller {
  hostKey: boolean;
  /** The page ticket's uids when it is for this channel: [camera, screen share]; null without one. */
  ticketUids: number[] | null;
}

export function roomCaller(request: Request, channel: string, appCertificate: string): RoomCaller {
  const ticket = readPageTicket(request.headers.get(PAGE_TICKET_HEADER), appCertificate);
  return {
    hostKey: isHostKey(channel, request.headers.get(HOST_KEY_HEADER), appCertificate),
    ticketUids: ticket && ticket.channel === channel && ticket.uids.length > 0 ? ticket.uids : null,
  };
}
