// Joins with a deadline: offline, the Agora SDK's join never settles (it retries forever), so give
// up after `timeoutMs` and call leave(), which makes the pending join reject with OPERATION_ABORTED.
import { JoinTimeoutError } from './call-problems';
import { withDeadline } from '../shared/deadline';
import type { RtcClient, TokenGrant, Uid } from './engine/rtc';

export async function joinWithTimeout(
  client: RtcClient,
  channel: string,
  grant: TokenGrant,
  timeoutMs: number,
  service: JoinTimeoutError['service'] = 'agora',
): Promise<Uid | string> {
  const attempt = client.join(grant.appId, channel, grant.token, grant.uid);
  try {
    return await withDeadline(attempt, timeoutMs, () => new JoinTimeoutError(timeoutMs, service));
  } catch (error) {
    if (error instanceof JoinTimeoutError) {
      attempt.catch(() => undefined);
      await client.leave().catch(() => undefined);
    }
    throw error;
  }
}
