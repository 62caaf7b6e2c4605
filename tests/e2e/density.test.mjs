// The density view on the embedded profile: the Network / Density switch (keyboard too), a heat picture drawn from
// the nodes (pixels read back), brightest where the nodes are, labels of the biggest nodes, the view in the URL,
// PNG and SVG exports that carry the picture, dark mode, and the way back to the network.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { launch, openApp } from './browser.mjs';

const RESULTS = 'test-results';
const switchGroup = (page) => page.getByRole('group', { name: 'View' });
const exportButton = (page) => page.getByRole('button', { name: 'Export', exact: true });

/** Distinct colours (RGB, quantised to 8 levels a channel) and the share of viridis's dark end in RGBA bytes. */
function heatStats(data) {
  const colours = new Set();
  let dark = 0,
    bright = 0;
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
    colours.add(((r >> 5) << 6) | ((g >> 5) << 3) | (b >> 5));
    // viridis: 0 → #440154 (dark violet), 1 → #fde725 (yellow).
    if (r < 90 && g < 40 && b > 60) dark++;
    if (r > 150 && g > 180 && b < 120) bright++;
  }
  const n = data.length / 4;
  return { colours: colours.size, dark: dark / n, bright: bright / n };
}

/** The density canvas's pixels and the brightness (luminance) at some CSS points. */
const canvasPixels = (page, points = []) =>
  page
    .evaluate((pts) => {
      const c = document.querySelector('canvas.density-layer');
      if (!c || !c.width) return null;
      const ctx = c.getContext('2d');
      const { data } = ctx.getImageData(0, 0, c.width, c.height);
      const scale = c.width / c.getBoundingClientRect().width;
      const lum = (x, y) => {
        const i = (Math.round(y * scale) * c.width + Math.round(x * scale)) * 4;
        return 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
      };
      const all = [];
      for (let i = 0; i < data.length; i += 4 * 97) all.push(0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2]);
      all.sort((a, b) => a - b);
      // The bytes travel as base64 (a few MB), not as a JSON array of millions of numbers.
      let binary = '';
      for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
      return { base64: btoa(binary), median: all[all.length >> 1], at: pts.map(([x, y]) => lum(x, y)), label: c.getAttribute('aria-label') };
    }, points)
    .then((px) => px && { ...px, data: Buffer.from(px.base64, 'base64') });

/** Waits until the density canvas has painted a frame and no new one came for half a second. */
async function settledPicture(page) {
  await page.waitForSelector('canvas.density-layer[data-painted]');
  let last = null;
  for (let i = 0; i < 40; i++) {
    const now = await page.locator('canvas.density-layer').getAttribute('data-painted');
    if (now === last) return;
    last = now;
    await page.waitForTimeout(500);
  }
}

/** The biggest visible author node, in CSS pixels of the stage. */
const biggestNode = (page) =>
  page.evaluate(() => {
    const s = window.__coauthorAtlas.sigma;
    let best = null;
    s.getGraph().forEachNode((n, a) => {
      const d = s.getNodeDisplayData(n);
      if (a.kind !== 'author' || !d || d.hidden) return;
      if (!best || d.size > best.size) best = { node: n, label: a.label, size: d.size, ...s.framedGraphToViewport(d) };
    });
    return best;
  });

