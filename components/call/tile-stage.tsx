'use client';
import { useRef, type ReactNode } from 'react';
import { tileGrid, tilePositions } from '@/lib/client/tile-grid';
import { useElementSize } from '@/lib/client/use-element-size';

const GAP = 12;

/** Lays the tiles out in the space it has: as large as fits, centred row by row, never under the controls. */
export function TileStage({ tiles }: { tiles: { key: string; node: ReactNode }[] }) {
  const area = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(area);
  const grid = tileGrid(tiles.length, width, height, GAP);
  const positions = tilePositions(tiles.length, grid, width, height, GAP);
  return (
    <div ref={area} className="relative h-full w-full overflow-hidden">
      {tiles.map(({ key, node }, index) => (
        <div
          key={key}
          className="absolute"
          style={{ ...positions[index], width: grid.tileWidth, height: grid.tileHeight }}
        >
          {node}
        </div>
      ))}
    </div>
  );
}
