import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { decodeAccessToken } from '@/lib/server/access-token';
import { localCertificate } from '@/lib/server/credentials';
import { issuePageTicket } from '@/lib/server/page-ticket';
import { setRateLimiterFactory } from '@/lib/server/rate-limit';
import { resetMemoryRoomStore } from '@/lib/server/rooms/memory-room-store';
import * as rooms from '@/app/api/rooms/route';
import * as health from '@/app/api/health/route';
import * as unknown from '@/app/api/[...path]/route';
import * as rte from '@/app/api/rte/[...segments]/route';
import * as postToken from '@/app/api/token/route';
import { act, as, call, readRoom, rtcToken, startRoom } from '../support/rooms-api';
import { TEST_APP_CERTIFICATE, TEST_APP_ID, withServerEnv } from '../support/server-env';

// The rooms API as a browser uses it (status + JSON), and what it changes about the tokens the
// token routes hand out: in a stage room only hosts and people on stage get publish privileges.

withServerEnv();
beforeEach(() => {
  resetMemoryRoomStore();
  setRateLimiterFactory((bucket, points) => new RateLimiterMemory({ keyPrefix: bucket, points, duration: 60 }));
});

const ticketFor = (uids: number[], channel = 'room') => issuePageTicket({ channel, uids }, localCertificate());
const AUDIENCE = ticketFor([11, 12]);
const HOST_TICKET = ticketFor([1, 2]);

/** A stage room started by the host: its key. */
async function stageRoom(channel = 'room') {
  const started = await startRoom({ channel, stage: true });
  expect(started.status).toBe(200);
  return started.body.hostKey as string;
}

describe('POST /api/rooms: starting a room', () => {
  it('the first to start a room is its host and gets the host key; the next joins as a guest', async () => {
    const first = await startRoom({ channel: 'room', stage: true });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.body).toEqual({
      channel: 'room',
      host: true,
      hostKey: expect.stringMatching(/^[\w-]{43}$/),
      stage: true,
    });
    expect(await startRoom({ channel: 'room', stage: false })).toMatchObject({
      status: 200,
      body: { channel: 'room', host: false, stage: true },
    });
    expect((await startRoom({ channel: 'another' })).body).toMatchObject({ host: true, stage: false });
  });

  it('refuses what is not a room request, each with its code', async () => {
    expect((await startRoom('nope')).body.code).toBe('invalid_json');
    expect(await startRoom({ channel: 'bad/name' })).toMatchObject({ status: 400, body: { code: 'invalid_channel' } });
    expect(await startRoom({ channel: 'room', stage: 'yes' })).toMatchObject({
      status: 400,
      body: { code: 'invalid_field', error: 'stage must be true or false' },
    });
    expect((await call(rooms.GET, '/api/rooms')).body.code).toBe('method_not_allowed');
    const deeper = await call(unknown.GET, '/api/rooms/room/extra');
    expect(deeper).toMatchObject({ status: 404, body: { code: 'unknown_route' } });
    expect(deeper.body.error).toContain('GET /api/rooms/:channel');
    vi.stubEnv('TOKEN_CHANNEL_PATTERN', 'team-[0-9]+');
    expect(await startRoom({ channel: 'room' })).toMatchObject({ status: 403, body: { code: 'channel_not_allowed' } });
  });

  it('is rate limited like the token routes', async () => {
    vi.stubEnv('RATE_LIMIT_TOKENS_PER_MINUTE', '2');
    const headers = { 'x-forwarded-for': '198.51.100.7' };
    expect((await startRoom({ channel: 'a' }, headers)).status).toBe(200);
    expect((await startRoom({ channel: 'b' }, headers)).status).toBe(200);
    expect(await startRoom({ channel: 'c' }, headers)).toMatchObject({ status: 429, body: { code: 'rate_limited' } });
  });

  it('on Vercel without REDIS_URL: 503 naming REDIS_URL, while tokens are served as before', async () => {
    vi.stubEnv('VERCEL', '1');
    vi.stubEnv('AGORA_APP_ID', TEST_APP_ID);
    vi.stubEnv('AGORA_APP_CERTIFICATE', TEST_APP_CERTIFICATE);
    const refused = await startRoom({ channel: 'room', stage: true });
    expect(refused).toMatchObject({ status: 503, body: { code: 'room_store_required' } });
    expect(refused.body.error).toContain('REDIS_URL');
    expect(await readRoom('room')).toMatchObject({ status: 503, body: { code: 'room_store_required' } });
    const token = await rtcToken('room', 'publisher', 5, { authorization: 'Bearer none' });
    expect(token.status).toBe(200);
    expect(token.body.publishExpiresAt).toBeUndefined();
    const report = await call(health.GET, '/api/health');
    expect(report.status).toBe(200);
    expect(report.body.rooms).toEqual({
      store: null,
      note: expect.stringContaining('set REDIS_URL'),
      audience: expect.stringContaining('co-host authentication'),
    });
  });
});

