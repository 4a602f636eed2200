import 'server-only';
// The token routes' logic: rate limit → credentials → validate → authorize → mint → answer.
// Paths and JSON keys follow Agora's Go token service.
import type { RtcTokenResponse } from '../shared/call-contract';
import { ApiError, valid } from './http/api-error';
import { pathSegments } from './http/route';
import { readJsonObject } from './http/json-body';
import { unknownApiPath } from './http/unknown-route';
import { authorizeTokenRequest, hasApiKey, type TokenScope } from './authorize';
import { signedInCaller } from './auth/api-caller';
import { tokenPolicy } from './settings';
import { getAgoraCredentials, type AgoraCredentials } from './credentials';
import { enforceRateLimit } from './rate-limit';
import { mintChatAppToken, mintChatUserToken, mintRtcToken, mintRtmToken, type Minted } from './mint';
import { roomGate, rtmRoomGate, type RtcTokenAsk } from './rooms/room-gate';
import {
  parseChannelName,
  parseChatUserId,
  parseExpiry,
  parseRole,
  parseRtcIdentity,
  parseRtmUserId,
  parseTokenType,
  type RtcIdentity,
} from '../shared/validation';

function expiryParam(url: URL, maxSeconds: number): number {
  const values = url.searchParams.getAll('expiry');
  if (values.length > 1) throw new ApiError('invalid_expiry', 'expiry is given more than once; give it at most once');
  return values[0] === undefined ? maxSeconds : valid(parseExpiry(values[0]));
}

/**
 * What every token route does first: rate limit, credentials, policy. Returns a function that
 * checks the parsed request against the policy (the single authorization point) and its expiry.
 */
async function admit(request: Request) {
  await enforceRateLimit('token', request);
  const credentials = getAgoraCredentials();
  const policy = tokenPolicy();
  const person = await signedInCaller(request, hasApiKey(request, policy.apiKeys));
  const authorize = (scope: TokenScope) => authorizeTokenRequest(request, scope, credentials, policy, person);
  /** Authorizes an RTC token, applies the room's rules (rooms/room-gate.ts) and mints it; `expiry` as minted. */
  const rtc = async (ask: RtcTokenAsk, identity: RtcIdentity) => {
    authorize({ service: 'rtc', ...ask });
    const { role, expiry, publishExpiry } = await roomGate(request, credentials, ask);
    const minted = mintRtcToken(credentials, ask.channel, identity, role, expiry, publishExpiry);
    return {
      minted,
      expiry,
      publish: minted.publishExpiresAt === undefined ? {} : { publishExpiresAt: minted.publishExpiresAt },
    };
  };
  /** Authorizes an RTM token, applies the room of the page ticket it is asked with, and mints it. */
  const rtm = async (userId: string, asked: number) => {
    authorize({ service: 'rtm', identity: userId, expiry: asked });
    const expiry = await rtmRoomGate(request, credentials, userId, asked);
    return { minted: mintRtmToken(credentials, userId, expiry), expiry };
  };
  return { credentials, authorize, rtc, rtm, defaultExpiry: policy.maxExpirySeconds };
}

/**
 * The path's segments after the service name. The routes are catch-alls (Next builds a regex per
 * request for a route with several named parameters, and the handler decodes the path itself
 * anyway), so the shape is checked here: any other count is the 404 that names the route.
 */
function routeSegments(request: Request, url: URL, counts: number[]): string[] {
  const [, ...segments] = pathSegments(url);
  if (!counts.includes(segments.length)) unknownApiPath(request, url);
  return segments;
}

const identityText = (identity: RtcIdentity) => (identity.kind === 'uid' ? String(identity.uid) : identity.account);

function identityFields(identity: RtcIdentity) {
  return identity.kind === 'uid' ? { uid: identity.uid } : { account: identity.account };
}

function common(credentials: AgoraCredentials, minted: Minted, expiry: number) {
  return { appId: credentials.appId, expiry, expiresAt: minted.expiresAt, mode: credentials.mode };
}

function rtcRequest(channelName: string, role: string, tokenType: string, uid: string) {
  const channel = valid(parseChannelName(channelName));
  const parsedRole = valid(parseRole(role));
  const identity = valid(parseRtcIdentity(valid(parseTokenType(tokenType)), uid));
  return { channel, role: parsedRole, identity };
}

/** GET /api/rtc/:channelName/:role/:tokentype/:uid/?expiry= */
export async function rtcToken(request: Request, url: URL) {
  const [channelName = '', role = '', tokenType = '', uid = ''] = routeSegments(request, url, [4]);
  const { credentials, rtc, defaultExpiry } = await admit(request);
  const { channel, role: parsedRole, identity } = rtcRequest(channelName, role, tokenType, uid);
  const asked = expiryParam(url, defaultExpiry);
  const { minted, publish, expiry } = await rtc(
    { channel, identity: identityText(identity), role: parsedRole, expiry: asked },
    identity,
  );
  return {
    rtcToken: minted.token,
    channel,
    ...identityFields(identity),
    role: parsedRole,
    ...common(credentials, minted, expiry),
    ...publish,
  } satisfies RtcTokenResponse;
}

