// Joins with a deadline: offline, the Agora SDK's join never settles (it retries forever), so give
// up after `timeoutMs` and call leave(), which makes the pending join reject with OPERATION_ABORTED.
import { JoinTimeoutError } from '../call-problems';
import type { RtcClient, TokenGrant, Uid } from '../rtc-client';

export async function joinWithTimeout(client: RtcClient, channel: string, grant: TokenGrant, timeoutMs: number): Promise<Uid | string> {
  const attempt = client.join(grant.appId, channel, grant.token, grant.uid);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new JoinTimeoutError(timeoutMs)), timeoutMs);
  });
  try {
    return await Promise.race([attempt, timeout]);
  } catch (error) {
    if (error instanceof JoinTimeoutError) {
      attempt.catch(() => undefined);
      await client.leave().catch(() => undefined);
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