describe('GET /api/rooms/:channel: the room as the caller sees it', () => {
  it('a room nobody started: not hosted, no stage; the caller is a guest', async () => {
    const view = await readRoom('room', as(AUDIENCE));
    expect(view.status).toBe(200);
    expect(view.headers.get('cache-control')).toBe('no-store');
    expect(view.body).toEqual({
      channel: 'room',
      hosted: false,
      stage: false,
      hosts: [],
      onStage: [],
      invited: [],
      locked: false,
      waitingRoom: false,
      waiting: [],
      ended: false,
      muteAll: 0,
      you: { uid: 11, role: 'guest', invited: false, admission: 'in', requests: [] },
      store: 'memory',
    });
  });

  it('a host with its page ticket is listed among the hosts; the audience sees itself as audience', async () => {
    const key = await stageRoom();
    expect((await readRoom('room', as(HOST_TICKET, key))).body).toMatchObject({
      hosted: true,
      stage: true,
      hosts: [1],
      you: { uid: 1, role: 'host', invited: false },
    });
    expect((await readRoom('room', as(AUDIENCE))).body).toMatchObject({
      hosts: [1],
      you: { uid: 11, role: 'audience', invited: false },
    });
    // A ticket for another channel, or a host key of another room, counts for nothing here.
    expect((await readRoom('room', as(ticketFor([11], 'elsewhere'), 'x'.repeat(43)))).body.you).toEqual({
      uid: null,
      role: 'audience',
      invited: false,
      admission: 'in',
      requests: [],
    });
  });
});

