// Phones and small windows: no sideways scrolling, every toolbar action reachable (directly or under "More"),
// dialogs that fit with a reachable Close, a graph that keeps its room, and touch (tap selects, pinch zooms).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { BASE_URL, launch, nodePosition, openApp, waitForGraph } from './browser.mjs';

const shots = new URL('../../test-results/', import.meta.url);
mkdirSync(shots, { recursive: true });

const SIZES = [
  { width: 390, height: 844, phone: true },
  { width: 768, height: 1024, phone: false },
  { width: 1024, height: 700, phone: false },
  { width: 1440, height: 900, phone: false },
];
// The top bar's actions, by accessible name.
const ACTIONS = ['Import', 'Open link', 'Export', 'Indicators', /^Switch to (dark|light) theme$/];

/** Whether a locator's box lies wholly inside the viewport. */
async function inViewport(page, locator) {
  const box = await locator.boundingBox();
  const { width, height } = page.viewportSize();
  return Boolean(box && box.width > 0 && box.x >= 0 && box.y >= 0 && box.x + box.width <= width + 0.5 && box.y + box.height <= height + 0.5);
}

/** The action's button, shown: directly when the top bar has room for it, else after opening "More". */
async function reachAction(page, name) {
  const banner = page.getByRole('banner');
  const button = banner.getByRole('button', { name, exact: typeof name === 'string' });
  if ((await button.isVisible()) && (await inViewport(page, button))) return { button, via: 'toolbar' };
  const more = banner.getByRole('button', { name: /^More/ });
  assert.ok(await more.isVisible(), `${name} is neither in the top bar nor behind More`);
  if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
  await button.waitFor({ state: 'visible' });
  return { button, via: 'more' };
}

async function closeMore(page) {
  const more = page.getByRole('banner').getByRole('button', { name: /^More/ });
  if ((await more.isVisible()) && (await more.getAttribute('aria-expanded')) === 'true') await more.click();
}

