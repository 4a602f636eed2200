'use client';
// The RTC token through SWR, tuned for short-lived credentials.
import { useCallback } from 'react';
import useSWR from 'swr';
import { TokenFetchError } from '../call-problems';
import type { TokenGrant, Uid } from '../rtc-client';
import { fetchRtcToken, type TokenSourceConfig } from './token-client';

const MAX_RETRIES = 3;

/**
 * The RTC token for this channel and uid, fetched with SWR. Focus, reconnect and stale
 * revalidation are off (each would mint a token for nothing); 4xx answers are not retried.
 * `refresh()` always fetches a fresh token through SWR's mutate and throws when that fails.
 */
export function useRtcToken(config: TokenSourceConfig, channel: string, uid: Uid, enabled = true) {
  const key = enabled ? ['rtc-token', config.baseUrl, channel, uid, config.expirySeconds] : null;
  const { data, error, mutate, isLoading } = useSWR<TokenGrant, TokenFetchError>(
    key,
    () => fetchRtcToken(config, channel, uid),
    {
      revalidateOnFocus: false,
      revalidateOnReconnect: false,
      revalidateIfStale: false,
      dedupingInterval: 0,
      onErrorRetry: (err, _key, _config, revalidate, { retryCount }) => {
        if (err.status !== undefined && err.status < 500) return;
        if (retryCount > MAX_RETRIES) return;
        setTimeout(() => revalidate({ retryCount }), 1000 * 2 ** retryCount);
      },
    },
  );

  const refresh = useCallback(async (): Promise<TokenGrant> => {
    const fresh = await mutate(fetchRtcToken(config, channel, uid), { revalidate: false, rollbackOnError: true });
    if (!fresh) throw new TokenFetchError('No token was returned.');
    return fresh;
  }, [mutate, config, channel, uid]);

  return { grant: data, error, isLoading, refresh };
}
