import { crc32 as zlibCrc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  AccessToken2,
  Rtm2Permissions,
  Service,
  ServiceApaas,
  ServiceConvoAI,
  ServiceFCdn,
  ServiceFpa,
  ServiceRtc,
  ServiceRtm2,
  ServiceStreaming,
  ServiceStt,
} from 'agora-token/src/AccessToken2';
import { AccessToken, priviledges } from 'agora-token/src/AccessToken';
import { vectors } from './support/token-vectors';
import { crc32 } from '@/lib/shared/token/bytes';
import { inspectToken, MAX_TOKEN_CHARS, type AccessToken2View, type LegacyTokenView } from '@/lib/shared/token/decode';
import { mintChatAppToken, mintChatUserToken, mintRtcToken, mintRtmToken } from '@/lib/server/mint';
import { TEST_APP_CERTIFICATE, TEST_APP_ID, TEST_CREDENTIALS } from './support/server-env';

// The decoder shared by the inspector page, the call page and POST /api/inspect, against Agora's
// own known-answer vectors, tokens this app mints, every service type agora-token can build, and
// malformed input with the reason a person sees.

async function decode007(token: string): Promise<AccessToken2View> {
  const result = await inspectToken(token);
  if (!result.ok) throw new Error(`expected a token, got: ${result.reason}`);
  if (result.token.version !== '007') throw new Error('expected an AccessToken2');
  return result.token;
}

async function reasonFor(input: unknown): Promise<string> {
  const result = await inspectToken(input);
  if (result.ok) throw new Error('expected a refusal');
  return result.reason;
}

const numericKeys = (map: Record<string, number>) =>
  Object.fromEntries(Object.entries(map).map(([key, value]) => [Number(key), value]));
const credentials = TEST_CREDENTIALS;
const nowS = () => Math.floor(Date.now() / 1000);

describe('AccessToken2 known-answer vectors', () => {
  it.each(vectors.map((vector) => [vector.id, vector] as const))('%s decodes to its inputs', async (_id, vector) => {
    const token = await decode007(vector.expected);
    expect(token).toMatchObject({
      appId: vector.inputs.appId,
      issuedAt: vector.inputs.issueTs,
      expire: vector.inputs.expire,
      salt: vector.inputs.salt,
      notes: [],
    });
    const expected = vector.inputs.services.map((service) => {
      const privileges = numericKeys(service.privileges);
      if (service.name === 'rtc') {
        const uid = service.uid === 0 ? '' : String(service.uid);
        return {
          type: 1,
          name: 'RTC',
          fields: [
            { label: 'Channel', value: service.channelName },
            { label: 'uid', value: uid },
          ],
          privileges,
        };
      }
      return { type: service.type, fields: [{ label: 'User id', value: service.userId }], privileges };
    });
    expect(token.services).toMatchObject(expected);
    expect(token.services.map((service) => service.name)).toEqual(
      vector.inputs.services.map((service) => ({ rtc: 'RTC', rtm: 'RTM (Signaling)', chat: 'Chat' })[service.name]),
    );
  });
});

