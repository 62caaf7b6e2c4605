// The browser tests' layout switch (browser.mjs, ATLAS_E2E_LAYOUT_REDRAW_MS) only skips frames: the embedded profile
// settles at the same positions with it as without it, so the other suites test the layout users get.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, LAYOUT_REDRAW_MS, launch, waitForGraph } from './browser.mjs';

/** The settled layout and how many frames sigma drew for it, on a page opened with the switch at `ms` (0: off). */
async function settle(browser, ms) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // Page init scripts run after the context's (browser.mjs): this one decides.
  await page.addInitScript((v) => {
    window.__coauthorAtlasTest = { layoutRedrawMs: v };
  }, ms);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(BASE_URL);
  await waitForGraph(page);
  const state = await page.evaluate(() => {
    const atlas = window.__coauthorAtlas;
    return {
      status: document.querySelector('.layout-status')?.textContent,
      frames: atlas.frames.length,
      positions: Object.fromEntries(atlas.sigma.getGraph().mapNodes((n, a) => [n, [a.x, a.y]])),
    };
  });
  assert.deepEqual(errors.map(String), []);
  await page.close();
  return state;
}

describe('Layout test switch', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('npm run test:e2e turns it on for every page of a launched browser', async () => {
    assert.ok(LAYOUT_REDRAW_MS > 0, 'run.mjs sets ATLAS_E2E_LAYOUT_REDRAW_MS');
    const page = await browser.newPage();
    await page.goto('about:blank');
    assert.deepEqual(await page.evaluate(() => window.__coauthorAtlasTest), { layoutRedrawMs: LAYOUT_REDRAW_MS });
    await page.close();
  });

  test('with and without it the embedded profile settles at the same positions; with it sigma draws far fewer frames', async () => {
    const off = await settle(browser, 0);
    const on = await settle(browser, 1000);
    assert.equal(off.status, 'Layout settled');
    assert.equal(on.status, 'Layout settled');
    assert.ok(Object.keys(off.positions).length > 500, `${Object.keys(off.positions).length} nodes`);
    assert.deepEqual(on.positions, off.positions);
    // Without the switch every iteration is drawn (dozens of frames); with it, the first frame, the end and few between.
    assert.ok(off.frames > 30, `${off.frames} frames without the switch`);
    assert.ok(on.frames < off.frames / 3, `${on.frames} frames with the switch, ${off.frames} without`);
  });
});
