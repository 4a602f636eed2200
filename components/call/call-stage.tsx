'use client';
import { useRef, type ReactNode } from 'react';
import type { Layout } from '@/lib/client/layout';
import { useElementSize } from '@/lib/client/use-element-size';
import { TileStage } from './tile-stage';

/**
 * The tiles in the chosen layout: a grid, or one tile on a large stage with the others in a strip
 * beside it (wide screens) or below it (phones). The strip scrolls when it is long.
 */
export function CallStage({ layout, tile }: { layout: Layout; tile: (key: string) => ReactNode }) {
  const area = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(area);
  const wide = width >= height;
  return (
    <div ref={area} className="h-full w-full">
      {layout.kind === 'grid' ? (
        <TileStage tiles={layout.tiles.map((key) => ({ key, node: tile(key) }))} />
      ) : (
        <Stage layout={layout} wide={wide} tile={tile} />
      )}
    </div>
  );
}

/** What the stage shows, for screen readers: why this tile is large. */
const STAGE_NAMES = {
  pinned: 'Stage: pinned tile',
  screen: 'Stage: shared screen',
  speaker: 'Stage: active speaker',
} as const;

function Stage({
  layout,
  wide,
  tile,
}: {
  layout: Extract<Layout, { kind: 'stage' }>;
  wide: boolean;
  tile: (key: string) => ReactNode;
}) {
  return (
    <section
      aria-label={STAGE_NAMES[layout.reason]}
      className={`flex h-full w-full gap-3 ${wide ? 'flex-row' : 'flex-col'}`}
    >
      <div className="min-h-0 min-w-0 flex-1">{tile(layout.main)}</div>
      {layout.strip.length > 0 && (
        <ul
          aria-label="Others in the call"
          className={`flex shrink-0 gap-3 ${
            wide ? 'w-44 flex-col overflow-y-auto lg:w-56' : 'h-28 flex-row overflow-x-auto'
          }`}
        >
          {layout.strip.map((key) => (
            <li key={key} className={`shrink-0 ${wide ? 'aspect-video w-full' : 'aspect-video h-full'}`}>
              {tile(key)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