describe('tokens minted by this app', () => {
  it('an RTC publisher token for a uid: channel, uid, all four privileges for its lifetime', async () => {
    const token = await decode007(
      mintRtcToken(credentials, 'demo', { kind: 'uid', uid: 1234 }, 'publisher', 600).token,
    );
    expect(token.appId).toBe(TEST_APP_ID);
    expect(Math.abs(token.issuedAt - nowS())).toBeLessThanOrEqual(2);
    expect(token.expire).toBe(600);
    expect(token.rtc).toEqual([{ channel: 'demo', uid: '1234', privileges: { 1: 600, 2: 600, 3: 600, 4: 600 } }]);
  });

  it('a subscriber token for a user account carries only the join privilege', async () => {
    const token = await decode007(
      mintRtcToken(credentials, 'a b<script>', { kind: 'userAccount', account: 'alice' }, 'subscriber', 60).token,
    );
    expect(token.rtc).toEqual([{ channel: 'a b<script>', uid: 'alice', privileges: { 1: 60 } }]);
  });

  it('uid 0 is stored as an empty uid (anyone may join)', async () => {
    const token = await decode007(mintRtcToken(credentials, 'demo', { kind: 'uid', uid: 0 }, 'publisher', 60).token);
    expect(token.rtc[0]!.uid).toBe('');
  });

  it('RTM and Chat tokens name their user (or none, for a Chat app token)', async () => {
    const rtm = await decode007(mintRtmToken(credentials, 'bob', 300).token);
    expect(rtm.services).toEqual([
      { type: 2, name: 'RTM (Signaling)', fields: [{ label: 'User id', value: 'bob' }], privileges: { 1: 300 } },
    ]);
    const chatUser = await decode007(mintChatUserToken(credentials, 'carol', 300).token);
    expect(chatUser.services[0]).toMatchObject({
      name: 'Chat',
      fields: [{ label: 'User id', value: 'carol' }],
      privileges: { 1: 300 },
    });
    const chatApp = await decode007(mintChatAppToken(credentials, 300).token);
    expect(chatApp.services[0]).toMatchObject({
      name: 'Chat',
      fields: [{ label: 'User id', value: '' }],
      privileges: { 2: 300 },
    });
  });
});

function build(...services: Service[]) {
  const token = new AccessToken2(TEST_APP_ID, TEST_APP_CERTIFICATE, 1_700_000_000, 3600);
  services.forEach((service) => token.add_service(service));
  return token.build();
}

describe('every other service type agora-token builds', () => {
  it('names each one and reads what it is bound to', async () => {
    const permissions = new Rtm2Permissions();
    permissions.add(0, 0, ['lobby', 'news']);
    permissions.add(4, 1, ['dave']);
    const apaas = new ServiceApaas('room-1', 'user-1', 2);
    apaas.add_privilege(1, 0);
    const token = await decode007(
      build(
        new ServiceStreaming('live', 7),
        new ServiceFpa(),
        new ServiceFCdn('cdn', 'acct'),
        apaas,
        new ServiceRtm2('dave', permissions),
        new ServiceConvoAI(),
        new ServiceStt(),
      ),
    );
    expect(token.services.map(({ type, name, fields }) => ({ type, name, fields }))).toEqual([
      {
        type: 3,
        name: 'Media Push (streaming)',
        fields: [
          { label: 'Channel', value: 'live' },
          { label: 'Account', value: '7' },
        ],
      },
      { type: 4, name: 'FPA (acceleration)', fields: [] },
      {
        type: 6,
        name: 'Fusion CDN',
        fields: [
          { label: 'Channel', value: 'cdn' },
          { label: 'Account', value: 'acct' },
        ],
      },
      {
        type: 7,
        name: 'Flexible Classroom (APaaS)',
        fields: [
          { label: 'Room', value: 'room-1' },
          { label: 'User', value: 'user-1' },
          { label: 'Role', value: '2' },
        ],
      },
      {
        type: 8,
        name: 'Signaling 2 (RTM2)',
        fields: [
          { label: 'User id', value: 'dave' },
          { label: 'read message channels', value: 'lobby, news' },
          { label: 'write users', value: 'dave' },
        ],
      },
      { type: 9, name: 'Conversational AI', fields: [] },
      { type: 10, name: 'Speech-to-Text', fields: [] },
    ]);
    expect(token.services[3]!.privileges).toEqual({ 1: 0 });
    expect(token.notes).toEqual([]);
  });

  it('stops at a service type it does not know, keeping what came before, and says so', async () => {
    const rtc = new ServiceRtc('demo', 5);
    rtc.add_privilege(1, 60);
    const token = await decode007(build(rtc, new Service(42), new Service(43)));
    expect(token.rtc).toEqual([{ channel: 'demo', uid: '5', privileges: { 1: 60 } }]);
    expect(token.notes).toEqual([
      'Service 2 of 3 has type 42, which this inspector does not know; it and any after it cannot be read.',
    ]);
  });
});