describe('Density view', () => {
  let browser, page, errors;
  before(async () => {
    mkdirSync(RESULTS, { recursive: true });
    browser = await launch();
    ({ page, errors } = await openApp(browser));
  });
  after(async () => {
    await browser?.close();
  });

  test('Density (from the keyboard) draws a heat picture of the nodes, with the biggest labelled', async () => {
    const density = switchGroup(page).getByRole('button', { name: 'Density' });
    assert.equal(await density.getAttribute('aria-pressed'), 'false');
    await density.focus();
    await page.keyboard.press('Enter');
    assert.equal(await density.getAttribute('aria-pressed'), 'true');
    await settledPicture(page);
    assert.match(page.url(), /[?&]view=density\b/);
    const big = await biggestNode(page);
    // Just above and below the node: its own label covers its centre.
    const px = await canvasPixels(page, [
      [big.x, big.y - 15],
      [big.x, big.y + 15],
    ]);
    const stats = heatStats(px.data);
    assert.ok(stats.colours > 20, `a ramp of colours, not a blank: ${stats.colours}`);
    assert.ok(stats.dark > 0.05, `empty space is the ramp's dark end: ${stats.dark}`);
    assert.ok(stats.bright > 0.0005, `dense places reach its bright end: ${stats.bright}`);
    assert.ok(Math.min(...px.at) > px.median, `the biggest node (${big.label}) sits on warmer ground (${px.at}) than the median (${px.median})`);
    assert.ok(px.label.includes(big.label), `its label is drawn: ${px.label}`);
    await page.screenshot({ path: `${RESULTS}/density-light.png` });
  });

  test('the SVG export carries the heat picture and the labels; the PNG export is the density', async () => {
    await exportButton(page).click();
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'SVG (what is on screen)', exact: true }).click()]);
    const svg = readFileSync(await dl.path(), 'utf8');
    writeFileSync(`${RESULTS}/density.svg`, svg);
    assert.match(dl.suggestedFilename(), /density\.svg$/);
    const parsed = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
      return {
        ok: !doc.querySelector('parsererror'),
        image: doc.querySelector('image.density')?.getAttribute('href') ?? '',
        labels: [...doc.querySelectorAll('g.labels text')].map((t) => t.textContent),
        circles: doc.querySelectorAll('circle').length,
      };
    }, svg);
    assert.equal(parsed.ok, true);
    assert.equal(parsed.circles, 0, 'no network drawn');
    assert.match(parsed.image, /^data:image\/png;base64,/);
    const heat = PNG.sync.read(Buffer.from(parsed.image.split(',')[1], 'base64'));
    const stats = heatStats(heat.data);
    assert.ok(stats.colours > 20 && stats.dark > 0.05, `the embedded picture is the heat map: ${JSON.stringify(stats)}`);
    const big = await biggestNode(page);
    assert.ok(parsed.labels.includes(big.label), `labels: ${parsed.labels.join(', ')}`);

    await exportButton(page).click();
    await page.getByRole('menuitem', { name: 'PNG image…' }).click();
    const dialog = page.getByRole('dialog', { name: /PNG image/ });
    await dialog.getByLabel('Width (px)').fill('900');
    await dialog.getByLabel('Height (px)').fill('600');
    const [pngDl] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download PNG' }).click()]);
    const png = PNG.sync.read(readFileSync(await pngDl.path()));
    writeFileSync(`${RESULTS}/density-export.png`, PNG.sync.write(png));
    assert.deepEqual([png.width, png.height], [900, 600]);
    const pngStats = heatStats(png.data);
    assert.ok(pngStats.colours > 20 && pngStats.dark > 0.05, `the PNG is the heat map: ${JSON.stringify(pngStats)}`);
  });

  test('dark mode keeps the picture; Network brings the graph back', async () => {
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${RESULTS}/density-dark.png` });
    assert.ok(heatStats((await canvasPixels(page)).data).colours > 20);

    await switchGroup(page).getByRole('button', { name: 'Network' }).click();
    await page.waitForFunction(() => !document.querySelector('canvas.density-layer'));
    assert.doesNotMatch(page.url(), /view=density/);
    assert.equal(await switchGroup(page).getByRole('button', { name: 'Density' }).getAttribute('aria-pressed'), 'false');
    // The network's own SVG again: nodes as circles.
    await exportButton(page).click();
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'SVG (what is on screen)', exact: true }).click()]);
    assert.ok((readFileSync(await dl.path(), 'utf8').match(/<circle/g) ?? []).length > 10);
    assert.deepEqual(errors.map(String), []);
  });
});
