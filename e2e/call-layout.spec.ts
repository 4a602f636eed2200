import type { Locator, Page } from '@playwright/test';
import {
  adaAndBob,
  expectTileNames,
  joinThroughUi,
  localTile,
  openPanel,
  openParticipant,
  remoteTiles,
} from './support/call-page';
import { expect, test } from './support/fixtures';

// How the call's tiles sit on the screen, as a person sees them: rings and borders whole at the
// stage's edges, a short last row centred, the chat covering the tiles on a phone.

// Tailwind's emerald-400, the speaking ring, as Chromium paints it.
const RING = { r: 0, g: 212, b: 146 };

/**
 * Which sides of `tile` show the speaking ring: a screenshot of the tile and a few pixels around it,
 * searched along the middle of each side, 6 px either side of the tile's edge.
 */
async function ringSides(page: Page, tile: Locator) {
  const box = (await tile.boundingBox())!;
  const viewport = page.viewportSize()!;
  const x = Math.max(0, Math.floor(box.x) - 6);
  const y = Math.max(0, Math.floor(box.y) - 6);
  const clip = {
    x,
    y,
    width: Math.min(viewport.width, Math.ceil(box.x + box.width) + 6) - x,
    height: Math.min(viewport.height, Math.ceil(box.y + box.height) + 6) - y,
  };
  const png = (await page.screenshot({ clip })).toString('base64');
  const edges = { left: box.x - x, top: box.y - y, right: box.x + box.width - x, bottom: box.y + box.height - y };
  return page.evaluate(
    async ({ png, edges, ring }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const isRing = (x: number, y: number) => {
        const [r, g, b] = context.getImageData(Math.round(x), Math.round(y), 1, 1).data;
        return Math.abs(r! - ring.r) < 40 && Math.abs(g! - ring.g) < 40 && Math.abs(b! - ring.b) < 40;
      };
      const across = (at: (offset: number) => [number, number]) =>
        Array.from({ length: 12 }, (_, index) => at(index - 6)).some(
          ([x, y]) => x >= 0 && y >= 0 && x < image.width && y < image.height && isRing(x, y),
        );
      const midX = (edges.left + edges.right) / 2;
      const midY = (edges.top + edges.bottom) / 2;
      return {
        top: across((offset) => [midX, edges.top + offset]),
        right: across((offset) => [edges.right + offset, midY]),
        bottom: across((offset) => [midX, edges.bottom + offset]),
        left: across((offset) => [edges.left + offset, midY]),
      };
    },
    { png, edges, ring: RING },
  );
}

/** The colours (r, g, b) of the page's pixels at viewport points, from a screenshot. */
async function colorsAt(page: Page, points: [number, number][]) {
  const png = (await page.screenshot()).toString('base64');
  return page.evaluate(
    async ({ png, points }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const context = new OffscreenCanvas(image.width, image.height).getContext('2d')!;
      context.drawImage(image, 0, 0);
      return points.map(([x, y]) => [...context.getImageData(Math.round(x), Math.round(y), 1, 1).data.slice(0, 3)]);
    },
    { png, points },
  );
}

test('the speaking ring shows whole on every side of a tile, even one at the edge of the stage', async ({
  browser,
  baseURL,
}) => {
  const { ada, bob } = await adaAndBob(browser, baseURL!, 'ring');
  await bob.setViewportSize({ width: 1280, height: 800 });
  // Camera off: the ring is looked for against the plain tile, not against video.
  await ada.getByRole('button', { name: 'Turn camera off' }).click();
  const adaOnBob = remoteTiles(bob);
  await expect(adaOnBob.getByText('A', { exact: true }), 'her initial, in place of her video').toBeVisible({
    timeout: 10_000,
  });
  // Side by side on a desktop, Ada's tile (the second) reaches the stage's right edge.
  const [stage, tile] = [
    (await bob.getByRole('region', { name: 'Participants' }).boundingBox())!,
    (await adaOnBob.boundingBox())!,
  ];
  expect(Math.round(tile.x + tile.width)).toBe(Math.round(stage.x + stage.width));
  // Her fake microphone beeps on and off: at some moment she is speaking, and then all four sides show.
  await expect
    .poll(() => ringSides(bob, adaOnBob), { timeout: 20_000, intervals: [100] })
    .toEqual({ top: true, right: true, bottom: true, left: true });
  for (const page of [ada, bob]) await page.context().close();
});

test('three people: the third tile is centred under the other two', async ({ browser, baseURL }) => {
  const { ada, bob, channel } = await adaAndBob(browser, baseURL!, 'three');
  const carol = await openParticipant(browser, baseURL!);
  await carol.setViewportSize({ width: 1280, height: 800 });
  await joinThroughUi(carol, channel, 'Carol');
  await expectTileNames(remoteTiles(carol), ['Ada', 'Bob'], { timeout: 15_000 });

  const stage = (await carol.getByRole('region', { name: 'Participants' }).boundingBox())!;
  const [you, first, last] = [
    (await localTile(carol).boundingBox())!,
    (await remoteTiles(carol).nth(0).boundingBox())!,
    (await remoteTiles(carol).nth(1).boundingBox())!,
  ];
  expect(you.y, 'two in the first row').toBe(first.y);
  expect(last.y, 'the third below them').toBeGreaterThan(you.y + you.height);
  expect(Math.abs(last.x + last.width / 2 - (stage.x + stage.width / 2)), 'the last row centred').toBeLessThanOrEqual(
    1,
  );
  for (const page of [ada, bob, carol]) await page.context().close();
});

test('on a phone the chat covers the tiles completely, corners included', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await joinThroughUi(page, `phone-chat-${Date.now()}`, 'Ada');
  const chat = await openPanel(page, 'Chat');
  const box = (await chat.boundingBox())!;
  const stage = (await page.getByRole('region', { name: 'Participants' }).boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(stage.width);
  expect(box.height).toBeGreaterThanOrEqual(stage.height);
  // One pixel inside each corner the chat's own background shows, the same as beside its messages:
  // no rounded corner lets a tile (or the page) show through.
  const corners: [number, number][] = [
    [box.x + 1, box.y + 1],
    [box.x + box.width - 2, box.y + 1],
    [box.x + 1, box.y + box.height - 2],
    [box.x + box.width - 2, box.y + box.height - 2],
  ];
  const [background, ...atCorners] = await colorsAt(page, [[box.x + 6, box.y + box.height / 2], ...corners]);
  expect(atCorners).toEqual([background, background, background, background]);
});
