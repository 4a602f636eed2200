import { describe, expect, it } from 'vitest';
import { tileGrid, tilePositions } from '@/lib/client/tile-grid';

// Areas left for tiles between the header and the controls at the sizes the UI is checked at.
const DESKTOP = { width: 1248, height: 640 };
const PHONE = { width: 366, height: 640 };

describe('tileGrid', () => {
  it('puts two people side by side on a desktop, as large as fits, in video shape', () => {
    const grid = tileGrid(2, DESKTOP.width, DESKTOP.height);
    expect(grid).toMatchObject({ columns: 2, rows: 1 });
    expect(grid.tileWidth).toBe(618);
    expect(grid.tileWidth / grid.tileHeight).toBeCloseTo(4 / 3, 2);
    expect(grid.tileHeight).toBeLessThanOrEqual(DESKTOP.height);
  });

  it('stacks two people on a phone and lets them fill its height', () => {
    const grid = tileGrid(2, PHONE.width, PHONE.height);
    expect(grid).toMatchObject({ columns: 1, rows: 2, tileWidth: 366, tileHeight: 314 });
  });

  it('never overflows the area, whatever the count and size', () => {
    for (const [width, height] of [
      [1248, 640],
      [366, 640],
      [800, 300],
      [200, 900],
      [1920, 1000],
    ] as const) {
      for (let count = 1; count <= 12; count++) {
        const { columns, rows, tileWidth, tileHeight } = tileGrid(count, width, height);
        expect(columns * rows).toBeGreaterThanOrEqual(count);
        expect(columns * tileWidth + 12 * (columns - 1)).toBeLessThanOrEqual(width);
        expect(rows * tileHeight + 12 * (rows - 1)).toBeLessThanOrEqual(height);
        expect(tileWidth / tileHeight).toBeLessThanOrEqual(16 / 9 + 0.01);
      }
    }
  });

  it('uses a 2×2 grid for four people on a desktop and 3 columns for six', () => {
    expect(tileGrid(4, DESKTOP.width, DESKTOP.height)).toMatchObject({ columns: 2, rows: 2 });
    expect(tileGrid(6, DESKTOP.width, DESKTOP.height)).toMatchObject({ columns: 3, rows: 2 });
  });
});

describe('tilePositions', () => {
  it('centres a short last row: the third of three people sits in the middle, below the other two', () => {
    const grid = { columns: 2, rows: 2, tileWidth: 400, tileHeight: 300 };
    const [first, second, third] = tilePositions(3, grid, 1000, 700);
    // The rows' block is 300 + 12 + 300 = 612 high in 700: 44 above it.
    expect(first).toEqual({ left: 94, top: 44 });
    expect(second).toEqual({ left: 506, top: 44 });
    expect(third).toEqual({ left: 300, top: 356 });
    expect(third!.left + 400 / 2).toBe(1000 / 2);
  });

  it('full rows fill from the left edge of the centred block, and no tile leaves the area', () => {
    for (const [width, height] of [
      [1248, 640],
      [366, 640],
      [800, 300],
    ] as const) {
      for (let count = 1; count <= 12; count++) {
        const grid = tileGrid(count, width, height);
        const positions = tilePositions(count, grid, width, height);
        expect(positions).toHaveLength(count);
        for (const { left, top } of positions) {
          expect(left).toBeGreaterThanOrEqual(0);
          expect(top).toBeGreaterThanOrEqual(0);
          expect(left + grid.tileWidth).toBeLessThanOrEqual(width);
          expect(top + grid.tileHeight).toBeLessThanOrEqual(height);
        }
      }
    }
  });
});
