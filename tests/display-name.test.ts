import { describe, expect, it } from 'vitest';
import { initials } from '@/lib/display-name';

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
