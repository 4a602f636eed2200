// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TokenDiagnosis } from '@/components/inspector/token-diagnosis';
import { describeCallProblem } from '@/lib/client/call-problems';
import type { TokenGrant } from '@/lib/client/engine/rtc';
import { mintRtcToken } from '@/lib/server/mint';
import { TEST_APP_ID, TEST_CREDENTIALS } from '../support/server-env';

// The call page's problem panel says what in the token did not match the refused join.

const credentials = TEST_CREDENTIALS;
const invalidToken = describeCallProblem(new Error('CAN_NOT_GET_GATEWAY_SERVER: invalid token, authorized failed'));
const tokenFor = (channel: string, uid: number) =>
  mintRtcToken(credentials, channel, { kind: 'uid', uid }, 'publisher', 600).token;
const grant = (overrides: Partial<TokenGrant>): TokenGrant => ({
  token: tokenFor('demo', 7),
  appId: TEST_APP_ID,
  uid: 7,
  channel: 'demo',
  expiresAt: null,
  ...overrides,
});

afterEach(cleanup);

describe('TokenDiagnosis', () => {
  it('names the channel mismatch in words and links to the inspector for this join', async () => {
    render(<TokenDiagnosis problem={invalidToken} grant={grant({ channel: 'demo2' })} />);
    expect(await screen.findByText(': the token is for channel "demo", not "demo2"')).toBeTruthy();
    expect(screen.getByText('Open the token inspector').getAttribute('href')).toBe('/inspect?channel=demo2&uid=7');
  });

  it('a pasted token for uid 12345 used with uid 0', async () => {
    render(<TokenDiagnosis problem={invalidToken} grant={grant({ token: tokenFor('demo', 12345), uid: 0 })} />);
    expect(
      await screen.findByText(/the token is for uid 12345, not uid 0: joining with uid 0 lets Agora assign a uid/),
    ).toBeTruthy();
  });

  it('when every claim matches, the signature is what Agora refused', async () => {
    render(<TokenDiagnosis problem={invalidToken} grant={grant({})} />);
    expect(
      await screen.findByText(/so Agora refused its signature: it was signed with a different App Certificate/),
    ).toBeTruthy();
  });

  it('an unreadable token says why; problems that are not about the token show nothing', async () => {
    render(<TokenDiagnosis problem={invalidToken} grant={grant({ token: '007abc' })} />);
    expect(await screen.findByText(/^The token cannot be read: This 007 token cannot be read\./)).toBeTruthy();
    cleanup();
    const { container } = render(
      <TokenDiagnosis problem={describeCallProblem(new Error('network down'))} grant={grant({ channel: 'demo2' })} />,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(container.textContent).toBe('');
  });
});