describe('Phones and small windows', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  for (const size of SIZES) {
    test(`${size.width}×${size.height}: no sideways scroll, every action reachable, Import's Close on screen`, async () => {
      const { page, errors } = await openApp(browser, '', size);
      const overflow = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      assert.ok(overflow.scroll <= overflow.inner, `page is ${overflow.scroll} px wide in a ${overflow.inner} px window`);
      await page.screenshot({ path: new URL(`mobile-${size.width}x${size.height}.png`, shots).pathname });

      const vias = [];
      for (const name of ACTIONS) {
        const { button, via } = await reachAction(page, name);
        vias.push(via);
        assert.ok(await inViewport(page, button), `${name} is outside the viewport`);
        if (via === 'more') await page.screenshot({ path: new URL(`mobile-${size.width}x${size.height}-more.png`, shots).pathname });
        await closeMore(page);
      }
      // Wide windows show every action in the bar; narrow ones fold some under More.
      if (size.width >= 1440) assert.deepEqual(new Set(vias), new Set(['toolbar']));
      if (size.phone) assert.ok(vias.includes('more'));

      // The graph keeps at least half the height on a phone, and the search box is usable.
      const stage = await page.locator('.graph-stage').boundingBox();
      if (size.phone) assert.ok(stage.height >= size.height / 2, `graph is ${stage.height} px high`);
      const search = await page.locator('input[aria-label="Search"]').boundingBox();
      assert.ok(search.width >= 100, `search box is ${search.width} px wide`);

      // The Import dialog fits: its Close button is on screen and closes it.
      const { button: importButton } = await reachAction(page, 'Import');
      await importButton.click();
      const dialog = page.locator('dialog.import-dialog[open]');
      await dialog.waitFor();
      const close = dialog.getByRole('button', { name: 'Close', exact: true });
      assert.ok(await inViewport(page, close), 'the Import dialog’s Close button is off screen');
      const dialogBox = await dialog.boundingBox();
      assert.ok(dialogBox.x >= 0 && dialogBox.x + dialogBox.width <= size.width, 'the Import dialog is wider than the window');
      assert.ok(await dialog.evaluate((d) => d.scrollWidth <= d.clientWidth + 1), 'the Import dialog scrolls sideways');
      await page.screenshot({ path: new URL(`mobile-${size.width}x${size.height}-import.png`, shots).pathname });
      await close.click();
      await dialog.waitFor({ state: 'detached' }).catch(() => {});
      assert.equal(await page.locator('dialog.import-dialog[open]').count(), 0);

      // The table sheet fits, with its Close on screen.
      await page.getByRole('button', { name: 'Table' }).click();
      const table = page.getByRole('region', { name: 'Table of visible authors' });
      await table.waitFor();
      const tableClose = table.getByRole('button', { name: 'Close', exact: true });
      assert.ok(await inViewport(page, tableClose), 'the table’s Close button is off screen');
      const tableBox = await table.boundingBox();
      assert.ok(tableBox.x >= 0 && tableBox.x + tableBox.width <= size.width && tableBox.y >= 0 && tableBox.y + tableBox.height <= size.height);
      await page.screenshot({ path: new URL(`mobile-${size.width}x${size.height}-table.png`, shots).pathname });
      await tableClose.click();
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
      assert.deepEqual(errors.map(String), []);
      await page.close();
    });
  }

  test('1440×900: a notice floats over the workspace instead of pushing it down', async () => {
    const { page } = await openApp(browser, '?author=nobody%20at%20all', { width: 1440, height: 900 });
    const alert = page.getByRole('alert').filter({ hasText: 'No author' });
    await alert.waitFor();
    const header = await page.getByRole('banner').boundingBox();
    const workspace = await page.locator('main.workspace').boundingBox();
    assert.ok(Math.abs(workspace.y - (header.y + header.height)) <= 1, `workspace starts at ${workspace.y}, the top bar ends at ${header.y + header.height}`);
    const box = await alert.boundingBox();
    assert.ok(box.y >= workspace.y - 1 && box.x >= 0 && box.x + box.width <= 1440);
    // Over the graph, not over the lens bar (whose controls stay usable).
    const lenses = await page.getByRole('toolbar', { name: 'Lenses' }).boundingBox();
    assert.ok(box.y >= lenses.y + lenses.height - 1, 'the notice covers the lens bar');
    await page.screenshot({ path: new URL('mobile-1440x900-notice.png', shots).pathname });
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await alert.waitFor({ state: 'detached' });
    await page.close();
  });

  test('phone: the details sheet folds to its heading, opens on a tap on a node, and a tap selects the author', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(BASE_URL);
    await waitForGraph(page);
    const sheet = page.getByRole('complementary', { name: 'Details' });
    const handle = sheet.getByRole('button', { name: /details$/ });
    assert.equal(await handle.getAttribute('aria-expanded'), 'false');
    const folded = await sheet.boundingBox();
    assert.ok(folded.height < 844 / 6, `the folded sheet is ${folded.height} px high`);

    // A tap (touch events, not a mouse click) on Liang Luo selects him; the sheet opens on his panel.
    const { x, y } = await nodePosition(page, 'a:liang luo');
    await page.touchscreen.tap(x, y);
    await page.waitForURL(/author=liang(\+|%20)luo/);
    await sheet.getByRole('heading', { level: 2, name: 'Liang Luo' }).waitFor();
    assert.equal(await handle.getAttribute('aria-expanded'), 'true');
    const open = await sheet.boundingBox();
    assert.ok(open.height > folded.height && open.y + open.height <= 844);
    await page.screenshot({ path: new URL('mobile-390x844-tap-selected.png', shots).pathname });
    await handle.click();
    assert.equal(await handle.getAttribute('aria-expanded'), 'false');
    await context.close();
  });

  test('phone: two fingers pinching outwards zoom the graph in (sigma’s touch captor)', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(BASE_URL);
    await waitForGraph(page);
    const ratio = () => page.evaluate(() => window.__coauthorAtlas.sigma.getCamera().ratio);
    const before = await ratio();
    const stage = await page.locator('.graph-stage').boundingBox();
    const cx = stage.x + stage.width / 2;
    const cy = stage.y + stage.height / 2;
    const cdp = await context.newCDPSession(page);
    const touch = (type, d) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints:
          type === 'touchEnd'
            ? []
            : [
                { x: cx - d, y: cy, id: 1 },
                { x: cx + d, y: cy, id: 2 },
              ],
      });
    await touch('touchStart', 30);
    for (let d = 40; d <= 130; d += 15) await touch('touchMove', d);
    await touch('touchEnd', 0);
    await page.waitForTimeout(200);
    const afterPinch = await ratio();
    assert.ok(afterPinch < before * 0.7, `camera ratio ${before} → ${afterPinch}: no zoom in`);
    // The page itself did not zoom or scroll.
    assert.equal(await page.evaluate(() => (window.visualViewport?.scale ?? 1) === 1 && window.scrollX === 0), true);
    await context.close();
  });
});