/** GET /api/rte/:channelName/:role/:tokentype/:uid/[:rtmuid/]?expiry= */
export async function rteTokens(request: Request, url: URL) {
  const [channelName = '', role = '', tokenType = '', uid = '', rtmUid] = routeSegments(request, url, [4, 5]);
  const { credentials, authorize, rtc, defaultExpiry } = await admit(request);
  const { channel, role: parsedRole, identity } = rtcRequest(channelName, role, tokenType, uid);
  const rtmUserId = valid(parseRtmUserId(rtmUid ?? uid, rtmUid === undefined ? 'uid' : 'rtmuid'));
  const asked = expiryParam(url, defaultExpiry);
  authorize({ service: 'rtm', identity: rtmUserId, expiry: asked });
  const { minted, publish, expiry } = await rtc(
    { channel, identity: identityText(identity), role: parsedRole, expiry: asked },
    identity,
  );
  // The same person in the same room: the RTM token lasts as long as the RTC token the room allowed.
  const rtm = mintRtmToken(credentials, rtmUserId, expiry);
  return {
    rtcToken: minted.token,
    rtmToken: rtm.token,
    channel,
    ...identityFields(identity),
    rtmUid: rtmUserId,
    role: parsedRole,
    ...common(credentials, minted, expiry),
    ...publish,
  };
}

/** GET /api/rtm/:uid/?expiry= */
export async function rtmToken(request: Request, url: URL) {
  const { credentials, rtm, defaultExpiry } = await admit(request);
  const [, uid] = pathSegments(url);
  const userId = valid(parseRtmUserId(uid, 'uid'));
  const { minted, expiry } = await rtm(userId, expiryParam(url, defaultExpiry));
  return { rtmToken: minted.token, uid: userId, ...common(credentials, minted, expiry) };
}

/** GET /api/chat/app/?expiry= */
export async function chatAppToken(request: Request, url: URL) {
  const { credentials, authorize, defaultExpiry } = await admit(request);
  const expiry = expiryParam(url, defaultExpiry);
  authorize({ service: 'chat', expiry });
  const minted = mintChatAppToken(credentials, expiry);
  return { chatToken: minted.token, ...common(credentials, minted, expiry) };
}

/** GET /api/chat/account/:chatid/?expiry= */
export async function chatUserToken(request: Request, url: URL) {
  const { credentials, authorize, defaultExpiry } = await admit(request);
  const [, , chatId] = pathSegments(url);
  const userId = valid(parseChatUserId(chatId));
  const expiry = expiryParam(url, defaultExpiry);
  authorize({ service: 'chat', expiry });
  const minted = mintChatUserToken(credentials, userId, expiry);
  return { chatToken: minted.token, chatid: userId, ...common(credentials, minted, expiry) };
}

/** A JSON uid for RTC: a number or a string of digits is a numeric uid, other strings are accounts. */
function postedRtcIdentity(raw: unknown): RtcIdentity {
  if (raw === undefined || raw === null) throw new ApiError('invalid_uid', 'uid is required for an rtc token');
  const numeric = typeof raw === 'number' || (typeof raw === 'string' && /^[0-9]+$/.test(raw));
  return valid(parseRtcIdentity(numeric ? 'uid' : 'userAccount', raw));
}

function postedUserId(raw: unknown): unknown {
  return typeof raw === 'number' ? String(raw) : raw;
}

/** POST /api/token {"tokenType","channel","role","uid","expire"}, as the Go service's /getToken. */
export async function postedToken(request: Request) {
  const { credentials, authorize, rtc, rtm, defaultExpiry } = await admit(request);
  const body = await readJsonObject(request);
  const asked =
    body.expire === undefined || body.expire === null ? defaultExpiry : valid(parseExpiry(body.expire, 'expire'));
  switch (body.tokenType) {
    case 'rtc': {
      const channel = valid(parseChannelName(body.channel));
      const role = valid(parseRole(body.role));
      const identity = postedRtcIdentity(body.uid);
      const ask = { channel, identity: identityText(identity), role, expiry: asked };
      const { minted, publish, expiry } = await rtc(ask, identity);
      return {
        token: minted.token,
        tokenType: 'rtc',
        channel,
        ...identityFields(identity),
        role,
        ...common(credentials, minted, expiry),
        ...publish,
      };
    }
    case 'rtm': {
      const userId = valid(parseRtmUserId(postedUserId(body.uid), 'uid'));
      const { minted, expiry } = await rtm(userId, asked);
      return { token: minted.token, tokenType: 'rtm', uid: userId, ...common(credentials, minted, expiry) };
    }
    case 'chat': {
      const expiry = asked;
      authorize({ service: 'chat', expiry });
      if (body.uid === undefined || body.uid === null || body.uid === '') {
        const minted = mintChatAppToken(credentials, expiry);
        return { token: minted.token, tokenType: 'chat', ...common(credentials, minted, expiry) };
      }
      const userId = valid(parseChatUserId(postedUserId(body.uid), 'uid'));
      const minted = mintChatUserToken(credentials, userId, expiry);
      return { token: minted.token, tokenType: 'chat', uid: userId, ...common(credentials, minted, expiry) };
    }
    default: {
      const problem =
        body.tokenType === undefined ? 'is missing' : `"${String(body.tokenType).slice(0, 40)}" is not supported`;
      throw new ApiError('invalid_token_type', `tokenType ${problem}; use rtc, rtm or chat`);
    }
  }
}
