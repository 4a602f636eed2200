import 'server-only';
// A signed-in person's ids in calls, derived from the provider's issuer and subject (stable across
// devices, rejoins and name changes) with keys derived from AUTH_SECRET, so nobody can compute
// another person's ids from their subject. Each id has its own key label.
import { createHmac } from 'node:crypto';
import { UID_MAX } from '../../shared/validation';

export interface PersonIds {
  /** The camera's RTC uid, also the Signaling (RTM) user id as text: 1..4294967295. */
  uid: number;
  /** The screen share's uid: another of the same person's, never equal to `uid`. */
  screenUid: number;
  /** The person for rooms (removals): 22 base64url characters, the shape of a browser id. */
  person: string;
}

const mac = (secret: string, label: string, issuer: string, subject: string) => {
  const key = createHmac('sha256', secret).update(`agora-calls/${label}/v1`).digest();
  return createHmac('sha256', key).update(`${issuer}\n${subject}`).digest();
};

/** 1..UID_MAX from the first 8 bytes (the modulo bias, 2^-32, does not matter here). */
const toUid = (bytes: Buffer) => Number(bytes.readBigUInt64BE(0) % BigInt(UID_MAX)) + 1;

export function personIds(secret: string, issuer: string, subject: string): PersonIds {
  const uid = toUid(mac(secret, 'camera-uid', issuer, subject));
  let screenUid = toUid(mac(secret, 'screen-uid', issuer, subject));
  if (screenUid === uid) screenUid = (uid % UID_MAX) + 1;
  const person = mac(secret, 'person', issuer, subject).subarray(0, 16).toString('base64url');
  return { uid, screenUid, person };
}
