// Which tile gets the stage: a pinned tile, else a shared screen, else (in speaker view) whoever is
// speaking; everything else goes to the strip. Without any of these, the grid.

export type LayoutMode = 'grid' | 'speaker';

export type Layout =
  | { kind: 'grid'; tiles: string[] }
  | { kind: 'stage'; main: string; strip: string[]; reason: 'pinned' | 'screen' | 'speaker' };

export interface LayoutInput {
  mode: LayoutMode;
  /** Every tile's key, in display order (you first). */
  tiles: string[];
  /** Keys of the tiles that are shared screens. */
  screens: string[];
  /** The tile the person pinned, if any. */
  pinned: string | null;
  /** The loudest speaker lately (never yourself), if any. */
  activeSpeaker: string | null;
  /** Your own tile's key: speaker view never puts you on your own stage. */
  self: string;
}

export function chooseLayout({ mode, tiles, screens, pinned, activeSpeaker, self }: LayoutInput): Layout {
  const stage = (main: string, reason: 'pinned' | 'screen' | 'speaker'): Layout => ({
    kind: 'stage',
    main,
    strip: tiles.filter((key) => key !== main),
    reason,
  });
  if (pinned && tiles.includes(pinned)) return stage(pinned, 'pinned');
  const screen = screens.find((key) => tiles.includes(key));
  if (screen) return stage(screen, 'screen');
  if (mode === 'speaker') {
    const others = tiles.filter((key) => key !== self && !screens.includes(key));
    const speaker = activeSpeaker && others.includes(activeSpeaker) ? activeSpeaker : others[0];
    if (speaker) return stage(speaker, 'speaker');
  }
  return { kind: 'grid', tiles };
}
