import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccessToken2, ServiceChat, ServiceRtc, ServiceRtm } from 'agora-token/src/AccessToken2';
import { vectors, type Vector } from '../support/token-vectors';
import { decodeAccessToken } from '@/lib/server/access-token';
import type { AgoraCredentials } from '@/lib/server/credentials';
import { mintChatAppToken, mintChatUserToken, mintRtcToken } from '@/lib/server/mint';

const byId = (id: string) => vectors.find((vector) => vector.id === id)!;

/** Pins the clock and the salt so minting reproduces the vectors byte for byte. */
function pinIssueTimeAndSalt(vector: Vector) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(vector.inputs.issueTs * 1000);
  vi.spyOn(Math, 'random').mockReturnValue((vector.inputs.salt - 1) / 99999999);
}

const credentialsOf = (vector: Vector): AgoraCredentials => ({
  mode: 'agora',
  appId: vector.inputs.appId,
  appCertificate: vector.inputs.appCertificate,
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('known-answer vectors (agora-token test suite)', () => {
  it.each(vectors.map((vector) => [vector.id, vector] as const))('%s decodes to its inputs', (_id, vector) => {
    const decoded = decodeAccessToken(vector.expected, vector.inputs.appCertificate);
    expect(decoded).not.toBeNull();
    expect(decoded!.appId).toBe(vector.inputs.appId);
    expect(decoded!.issuedAt).toBe(vector.inputs.issueTs);
    expect(decoded!.expire).toBe(vector.inputs.expire);
    expect(decoded!.salt).toBe(vector.inputs.salt);
    for (const service of vector.inputs.services) {
      const privileges = Object.fromEntries(Object.entries(service.privileges).map(([k, v]) => [Number(k), v]));
      if (service.name === 'rtc') {
        const uid = service.uid === 0 ? '' : String(service.uid);
        expect(decoded!.rtc).toContainEqual({ channel: service.channelName, uid, privileges });
      } else if (service.name === 'rtm') {
        expect(decoded!.rtm).toContainEqual({ userId: service.userId, privileges });
      } else {
        expect(decoded!.chat).toContainEqual({ userId: service.userId, privileges });
      }
    }
  });

  it.each(vectors.map((vector) => [vector.id, vector] as const))(
    '%s is rebuilt exactly by agora-token',
    (_id, vector) => {
      const { appId, appCertificate, issueTs, expire, salt } = vector.inputs;
      const token = new AccessToken2(appId, appCertificate, issueTs, expire);
      (token as unknown as { salt: number }).salt = salt;
      for (const input of vector.inputs.services) {
        const service =
          input.name === 'rtc'
            ? new (ServiceRtc as unknown as new (c: string, u: string | number) => ServiceRtc)(
                input.channelName!,
                input.uid!,
              )
            : input.name === 'rtm'
              ? new (ServiceRtm as unknown as new (u: string) => ServiceRtm)(input.userId!)
              : new (ServiceChat as unknown as new (u: string) => ServiceChat)(input.userId!);
        for (const [privilege, value] of Object.entries(input.privileges)) {
          (service as unknown as { add_privilege(p: number, v: number): void }).add_privilege(Number(privilege), value);
        }
        token.add_service(service);
      }
      expect(token.build()).toBe(vector.expected);
    },
  );

  it('our RTC minting reproduces the subscriber vectors (uid, uid 0, account)', () => {
    for (const id of ['node-rtc-uid', 'node-rtc-uid0', 'node-rtc-account']) {
      const vector = byId(id);
      const [service] = vector.inputs.services;
      pinIssueTimeAndSalt(vector);
      const identity =
        typeof service!.uid === 'number'
          ? ({ kind: 'uid', uid: service!.uid } as const)
          : ({ kind: 'userAccount', account: String(service!.uid) } as const);
      const minted = mintRtcToken(credentialsOf(vector), service!.channelName!, identity, 'subscriber', 600);
      expect(minted.token, id).toBe(vector.expected);
      expect(minted.expiresAt).toBe(vector.inputs.issueTs + 600);
    }
  });

  it('our chat minting reproduces the chat vectors', () => {
    const user = byId('node-chat-user');
    pinIssueTimeAndSalt(user);
    expect(mintChatUserToken(credentialsOf(user), '2882341273', 600).token).toBe(user.expected);
    const app = byId('node-chat-app');
    pinIssueTimeAndSalt(app);
    expect(mintChatAppToken(credentialsOf(app), 600).token).toBe(app.expected);
  });
});

describe('decodeAccessToken', () => {
  const vector = byId('node-rtc-uid');

  it('rejects a token checked against another certificate', () => {
    expect(decodeAccessToken(vector.expected, 'f'.repeat(32))).toBeNull();
  });

  it('rejects garbage, other versions and truncated tokens', () => {
    for (const bad of [
      '',
      '007',
      '006abc',
      'hello',
      vector.expected.slice(0, 40),
      vector.expected.replace('007', '008'),
    ]) {
      expect(decodeAccessToken(bad, vector.inputs.appCertificate), bad).toBeNull();
    }
  });

  it('publisher tokens carry join and publish privileges, subscriber tokens only join', () => {
    const credentials = credentialsOf(vector);
    const publisher = mintRtcToken(credentials, 'room', { kind: 'uid', uid: 7 }, 'publisher', 120);
    const subscriber = mintRtcToken(credentials, 'room', { kind: 'uid', uid: 7 }, 'subscriber', 120);
    expect(decodeAccessToken(publisher.token, credentials.appCertificate)!.rtc[0]!.privileges).toEqual({
      1: 120,
      2: 120,
      3: 120,
      4: 120,
    });
    expect(decodeAccessToken(subscriber.token, credentials.appCertificate)!.rtc[0]!.privileges).toEqual({ 1: 120 });
  });
});

describe('publisher tokens with a shorter publish privilege (someone on a stage)', () => {
  it.each([
    ['uid', { kind: 'uid' as const, uid: 7 }, '7'],
    ['user account', { kind: 'userAccount' as const, account: 'alice' }, 'alice'],
  ])('%s: join for the whole token, publish audio, video and data for publishExpiry', (_kind, identity, uid) => {
    const credentials = {
      mode: 'agora' as const,
      appId: '970ca35de60c44645bbae8a215061b33',
      appCertificate: '5cfd2fd1755d40ecb72977518be15d3b',
    };
    const minted = mintRtcToken(credentials, 'room', identity, 'publisher', 600, 120);
    const decoded = decodeAccessToken(minted.token, credentials.appCertificate)!;
    expect(decoded.rtc).toEqual([{ channel: 'room', uid, privileges: { 1: 600, 2: 120, 3: 120, 4: 120 } }]);
    expect(minted.publishExpiresAt).toBe(minted.expiresAt - 480);
    // A subscriber never gets publish privileges, whatever publishExpiry says.
    const subscriber = mintRtcToken(credentials, 'room', identity, 'subscriber', 600, 120);
    expect(decodeAccessToken(subscriber.token, credentials.appCertificate)!.rtc[0]!.privileges).toEqual({ 1: 600 });
    expect(subscriber.publishExpiresAt).toBeUndefined();
  });
});