describe('006 tokens (the older AccessToken)', () => {
  // agora-token's own AccessTokenTest.js: salt 1, ts 1111111, join privilege until 1446455471.
  const channel = '7d72365eb983485397e3e3f9d460bdda';
  const vectors = [
    {
      uid: 2882341273,
      token:
        '006970CA35de60c44645bbae8a215061b33' +
        'IACV0fZUBw+72cVoL9eyGGh3Q6Poi8bgjwVLnyKSJyOXR7dIfRBXoFHlEAABAAAAR/QQAAEAAQCvKDdW',
    },
    {
      uid: 0,
      token:
        '006970CA35de60c44645bbae8a215061b33' +
        'IACw1o7htY6ISdNRtku3p9tjTPi0jCKf9t49UHJhzCmL6bdIfRAAAAAAEAABAAAAR/QQAAEAAQCvKDdW',
    },
  ];

  it.each(vectors)(
    'uid $uid: App ID, salt, expiry, privileges, and CRC32s of channel and uid',
    async ({ uid, token }) => {
      const result = await inspectToken(token);
      expect(result.ok).toBe(true);
      const legacy = (result as { token: LegacyTokenView }).token;
      expect(legacy).toEqual({
        version: '006',
        appId: '970CA35de60c44645bbae8a215061b33',
        salt: 1,
        expiresAt: 1111111,
        channelCrc32: zlibCrc32(channel),
        uidCrc32: uid === 0 ? 0 : zlibCrc32(String(uid)),
        privileges: { 1: 1446455471 },
        notes: [],
      });
    },
  );

  it('reads a 006 token agora-token builds now, with every RTC privilege', async () => {
    const built = new AccessToken(TEST_APP_ID, TEST_APP_CERTIFICATE, 'demo', 'alice');
    for (const privilege of [priviledges.kJoinChannel, priviledges.kPublishAudioStream, priviledges.kRtmLogin])
      built.addPriviledge(privilege, 1_900_000_000);
    const result = await inspectToken(built.build());
    expect(result).toMatchObject({
      ok: true,
      token: {
        channelCrc32: zlibCrc32('demo'),
        uidCrc32: zlibCrc32('alice'),
        privileges: { 1: 1_900_000_000, 2: 1_900_000_000, 1000: 1_900_000_000 },
      },
    });
  });
});

describe('crc32 (what a 006 token compares)', () => {
  it('agrees with zlib for ASCII, unicode and the empty string', () => {
    for (const text of ['', 'demo', '7d72365eb983485397e3e3f9d460bdda', 'café talk', '2882341273', '🎥'])
      expect(crc32(text)).toBe(zlibCrc32(text));
  });
});

const valid = build(new ServiceRtc('demo', 5));

