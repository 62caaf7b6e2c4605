// Labels in Chromium: the boxes of the labels sigma drew never overlap, at three zoom levels, and a selected
// author's label is always drawn.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launch, openApp } from './browser.mjs';

const shots = new URL('../../test-results/', import.meta.url);
mkdirSync(shots, { recursive: true });

/** Sets the camera, waits for sigma to draw two more frames, and returns what was drawn. */
async function labelsAt(page, ratio) {
  return page.evaluate(async (r) => {
    const atlas = window.__coauthorAtlas;
    const sigma = atlas.sigma;
    const frames = atlas.frames.length;
    // Display data are in framed-graph coordinates only once sigma has processed: after a settings change (which
    // re-indexes the nodes and schedules the processing) they are raw graph coordinates until the next frame, and a
    // camera centred on them looked at nothing. refresh() processes and draws now.
    sigma.refresh();
    // Centred on the profile owner, the densest part of the map.
    let owner = null;
    sigma.getGraph().forEachNode((n, a) => {
      if (a.isOwner) owner = n;
    });
    const centre = owner ? sigma.getNodeDisplayData(owner) : { x: 0.5, y: 0.5 };
    sigma.getCamera().setState({ x: centre.x, y: centre.y, ratio: r, angle: 0 });
    const until = performance.now() + 10_000;
    while (atlas.frames.length < frames + 1 && performance.now() < until) await new Promise((res) => requestAnimationFrame(res));
    await new Promise((res) => setTimeout(res, 50));
    const settings = sigma.getSettings();
    // An independent measure of each label's text, with sigma's own font, on a canvas of our own.
    const ctx = document.createElement('canvas').getContext('2d');
    ctx.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
    const boxes = atlas.labelBoxes().map((b) => {
      const d = sigma.getNodeDisplayData(b.key);
      const at = sigma.framedGraphToViewport(d);
      return { ...b, textWidth: ctx.measureText(b.label).width, nodeX: at.x, nodeY: at.y, nodeSize: sigma.scaleSize(d.size), shown: d.label };
    });
    return { boxes, candidates: atlas.labelCandidates(), labelSize: settings.labelSize };
  }, ratio);
}

const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function assertNoOverlap(boxes, what) {
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      assert.ok(!overlaps(boxes[i], boxes[j]), `${what}: "${boxes[i].label}" overlaps "${boxes[j].label}" (${JSON.stringify([boxes[i], boxes[j]])})`);
}

/** Each box holds its label's text where sigma draws it: right of the node, centred on its y. */
function assertBoxesHoldTheirText(boxes, labelSize, what) {
  for (const b of boxes) {
    assert.equal(b.label, b.shown, `${what}: the box's label is the node's`);
    assert.ok(b.textWidth <= b.width, `${what}: "${b.label}" is ${b.textWidth}px wide, its box ${b.width}px`);
    assert.ok(Math.abs(b.x - (b.nodeX + b.nodeSize + 2)) < 0.5, `${what}: "${b.label}" box starts next to its node`);
    assert.ok(b.y < b.nodeY - labelSize / 3 && b.y + b.height > b.nodeY + labelSize / 3, `${what}: "${b.label}" box spans its text's height`);
  }
}

describe('labels never overlap', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('embedded profile: no two drawn label boxes intersect at three zoom levels; overlapping candidates were dropped', async () => {
    const { page, errors } = await openApp(browser);
    let dropped = 0;
    for (const ratio of [1, 0.4, 0.15]) {
      const { boxes, candidates, labelSize } = await labelsAt(page, ratio);
      assert.ok(boxes.length >= 3, `ratio ${ratio}: ${boxes.length} labels drawn`);
      assertNoOverlap(boxes, `ratio ${ratio}`);
      assertBoxesHoldTheirText(boxes, labelSize, `ratio ${ratio}`);
      dropped += candidates - boxes.length;
      await page.screenshot({ path: new URL(`labels-ratio-${ratio}.png`, shots).pathname });
    }
    // Every label offered (sigma's grid and size threshold out of the way): hundreds of candidates that would overlap.
    await page.evaluate(() => {
      const sigma = window.__coauthorAtlas.sigma;
      sigma.setSetting('labelDensity', 10);
      sigma.setSetting('labelRenderedSizeThreshold', 0);
    });
    for (const ratio of [1, 0.4]) {
      const { boxes, candidates, labelSize } = await labelsAt(page, ratio);
      assert.ok(candidates > 100, `every label offered: ${candidates}`);
      assertNoOverlap(boxes, `all offered, ratio ${ratio}`);
      assertBoxesHoldTheirText(boxes, labelSize, `all offered, ratio ${ratio}`);
      dropped += candidates - boxes.length;
      await page.screenshot({ path: new URL(`labels-all-offered-${ratio}.png`, shots).pathname });
    }
    // The check did something: sigma offered labels that would have overlapped, and they were not drawn.
    assert.ok(dropped > 0, 'some overlapping candidates were dropped');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("a selected author's label is drawn first, whatever its size, and the others keep clear of it", async () => {
    // The smallest author with a label of its own: sigma's size threshold alone would not draw it at the overview.
    const { page } = await openApp(browser);
    const smallest = await page.evaluate(() => {
      const sigma = window.__coauthorAtlas.sigma;
      let best = null;
      sigma.getGraph().forEachNode((n, a) => {
        if (a.kind === 'author' && !a.isOwner && (!best || a.size < best.size)) best = { id: n, key: a.authorKey, size: a.size };
      });
      return best;
    });
    await page.close();
    const { page: selectedPage } = await openApp(browser, `?author=${encodeURIComponent(smallest.key)}`);
    await selectedPage.waitForFunction(() => document.querySelector('aside[aria-label="Details"] h2, aside[aria-label="Details"] h1'));
    for (const ratio of [1, 0.35]) {
      const { boxes } = await labelsAt(selectedPage, ratio);
      assert.equal(boxes[0]?.key, smallest.id, `ratio ${ratio}: the selected author's label comes first`);
      assertNoOverlap(boxes.slice(1), `ratio ${ratio}, selected`);
      for (const b of boxes.slice(1)) assert.ok(!overlaps(b, boxes[0]), `ratio ${ratio}: "${b.label}" overlaps the selected label`);
    }
    await selectedPage.screenshot({ path: new URL('labels-selected.png', shots).pathname });
    await selectedPage.close();
  });
});
