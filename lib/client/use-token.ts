'use client';
// Tokens through SWR, tuned for short-lived credentials: focus, reconnect and stale revalidation
// are off (each would mint a token for nothing) and 4xx answers are not retried. `refresh()` always
// fetches a fresh token through SWR's mutate and throws when that fails.
import { useCallback, useMemo } from 'react';
import type { CallPageConfig } from '../shared/call-contract';
import useSWR, { useSWRConfig } from 'swr';
import { TokenFetchError } from './call-problems';
import type { TokenGrant, Uid } from './engine/rtc';
import type { TokenRole } from './client-role';
import type { SignalingGrant } from './presence/presence-session';
import { fetchRtcToken, fetchRtmToken, type TokenSourceConfig } from './token-client';

const MAX_RETRIES = 3;

/** Fetches a fresh token for `key` through SWR's mutate (so the cache holds it too); throws when that fails. */
function useFreshToken<T>() {
  const { mutate } = useSWRConfig();
  return useCallback(
    async (key: unknown[], fetchToken: () => Promise<T>): Promise<T> => {
      const fresh = await mutate<T>(key, fetchToken(), { revalidate: false, rollbackOnError: true });
      if (!fresh) throw new TokenFetchError('No token was returned.');
      return fresh;
    },
    [mutate],
  );
}

/** `enabled` fetches as soon as the hook runs; `refresh()` works either way (the screen share's
 * token is fetched only when sharing starts). */
function useToken<T>(key: unknown[], enabled: boolean, fetchToken: () => Promise<T>) {
  const { data, error, isLoading } = useSWR<T, TokenFetchError>(enabled ? key : null, fetchToken, {
    revalidateOnFocus: false,
    revalidateOnReconnect: false,
    revalidateIfStale: false,
    dedupingInterval: 0,
    onErrorRetry: (err, _key, _config, revalidate, { retryCount }) => {
      if (err.status !== undefined && err.status < 500) return;
      if (retryCount > MAX_RETRIES) return;
      setTimeout(() => revalidate({ retryCount }), 1000 * 2 ** retryCount);
    },
  });

  const refreshFor = useFreshToken<T>();
  const stableKey = JSON.stringify(key);
  const refresh = useCallback(
    () => refreshFor(JSON.parse(stableKey) as unknown[], fetchToken),
    [refreshFor, stableKey, fetchToken],
  );

  return { grant: data, error, isLoading, refresh };
}

/** Where and how this page fetches its tokens, from the page's configuration. */
export function useTokenSource(config: CallPageConfig, hostKey: string | null): TokenSourceConfig {
  const { tokenBaseUrl, fallbackAppId, tokenExpirySeconds, pageTicket } = config;
  return useMemo(
    () => ({ baseUrl: tokenBaseUrl, fallbackAppId, expirySeconds: tokenExpirySeconds, pageTicket, hostKey }),
    [tokenBaseUrl, fallbackAppId, tokenExpirySeconds, pageTicket, hostKey],
  );
}

/**
 * The RTC token for this channel and uid, for `role` (fetched while `enabled`); `refresh(role)`
 * fetches a fresh one for any role (going on or off a stage).
 */
export function useRtcToken(config: TokenSourceConfig, channel: string, uid: Uid, role: TokenRole, enabled = true) {
  const { baseUrl, expirySeconds } = config;
  const keyFor = useCallback(
    (wanted: TokenRole) => ['rtc-token', baseUrl, channel, uid, wanted, expirySeconds],
    [baseUrl, channel, uid, expirySeconds],
  );
  const fetchFor = useCallback(
    (wanted: TokenRole) => () => fetchRtcToken(config, channel, uid, wanted),
    [config, channel, uid],
  );
  const fetchCurrent = useMemo(() => fetchFor(role), [fetchFor, role]);
  const current = useToken<TokenGrant>(keyFor(role), enabled, fetchCurrent);
  const refreshFor = useFreshToken<TokenGrant>();
  const refresh = useCallback(
    (wanted: TokenRole = role) => refreshFor(keyFor(wanted), fetchFor(wanted)),
    [refreshFor, keyFor, fetchFor, role],
  );
  return { ...current, refresh };
}

/** The Signaling (RTM) token for this user id; fetched while `enabled`. */
export function useSignalingToken(config: TokenSourceConfig, userId: string, enabled: boolean) {
  const fetchToken = useCallback(() => fetchRtmToken(config, userId), [config, userId]);
  return useToken<SignalingGrant>(['rtm-token', config.baseUrl, userId, config.expirySeconds], enabled, fetchToken);
}
