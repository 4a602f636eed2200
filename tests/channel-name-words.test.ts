import { describe, expect, it } from 'vitest';
import { usableChannelName } from '@/lib/client/channel-names';
import { readableSegment } from '@/lib/shared/path-segments';
import { channelNameProblem, characterCount, isChannelName } from '@/lib/shared/channel-name';
import { parseChannelName } from '@/lib/shared/validation';

describe('channel names, in words for the person typing', () => {
  it('counts characters as seen, not bytes', () => {
    expect(characterCount('غرفة الاجتماع')).toBe(13);
    expect(characterCount('café')).toBe(4);
    expect(characterCount('cafe\u0301')).toBe(4);
    expect(characterCount('👋🏽 hi')).toBe(4);
    expect(characterCount('team-sync')).toBe(9);
  });

  it('names the refused characters and says what to use, without a character table', () => {
    const problem = channelNameProblem('غرفة الاجتماع')!;
    expect(problem).toBe(
      'A channel name cannot contain "\u2068غ\u2069", "\u2068ر\u2069", "\u2068ف\u2069" and 7 other characters. ' +
        'Use English letters without accents, digits, spaces and simple symbols such as - _ . : ! ( ).',
    );
    expect(problem).not.toMatch(/U\+|a-z A-Z|!#\$%/);
    expect(channelNameProblem('café')).toBe(
      'A channel name cannot contain "\u2068é\u2069". ' +
        'Use English letters without accents, digits, spaces and simple symbols such as - _ . : ! ( ).',
    );
    expect(channelNameProblem('a\u00a0b')).toMatch(
      /^A channel name cannot contain an invisible or unusual space character\./,
    );
  });

  it('states the limit in characters, and agrees with the rule the server applies', () => {
    expect(channelNameProblem('a'.repeat(64))).toBeNull();
    expect(channelNameProblem('a'.repeat(65))).toBe('That is 65 characters; a channel name has at most 64.');
    expect(channelNameProblem('')).toBe('Type a channel name.');
    expect(channelNameProblem('..')).toMatch(/cannot be just "\.\."/);
    for (const name of ['ok', 'a'.repeat(65), 'café', '', '.', 'x y!', 'غ']) {
      expect(channelNameProblem(name) === null, name).toBe(parseChannelName(name).ok);
      expect(isChannelName(name), name).toBe(parseChannelName(name).ok);
    }
  });
});

describe('a usable name for one Agora refuses', () => {
  it('keeps what it can: accents dropped, other letters become "-"', () => {
    expect(usableChannelName('Café Müller')).toBe('Cafe Muller');
    expect(usableChannelName('Straße 5')).toBe('Strasse 5');
    expect(usableChannelName('team ☕ sync')).toBe('team - sync');
    expect(usableChannelName('x'.repeat(70))).toBe('x'.repeat(64));
  });

  it('offers nothing when nothing readable is left, so the page offers a random name', () => {
    expect(usableChannelName('غرفة الاجتماع')).toBeNull();
    expect(usableChannelName('会议室')).toBeNull();
    expect(usableChannelName('..')).toBeNull();
  });

  it('always offers a name the server accepts', () => {
    for (const typed of ['Café Müller', 'ÅÄÖ-möte', 'Ωmega 1', 'ä'.repeat(80), ' - é - ']) {
      const usable = usableChannelName(typed);
      if (usable !== null) expect(parseChannelName(usable).ok, `${typed} → ${usable}`).toBe(true);
    }
  });
});

describe('a damaged call link, read as far as it can be', () => {
  it('decodes the valid escapes and keeps the rest as typed', () => {
    expect(readableSegment('50%off')).toBe('50%off');
    expect(readableSegment('caf%C3%A9%zz')).toBe('café%zz');
    expect(readableSegment('a%zz')).toBe('a%zz');
    expect(readableSegment('%E2%82')).toBe('%E2%82');
  });
});
