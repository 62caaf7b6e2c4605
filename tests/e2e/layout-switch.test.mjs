// The browser tests' layout switch (browser.mjs, ATLAS_E2E_LAYOUT_REDRAW_MS) only skips frames: the embedded profile
// settles at the same positions with it as without it, and the camera's focus on a selected author (which waits for
// the layout's end) lands at the same place, so the other suites test the layout users get.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE_URL, LAYOUT_REDRAW_MS, launch, waitForGraph } from './browser.mjs';

/** The settled layout, the camera and how many frames sigma drew, on a page opened at `path` with the switch at `ms` (0: off). */
async function settle(browser, path, ms) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // Page init scripts run after the context's (browser.mjs): this one decides.
  await page.addInitScript((v) => {
    window.__coauthorAtlasTest = { layoutRedrawMs: v };
  }, ms);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(new URL(path, BASE_URL).toString());
  await waitForGraph(page);
  const state = await page.evaluate(() => {
    const atlas = window.__coauthorAtlas;
    return {
      status: document.querySelector('.layout-status')?.textContent,
      frames: atlas.frames.length,
      camera: atlas.sigma.getCamera().getState(),
      selected: (() => {
        const p = atlas.sigma.framedGraphToViewport(atlas.sigma.getNodeDisplayData('a:liang luo'));
        const { width, height } = atlas.sigma.getDimensions();
        return p.x > 0 && p.x < width && p.y > 0 && p.y < height;
      })(),
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

  test('with and without it the profile settles at the same positions and the camera focuses the selected author alike; with it sigma draws far fewer frames', async () => {
    const off = await settle(browser, '?author=liang%20luo', 0);
    const on = await settle(browser, '?author=liang%20luo', 1000);
    assert.equal(off.status, 'Layout settled');
    assert.equal(on.status, 'Layout settled');
    assert.ok(Object.keys(off.positions).length > 500, `${Object.keys(off.positions).length} nodes`);
    assert.deepEqual(on.positions, off.positions);
    // The focus reads the drawn positions once the layout has ended: the selected author is on screen, at the same place.
    assert.equal(off.selected, true);
    assert.equal(on.selected, true);
    assert.deepEqual(on.camera, off.camera);
    // Without the switch every iteration is drawn (dozens of frames); with it, the first frame, the end and few between.
    assert.ok(off.frames > 30, `${off.frames} frames without the switch`);
    assert.ok(on.frames < off.frames / 3, `${on.frames} frames with the switch, ${off.frames} without`);
  });
});
