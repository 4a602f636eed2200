// Sizes the video tiles so they fill the space they have: for n tiles in a w×h area, the number of
// columns that gives the largest tiles. Tiles stay between 4:3 and 16:9 in a landscape area (video
// shape; extra space centres them) and may grow to 3:4 portrait in a portrait area (phones), since
// the video inside is cropped to fill its tile.

export interface TileGrid {
  columns: number;
  rows: number;
  /** Pixels, whole numbers. */
  tileWidth: number;
  tileHeight: number;
}

const WIDEST = 16 / 9;

export function tileGrid(count: number, width: number, height: number, gap = 12): TileGrid {
  const tiles = Math.max(1, count);
  const narrowest = width >= height ? 4 / 3 : 3 / 4;
  let best: TileGrid & { area: number } = { columns: 1, rows: tiles, tileWidth: 0, tileHeight: 0, area: -1 };
  for (let columns = 1; columns <= tiles; columns++) {
    const rows = Math.ceil(tiles / columns);
    const cellWidth = (width - gap * (columns - 1)) / columns;
    const cellHeight = (height - gap * (rows - 1)) / rows;
    if (cellWidth <= 0 || cellHeight <= 0) continue;
    // The largest tile inside the cell whose shape stays within [narrowest, WIDEST].
    const shape = Math.min(WIDEST, Math.max(narrowest, cellWidth / cellHeight));
    const tileWidth = Math.min(cellWidth, cellHeight * shape);
    const tileHeight = tileWidth / shape;
    const area = tileWidth * tileHeight;
    if (area > best.area + 1) best = { columns, rows, tileWidth, tileHeight, area };
  }
  return {
    columns: best.columns,
    rows: best.rows,
    tileWidth: Math.floor(best.tileWidth),
    tileHeight: Math.floor(best.tileHeight),
  };
}

export interface TilePosition {
  left: number;
  top: number;
}

/**
 * Where each of `count` tiles sits (pixels from the area's top-left corner): row by row, the block
 * of rows centred in the area and every row centred on its own, so a short last row (three people
 * in a 2×2 grid) sits in the middle rather than at the left.
 */
export function tilePositions(count: number, grid: TileGrid, width: number, height: number, gap = 12): TilePosition[] {
  const { columns, tileWidth, tileHeight } = grid;
  const rows = Math.ceil(count / columns);
  const top = (height - (rows * tileHeight + (rows - 1) * gap)) / 2;
  return Array.from({ length: count }, (_, index) => {
    const row = Math.floor(index / columns);
    const inRow = Math.min(columns, count - row * columns);
    const left = (width - (inRow * tileWidth + (inRow - 1) * gap)) / 2;
    return {
      left: Math.floor(left + (index % columns) * (tileWidth + gap)),
      top: Math.floor(top + row * (tileHeight + gap)),
    };
  });
}
