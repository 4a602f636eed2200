// The token inspector's one request: POST /api/inspect, sent only when the person presses the button.
import { PAGE_TICKET_HEADER } from '../shared/call-contract';
import { readApiAnswer } from './api-answer';

export type SignatureAnswer = { valid: boolean } | { error: string };

export async function verifySignature(token: string, inspectTicket: string | null): Promise<SignatureAnswer> {
  try {
    const response = await fetch('/api/inspect', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(inspectTicket ? { [PAGE_TICKET_HEADER]: inspectTicket } : {}),
      },
      body: JSON.stringify({ token }),
      cache: 'no-store',
    });
    const answer = await readApiAnswer(response);
    if (answer.error !== null) return { error: answer.error };
    return typeof answer.body.valid === 'boolean'
      ? { valid: answer.body.valid }
      : { error: 'the server answered without a verdict' };
  } catch {
    return { error: 'the server could not be reached; check your connection and try again' };
  }
}
