import { describe, expect, it } from 'vitest';
import {
  cleanRemoteMessage,
  cleanRemoteName,
  guestName,
  initials,
  parseChatDraft,
  parseDisplayName,
} from '@/lib/client/display-name';

describe('initials', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('Grace Brewster Murray Hopper')).toBe('GH');
    expect(initials('You')).toBe('Y');
    expect(initials('  josé  ')).toBe('J');
  });

  it('keeps whole characters: accents, emoji and other scripts', () => {
    expect(initials('Émile Zola')).toBe('ÉZ');
    expect(initials('🦊 Fox')).toBe('🦊F');
    expect(initials('👩‍💻 Dev')).toBe('👩‍💻D');
    expect(initials('محمد علي')).toBe('مع');
    expect(initials('山田 太郎')).toBe('山太');
  });

  it('has something to show for an empty name', () => {
    expect(initials('   ')).toBe('?');
  });
});

describe("the person's own name", () => {
  it('is trimmed, 1 to 64 characters of any script, emoji counting as one', () => {
    expect(parseDisplayName('  Ada  ')).toEqual({ ok: true, value: 'Ada' });
    expect(parseDisplayName('👩‍💻'.repeat(64))).toMatchObject({ ok: true });
    expect(parseDisplayName('محمد')).toMatchObject({ ok: true });
    expect(parseDisplayName('   ')).toEqual({ ok: false, error: 'Type your name (1 to 64 characters).' });
    expect(parseDisplayName('a'.repeat(65))).toEqual({
      ok: false,
      error: 'Your name is 65 characters long; the maximum is 64.',
    });
  });

  it('refuses invisible control characters, naming them', () => {
    expect(parseDisplayName('Ada\u202Eevil')).toEqual({
      ok: false,
      error: 'Your name contains an invisible control character (U+202E); remove it.',
    });
    expect(parseDisplayName('Ada\u0007')).toMatchObject({ ok: false });
  });
});

describe("others' names and messages (untrusted)", () => {
  it('strip control and bidi-override characters but keep emoji sequences and flags', () => {
    expect(cleanRemoteName('Mallory\u202E\u0000\u0007')).toBe('Mallory');
    expect(cleanRemoteName('👩‍💻 Dev 🏴󠁧󠁢󠁳󠁣󠁴󠁿')).toBe('👩‍💻 Dev 🏴󠁧󠁢󠁳󠁣󠁴󠁿');
    expect(cleanRemoteName('<b>html</b>')).toBe('<b>html</b>');
    expect(cleanRemoteName('\u202E\u200B')).toBeNull();
    expect(cleanRemoteName(42)).toBeNull();
  });

  it('cap length visibly instead of letting a long name or message take over the screen', () => {
    expect(cleanRemoteName('x'.repeat(200))).toBe(`${'x'.repeat(64)}…`);
    expect(cleanRemoteMessage('y'.repeat(600))).toBe(`${'y'.repeat(500)}…`);
    expect(cleanRemoteMessage('line one\nline two\u0000')).toBe('line one\nline two');
  });
});

describe('chat drafts', () => {
  it('are refused with a count when over the limit, never cut', () => {
    expect(parseChatDraft('  hello  ')).toEqual({ ok: true, value: 'hello', length: 5 });
    expect(parseChatDraft('z'.repeat(503))).toEqual({
      ok: false,
      error: '3 characters too long (the limit is 500).',
      length: 503,
    });
    expect(parseChatDraft('  ')).toMatchObject({ ok: false, error: 'Type a message.' });
  });
});

it('guests without a name yet are called by the end of their uid', () => {
  expect(guestName(2186395550)).toBe('Guest 5550');
});