describe('input that is not a readable token gets a specific reason', () => {
  it.each([
    ['not text', undefined, 'Paste the token as text.'],
    ['only spaces', '   ', 'Paste a token to see what it grants.'],
    [
      'longer than the cap',
      '007' + 'A'.repeat(MAX_TOKEN_CHARS),
      `This is ${MAX_TOKEN_CHARS + 3} characters long; Agora tokens are a few hundred, ` +
        `and the inspector reads at most ${MAX_TOKEN_CHARS}.`,
    ],
    [
      'spaces where "+" signs were',
      valid.replace(/\+/g, ' ') + ' x',
      'The token contains spaces or line breaks. If it travelled in a URL, its "+" signs may have turned into ' +
        'spaces (encode it with encodeURIComponent); remove them and paste it again.',
    ],
    [
      'URL-encoded',
      encodeURIComponent(valid + '+/'),
      'The token is still URL-encoded (it contains %2B, %2F or %3D): decode it with decodeURIComponent first.',
    ],
    [
      'a JWT',
      'eyJhbGciOiJIUzI1NiJ9.e30.x',
      'This looks like a JSON Web Token (it starts with "eyJ"), not an Agora token, which starts with 007 or 006.',
    ],
    [
      'an App ID',
      TEST_APP_ID,
      'This is 32 hexadecimal characters: an App ID or an App Certificate, not a token. ' +
        'Tokens start with 007 (or 006) and are much longer.',
    ],
    [
      'a 005 dynamic key',
      '005AQAoADEyMzQ1Njc4',
      'This is a version 005 dynamic key, a format older than 006 that this inspector does not read. ' +
        'Generate an AccessToken2 (007) instead.',
    ],
    [
      'plain words',
      'hello world',
      'This is ordinary text, not an Agora token. A token is one unbroken string of letters, digits, ' +
        '"+", "/" and "=" that starts with 007 (or 006), a few hundred characters long: ' +
        'copy it from your token server or Agora Console.',
    ],
    [
      'a token with words around it',
      `token: ${valid}`,
      'There are words around the token: paste only the token itself, the part that starts with 007 (or 006).',
    ],
    [
      'something else',
      'token=abc',
      'Agora tokens start with "007" (AccessToken2) or "006" (the older AccessToken); this starts with "token=ab".',
    ],
    [
      'URL-safe base64',
      '007abc_def',
      'This 007 token cannot be read. The part after "007" uses URL-safe base64 ("-" or "_"); ' +
        'Agora tokens use standard base64 with "+" and "/".',
    ],
    [
      'a character outside base64',
      '007abc*',
      'This 007 token cannot be read. The part after "007" contains "*", which is not base64.',
    ],
    [
      'base64 cut off mid-group',
      valid.slice(0, -2),
      'This 007 token cannot be read. The part after "007" is cut off: ' +
        'base64 comes in groups of 4 characters and 2 are left over; copy the whole token.',
    ],
    [
      'not zlib',
      '007' + Buffer.from('not zlib at all').toString('base64'),
      'This 007 token cannot be read. Its compressed content is damaged or cut short, so it cannot be unpacked; ' +
        'copy the whole token again.',
    ],
    [
      'a zip bomb',
      '007' + deflateSync(Buffer.alloc(200_000)).toString('base64'),
      'This 007 token cannot be read. ' +
        'Its compressed content unpacks to more than 65536 bytes, far more than any token holds.',
    ],
    [
      'content that ends early',
      '007' + deflateSync(Buffer.from([32, 0, 1, 2])).toString('base64'),
      "This 007 token cannot be read. The token's content ends early: the signature needs 32 bytes, found 2.",
    ],
    [
      '006 without an App ID',
      '006' + 'x'.repeat(40),
      'This 006 token cannot be read. ' +
        'A 006 token has its 32-character App ID right after "006", and these characters are not one.',
    ],
    [
      '006 content that ends early',
      '006' + TEST_APP_ID + 'AAAA',
      "This 006 token cannot be read. The token's content ends early: the channel checksum needs 4 bytes, found 1.",
    ],
  ])('%s', async (_label, input, reason) => {
    expect(await reasonFor(input)).toBe(reason);
  });

  it('a token cut short inside its compressed content', async () => {
    const cut = valid.slice(0, 3 + Math.floor((valid.length - 3) / 8) * 4);
    expect(await reasonFor(cut)).toMatch(
      new RegExp(
        '^This 007 token cannot be read\\. ' +
          "(Its compressed content is damaged or cut short|The token's content ends early)",
      ),
    );
  });

  it('ignores quotes around a pasted token, and says so', async () => {
    const result = await inspectToken(`"${valid}"`);
    expect(result).toMatchObject({
      ok: true,
      token: { version: '007', notes: ['The quotes around the token were ignored; send the token without them.'] },
    });
  });
});
