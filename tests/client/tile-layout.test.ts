import { describe, expect, it } from 'vitest';
import { chooseLayout, type LayoutInput } from '@/lib/client/layout';

const base: LayoutInput = {
  mode: 'grid',
  tiles: ['me', 'ada', 'bob'],
  screens: [],
  pinned: null,
  activeSpeaker: null,
  self: 'me',
};

describe('chooseLayout', () => {
  it('is a grid by default', () => {
    expect(chooseLayout(base)).toEqual({ kind: 'grid', tiles: ['me', 'ada', 'bob'] });
  });

  it('puts a shared screen on the stage, everyone else in the strip', () => {
    expect(chooseLayout({ ...base, tiles: ['me', 'ada', 'screen-ada', 'bob'], screens: ['screen-ada'] })).toEqual({
      kind: 'stage',
      main: 'screen-ada',
      strip: ['me', 'ada', 'bob'],
      reason: 'screen',
    });
  });

  it('a pinned tile wins over a screen; a pin of someone who left is forgotten', () => {
    expect(
      chooseLayout({ ...base, tiles: [...base.tiles, 'screen'], screens: ['screen'], pinned: 'bob' }),
    ).toMatchObject({ main: 'bob', reason: 'pinned' });
    expect(chooseLayout({ ...base, pinned: 'carol' })).toEqual({ kind: 'grid', tiles: base.tiles });
  });

  it('speaker view follows the active speaker, never putting you on your own stage', () => {
    expect(chooseLayout({ ...base, mode: 'speaker', activeSpeaker: 'bob' })).toEqual({
      kind: 'stage',
      main: 'bob',
      strip: ['me', 'ada'],
      reason: 'speaker',
    });
    expect(chooseLayout({ ...base, mode: 'speaker', activeSpeaker: 'me' })).toMatchObject({ main: 'ada' });
    expect(chooseLayout({ ...base, mode: 'speaker', activeSpeaker: null })).toMatchObject({ main: 'ada' });
    expect(chooseLayout({ ...base, mode: 'speaker', tiles: ['me'] })).toEqual({ kind: 'grid', tiles: ['me'] });
  });
});
