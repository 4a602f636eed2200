import 'server-only';
// Who is asking, as far as rooms go: the host key (x-host-key) and the call page's ticket
// (x-call-ticket) for this channel, whose first uid is the person's camera and second their screen
// share, and which names the browser (its agora-calls-browser cookie) when the page had one. With
// sign-in on, the signed-in person stands in for the browser (a removal follows them to every
// device), and AUTH_HOST_EMAILS are hosts of every room as if they held its key.
import { PAGE_TICKET_HEADER } from '../../shared/call-contract';
import { HOST_KEY_HEADER } from '../../shared/room-contract';
import { hasApiKey } from '../authorize';
import { signedInCaller } from '../auth/api-caller';
import { readPageTicket } from '../page-ticket';
import { tokenPolicy } from '../settings';
import { isHostKey } from './host-key';

export interface RoomCaller {
  hostKey: boolean;
  /**
   * The page ticket's uids when it is for this channel (or the signed-in person's):
   * [camera, screen share]; null without.
   */
  ticketUids: number[] | null;
  /** The browser id in that ticket, or the signed-in person's id; null without either. */
  browser: string | null;
}

/** The signed-in person's part (null with sign-in off or an API key); signed out or not allowed is refused. */
export async function roomPerson(request: Request) {
  const person = await signedInCaller(request, hasApiKey(request, tokenPolicy().apiKeys));
  return (
    person && {
      host: person.access.allowed && person.access.host,
      id: person.ids.person,
      uids: [person.ids.uid, person.ids.screenUid],
    }
  );
}

export async function roomCaller(request: Request, channel: string, appCertificate: string): Promise<RoomCaller> {
  const person = await roomPerson(request);
  const ticket = readPageTicket(request.headers.get(PAGE_TICKET_HEADER), appCertificate);
  const forChannel = ticket && ticket.channel === channel && ticket.uids.length > 0 ? ticket : null;
  return {
    hostKey: person?.host === true || isHostKey(channel, request.headers.get(HOST_KEY_HEADER), appCertificate),
    // Signed in, the person's own uids are the same on every page of theirs: a ticket adds nothing.
    ticketUids: person?.uids ?? forChannel?.uids ?? null,
    browser: person?.id ?? forChannel?.browser ?? null,
  };
}
