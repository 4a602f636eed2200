'use client';
import { useRef, type ReactNode } from 'react';
import { tileGrid } from '@/lib/client/tile-grid';
import { useElementSize } from '@/lib/client/use-element-size';

const GAP = 12;

/** Lays the tiles out in the space it has: as large as fits, centred, never under the controls. */
export function TileStage({ tiles }: { tiles: { key: string; node: ReactNode }[] }) {
  const area = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(area);
  const grid = tileGrid(tiles.length, width, height, GAP);
  return (
    <div ref={area} className="h-full w-full overflow-hidden">
      <div
        className="grid h-full w-full content-center justify-center"
        style={{ gap: GAP, gridTemplateColumns: `repeat(${grid.columns}, ${grid.tileWidth}px)`, gridAutoRows: `${grid.tileHeight}px` }}
      >
        {tiles.map(({ key, node }) => <div key={key} className="min-h-0 min-w-0">{node}</div>)}
      </div>
    </div>
  );
}