describe('POST /api/rooms/:channel: hosts invite, people accept, the token route follows', () => {
  it('invite → accept → publisher token for STAGE_PUBLISH_SECONDS → moved to audience → refused again', async () => {
    // The token is joined for ROOM_JOIN_SECONDS.
    const key = await stageRoom();
    const asHost = as(HOST_TICKET, key);
    expect(await rtcToken('room', 'publisher', 11, as(AUDIENCE))).toMatchObject({
      status: 403,
      body: { code: 'not_on_stage', error: expect.stringContaining('ask for role subscriber') },
    });
    expect((await rtcToken('room', 'subscriber', 11, as(AUDIENCE))).status).toBe(200);

    const invited = await act('room', { action: 'invite', uid: 11 }, asHost);
    expect(invited).toMatchObject({ status: 200, body: { invited: [11], onStage: [], you: { role: 'host' } } });
    expect((await readRoom('room', as(AUDIENCE))).body.you).toMatchObject({ uid: 11, role: 'audience', invited: true });
    expect((await rtcToken('room', 'publisher', 11, as(AUDIENCE))).body.code).toBe('not_on_stage');

    const accepted = await act('room', { action: 'accept-invitation' }, as(AUDIENCE));
    expect(accepted.body).toMatchObject({
      onStage: [11],
      invited: [],
      you: { uid: 11, role: 'stage', invited: false },
    });
    for (const uid of [11, 12]) {
      const token = await rtcToken('room', 'publisher', uid, as(AUDIENCE));
      expect(token.status).toBe(200);
      // Asked for 600 s: in a hosted room a non-host joins for ROOM_JOIN_SECONDS (300) at most.
      expect(token.body.expiry).toBe(300);
      expect(token.body.publishExpiresAt).toBe(token.body.expiresAt - 300 + 120);
      expect(decodeAccessToken(token.body.rtcToken, localCertificate())!.rtc[0]!.privileges).toEqual({
        1: 300,
        2: 120,
        3: 120,
        4: 120,
      });
    }
    // Only the person's own uids: their ticket cannot promote someone else's.
    expect((await rtcToken('room', 'publisher', 13, as(AUDIENCE))).body.code).toBe('not_on_stage');

    const moved = await act('room', { action: 'move-to-audience', uid: 11 }, asHost);
    expect(moved.body).toMatchObject({ onStage: [], invited: [] });
    expect((await rtcToken('room', 'publisher', 11, as(AUDIENCE))).body.code).toBe('not_on_stage');
  });

  it('the host publishes for the whole token; STAGE_PUBLISH_SECONDS sets the stage time', async () => {
    vi.stubEnv('STAGE_PUBLISH_SECONDS', '300');
    vi.stubEnv('ROOM_JOIN_SECONDS', '600');
    const key = await stageRoom();
    const host = await rtcToken('room', 'publisher', 1, as(HOST_TICKET, key));
    expect(host.status).toBe(200);
    expect(host.body.publishExpiresAt).toBeUndefined();
    await act('room', { action: 'invite', uid: 11 }, as(null, key));
    await act('room', { action: 'accept-invitation' }, as(AUDIENCE));
    const staged = await rtcToken('room', 'publisher', 11, as(AUDIENCE));
    expect(staged.body.publishExpiresAt).toBe(staged.body.expiresAt - 600 + 300);
    vi.stubEnv('STAGE_PUBLISH_SECONDS', '30');
    expect(await rtcToken('room', 'publisher', 11, as(AUDIENCE))).toMatchObject({
      status: 503,
      body: {
        code: 'not_configured',
        error: 'STAGE_PUBLISH_SECONDS must be whole seconds from 40 to 86400; fix it on the server',
      },
    });
  });

  it('rte and POST /api/token follow the same rules, for user accounts too', async () => {
    await stageRoom();
    const rteRefused = await call(rte.GET, '/api/rte/room/publisher/userAccount/alice/');
    expect(rteRefused).toMatchObject({ status: 403, body: { code: 'not_on_stage' } });
    const posted = await call(postToken.POST, '/api/token', {
      method: 'POST',
      body: { tokenType: 'rtc', channel: 'room', role: 'publisher', uid: 11 },
      headers: as(AUDIENCE),
    });
    expect(posted).toMatchObject({ status: 403, body: { code: 'not_on_stage' } });
    expect((await call(rte.GET, '/api/rte/room/subscriber/userAccount/alice/')).status).toBe(200);
  });

  it('an API key holder (a trusted backend) gets publisher tokens in a stage room', async () => {
    vi.stubEnv('TOKEN_API_KEYS', 'backend-key');
    await stageRoom();
    const token = await rtcToken('room', 'publisher', 99, { authorization: 'Bearer backend-key' });
    expect(token.status).toBe(200);
    expect(token.body.publishExpiresAt).toBeUndefined();
  });

  it('declining drops the invitation; leaving the stage ends the publisher tokens', async () => {
    const key = await stageRoom();
    await act('room', { action: 'invite', uid: 11 }, as(null, key));
    expect((await act('room', { action: 'decline-invitation' }, as(AUDIENCE))).body).toMatchObject({
      invited: [],
      you: { role: 'audience', invited: false },
    });
    expect(await act('room', { action: 'accept-invitation' }, as(AUDIENCE))).toMatchObject({
      status: 409,
      body: { code: 'not_invited' },
    });
    await act('room', { action: 'invite', uid: 11 }, as(null, key));
    await act('room', { action: 'accept-invitation' }, as(AUDIENCE));
    expect((await act('room', { action: 'leave-stage' }, as(AUDIENCE))).body).toMatchObject({
      onStage: [],
      you: { role: 'audience' },
    });
    expect((await rtcToken('room', 'publisher', 11, as(AUDIENCE))).body.code).toBe('not_on_stage');
  });

  it('stage off: everyone publishes again, as in a room without a stage; stage on again: only hosts', async () => {
    const key = await stageRoom();
    const off = await act('room', { action: 'stage-off' }, as(null, key));
    expect(off.body).toMatchObject({ stage: false, you: { uid: null, role: 'host' } });
    expect((await readRoom('room', as(AUDIENCE))).body.you.role).toBe('guest');
    const token = await rtcToken('room', 'publisher', 11, as(AUDIENCE));
    expect(token.status).toBe(200);
    expect(token.body.publishExpiresAt).toBeUndefined();
    expect((await act('room', { action: 'stage-on' }, as(null, key))).body.stage).toBe(true);
    expect((await rtcToken('room', 'publisher', 11, as(AUDIENCE))).body.code).toBe('not_on_stage');
  });

  it('a host link on a room nobody started (or that expired) takes it over', async () => {
    const { body } = await startRoom({ channel: 'room' });
    resetMemoryRoomStore(); // as if the room expired
    const on = await act('room', { action: 'stage-on' }, as(HOST_TICKET, body.hostKey));
    expect(on.body).toMatchObject({ hosted: true, stage: true, hosts: [1], you: { role: 'host' } });
    expect((await startRoom({ channel: 'room' })).body.host).toBe(false);
  });

  it('self actions on a room nobody started: 409 not_invited, and the room is not created', async () => {
    for (const action of ['accept-invitation', 'decline-invitation', 'leave-stage']) {
      expect(await act('room', { action }, as(AUDIENCE))).toMatchObject({ status: 409, body: { code: 'not_invited' } });
    }
    expect((await readRoom('room')).body.hosted).toBe(false);
  });

  it('refusals: host actions without the key, self actions without a ticket, unknown actions, bad uids', async () => {
    const key = await stageRoom();
    const wrongKey = `${key.slice(0, 42)}${key.endsWith('A') ? 'B' : 'A'}`;
    for (const action of ['stage-on', 'stage-off', 'invite', 'move-to-audience']) {
      for (const headers of [as(AUDIENCE), as(AUDIENCE, wrongKey)]) {
        const refused = await act('room', { action, uid: 11 }, headers);
        expect(refused).toMatchObject({ status: 403, body: { code: 'host_key_invalid' } });
        expect(refused.body.error).toMatch(
          headers['x-host-key'] ? /^the host key sent is not this room's/ : /x-host-key/,
        );
      }
    }
    // Self actions act on the caller's own uid, which only a page ticket gives.
    for (const action of ['accept-invitation', 'decline-invitation', 'leave-stage']) {
      expect(await act('room', { action }, as(null, key))).toMatchObject({
        status: 409,
        body: { code: 'not_invited' },
      });
    }
    expect(await act('room', { action: 'promote-me' }, as(AUDIENCE))).toMatchObject({
      status: 400,
      body: {
        code: 'invalid_room_action',
        error:
          '"promote-me" is not a room action; use one of stage-on, stage-off, invite, move-to-audience, remove, ' +
          'end, lock, unlock, waiting-room-on, waiting-room-off, admit, deny, mute, ask-unmute, ask-camera, ' +
          'mute-everyone, accept-invitation, decline-invitation, leave-stage, knock',
      },
    });
    expect(await act('room', {}, as(AUDIENCE))).toMatchObject({ status: 400, body: { code: 'invalid_room_action' } });
    expect(await act('room', '[]', as(AUDIENCE))).toMatchObject({ status: 400, body: { code: 'invalid_json' } });
    for (const uid of [undefined, 0, -1, 'eleven', 2 ** 32]) {
      expect(await act('room', { action: 'invite', uid }, as(null, key))).toMatchObject({
        status: 400,
        body: { code: 'invalid_uid' },
      });
    }
    expect(await act('bad/name', { action: 'stage-on' }, as(null, key))).toMatchObject({
      status: 400,
      body: { code: 'invalid_channel' },
    });
    expect((await readRoom('room')).body).toMatchObject({ stage: true, onStage: [], invited: [] }); // nothing changed
  });
});
