import { describe, expect, it } from 'vitest';
import {
  AGORA_SPECIAL_CHARACTERS,
  parseAppId,
  parseChannelName,
  parseChatUserId,
  parseExpiry,
  parsePastedToken,
  parseRole,
  parseRtcIdentity,
  parseRtmUserId,
  parseTokenType,
  parseUid,
  parseUserAccount,
} from '@/lib/shared/validation';

const errorOf = (parsed: { ok: boolean; error?: string }) => (parsed.ok ? undefined : parsed.error);

describe('channel names', () => {
  it('accepts 64 bytes and rejects 65, naming the limit', () => {
    expect(parseChannelName('a'.repeat(64))).toEqual({ ok: true, value: 'a'.repeat(64) });
    expect(errorOf(parseChannelName('a'.repeat(65)))).toBe('channelName is 65 bytes long; the maximum is 64');
  });

  it('accepts every allowed special character, space, letters and digits', () => {
    for (const character of [...AGORA_SPECIAL_CHARACTERS, ' ', 'a', 'Z', '0', '9']) {
      expect(parseChannelName(`x${character}y`)).toEqual({ ok: true, value: `x${character}y` });
    }
    expect(parseChannelName(AGORA_SPECIAL_CHARACTERS).ok).toBe(true);
  });

  it('rejects multi-byte UTF-8 and names the character', () => {
    expect(errorOf(parseChannelName('café'))).toMatch(
      /^channelName contains "é" \(U\+00E9\), which is not allowed; use a-z A-Z 0-9/,
    );
    expect(errorOf(parseChannelName('call📞'))).toMatch(/"📞" \(U\+1F4DE\)/);
    // 16 four-byte emoji are 64 bytes, but no emoji is allowed at all: the character error wins.
    expect(errorOf(parseChannelName('😀'.repeat(16)))).toMatch(/U\+1F600/);
  });

  it('rejects characters outside Agora set, including invisible ones by code point', () => {
    for (const bad of ['/', '\\', '"', "'", '*', '`', '\u0000', '\n', '\t', '\u00a0', '\u200b']) {
      const error = errorOf(parseChannelName(`a${bad}b`));
      expect(error, JSON.stringify(bad)).toMatch(/^channelName contains .*U\+[0-9A-F]{4}\)?, which is not allowed/);
    }
    expect(errorOf(parseChannelName('a\nb'))).toContain('contains U+000A,');
  });

  it('rejects "." and "..", which a link cannot carry as a path segment', () => {
    expect(errorOf(parseChannelName('..'))).toBe(
      'channelName cannot be "..", which links cannot carry; add another character',
    );
    expect(errorOf(parseChannelName('.'))).toMatch(/cannot be "."/);
    expect(parseChannelName('...').ok).toBe(true);
  });

  it('rejects empty and non-string input', () => {
    expect(errorOf(parseChannelName(''))).toBe('channelName is empty; it needs 1 to 64 characters');
    expect(errorOf(parseChannelName(42))).toBe('channelName must be a string');
    expect(errorOf(parseChannelName(undefined))).toBe('channelName must be a string');
  });
});

describe('uids', () => {
  it('accepts 0 and 4294967295, rejects 4294967296', () => {
    expect(parseUid('0')).toEqual({ ok: true, value: 0 });
    expect(parseUid('4294967295')).toEqual({ ok: true, value: 4294967295 });
    expect(errorOf(parseUid('4294967296'))).toBe('uid 4294967296 is too large; the maximum is 4294967295');
    expect(errorOf(parseUid('99999999999999999999999'))).toMatch(/too large/);
  });

  it.each(['-1', '+1', '1.5', '1e3', '0x10', '0b1', '007', ' 1', '1 ', '١', 'abc', '1_000'])(
    'rejects %j as not a plain decimal integer',
    (raw) => {
      expect(errorOf(parseUid(raw))).toMatch(/is not a plain decimal integer; use 0 to 4294967295/);
    },
  );

  it('checks JSON numbers for range and wholeness', () => {
    expect(parseUid(12)).toEqual({ ok: true, value: 12 });
    expect(errorOf(parseUid(-1))).toMatch(/out of range/);
    expect(errorOf(parseUid(1.5))).toMatch(/out of range/);
    expect(errorOf(parseUid(4294967296))).toMatch(/out of range/);
    expect(errorOf(parseUid(''))).toMatch(/uid is empty/);
  });
});

describe('roles and token types', () => {
  it.each([
    ['publisher', 'publisher'],
    ['1', 'publisher'],
    ['subscriber', 'subscriber'],
    ['2', 'subscriber'],
  ])('maps %s to %s', (raw, role) => {
    expect(parseRole(raw)).toEqual({ ok: true, value: role });
  });

  it.each(['Publisher', 'PUBLISHER', 'admin', '0', '3', '', 'attendee', 'audience', 'host'])(
    'rejects role %j instead of falling back to subscriber',
    (raw) => {
      expect(errorOf(parseRole(raw))).toBe(`role "${raw}" is not supported; use publisher (or 1) or subscriber (or 2)`);
    },
  );

  it('accepts uid and userAccount only', () => {
    expect(parseTokenType('uid')).toEqual({ ok: true, value: 'uid' });
    expect(parseTokenType('userAccount')).toEqual({ ok: true, value: 'userAccount' });
    for (const raw of ['UID', 'useraccount', 'account', 'user', '']) {
      expect(errorOf(parseTokenType(raw))).toBe(`tokentype "${raw}" is not supported; use uid or userAccount`);
    }
  });

  it('binds the identity to the token type', () => {
    expect(parseRtcIdentity('uid', '42')).toEqual({ ok: true, value: { kind: 'uid', uid: 42 } });
    expect(parseRtcIdentity('userAccount', '42')).toEqual({ ok: true, value: { kind: 'userAccount', account: '42' } });
    expect(errorOf(parseRtcIdentity('uid', 'alice'))).toMatch(/^uid "alice" is not a plain decimal integer/);
  });
});

describe('user accounts', () => {
  it('accepts 255 bytes, rejects 256, without truncating', () => {
    expect(parseUserAccount('b'.repeat(255))).toEqual({ ok: true, value: 'b'.repeat(255) });
    expect(errorOf(parseUserAccount('b'.repeat(256)))).toBe('userAccount is 256 bytes long; the maximum is 255');
    expect(errorOf(parseUserAccount('ünïcode'))).toMatch(/userAccount contains "ü"/);
  });
});

describe('expiry', () => {
  it('defaults to 24 h and accepts 1 and 86400', () => {
    expect(parseExpiry(undefined)).toEqual({ ok: true, value: 86400 });
    expect(parseExpiry('1')).toEqual({ ok: true, value: 1 });
    expect(parseExpiry('86400')).toEqual({ ok: true, value: 86400 });
    expect(parseExpiry(600)).toEqual({ ok: true, value: 600 });
  });

  it('rejects 0, 86401, huge, negative, fractional and non-numeric values', () => {
    expect(errorOf(parseExpiry('0'))).toBe('expiry 0 is out of range; use whole seconds from 1 to 86400');
    expect(errorOf(parseExpiry('86401'))).toBe('expiry 86401 is out of range; use whole seconds from 1 to 86400');
    expect(errorOf(parseExpiry('99999999999999999999'))).toMatch(/out of range/);
    for (const raw of ['-5', '1.5', 'abc', '', '1e3', '0x10', ' 60']) {
      expect(errorOf(parseExpiry(raw)), raw).toMatch(/is not a number; use whole seconds from 1 to 86400/);
    }
    expect(errorOf(parseExpiry(1.5, 'expire'))).toBe('expire 1.5 is not whole; use whole seconds from 1 to 86400');
    expect(errorOf(parseExpiry(true))).toMatch(/is not a number/);
  });
});

describe('rtm and chat ids', () => {
  it('limits RTM user ids to 64 bytes', () => {
    expect(parseRtmUserId('r'.repeat(64)).ok).toBe(true);
    expect(errorOf(parseRtmUserId('r'.repeat(65), 'uid'))).toBe('uid is 65 bytes long; the maximum is 64');
  });

  it('limits chat ids to 64 letters, digits, _ - .', () => {
    expect(parseChatUserId('user_1.a-b').ok).toBe(true);
    expect(errorOf(parseChatUserId('c'.repeat(65)))).toMatch(/chatid .* is not valid; use 1 to 64 characters/);
    expect(errorOf(parseChatUserId('a b'))).toMatch(/is not valid/);
    expect(errorOf(parseChatUserId(''))).toMatch(/chatid is empty/);
  });
});

describe('pasted Agora Console credentials', () => {
  it('App IDs are 32 hex characters, trimmed', () => {
    expect(parseAppId(' 970CA35DE60C44645BBAE8A215061B33 ')).toEqual({
      ok: true,
      value: '970CA35DE60C44645BBAE8A215061B33',
    });
    for (const bad of ['', 'not-an-app-id', 'g'.repeat(32), 'a'.repeat(31), 'a'.repeat(33), 42]) {
      expect(errorOf(parseAppId(bad))).toBe('The App ID is 32 hexadecimal characters (Agora Console → your project).');
    }
  });

  it('tokens start with 007 (AccessToken2) or 006 and are base64 text', () => {
    expect(parsePastedToken(` 007${'eJxT'.repeat(10)} `)).toEqual({ ok: true, value: `007${'eJxT'.repeat(10)}` });
    expect(parsePastedToken(`006${'a'.repeat(40)}`).ok).toBe(true);
    for (const bad of ['', '007', '008aaaaaaaaaaaaaaaaaaaaaaa', `007${'a'.repeat(20)} trailing words`, null]) {
      expect(errorOf(parsePastedToken(bad)), String(bad)).toBe(
        'Paste a temporary token from Agora Console; it starts with 007 or 006.',
      );
    }
  });
});
