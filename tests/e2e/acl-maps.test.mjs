// VOSviewer-grade maps on the ACL Anthology 2019 cluster overview (issue #18), ACL opened once: labels without
// overlaps at three zoom levels, normalisation driving the drawn tie widths (checked against association strength
// computed here from the drawn ties), top N and min papers, the density view, then VOS layout + Leiden clusters on the
// overview and VOS on an opened cluster. Skipped without ../shared.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { clickNode, launch, openApp, waitForGraph } from './browser.mjs';

const dir = resolve(import.meta.dirname, '../../../shared/datasets/acl-anthology-2019/xml');
const present = existsSync(dir);
if (!present) console.log(`ACL Anthology data not found at ${dir}: the ACL maps browser test is skipped.`);
const RESULTS = 'test-results';
mkdirSync(RESULTS, { recursive: true });

const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The camera at a ratio (centred on the biggest cluster), then the label boxes of the next drawn frame. */
const labelsAt = (page, ratio) =>
  page.evaluate(async (r) => {
    const atlas = window.__coauthorAtlas;
    const sigma = atlas.sigma;
    const g = sigma.getGraph();
    const biggest = g.nodes().sort((a, b) => g.getNodeAttribute(b, 'authorCount') - g.getNodeAttribute(a, 'authorCount'))[0];
    const centre = sigma.getNodeDisplayData(biggest);
    const frames = atlas.frames.length;
    sigma.getCamera().setState({ x: centre.x, y: centre.y, ratio: r, angle: 0 });
    const until = performance.now() + 10_000;
    while (atlas.frames.length < frames + 1 && performance.now() < until) await new Promise((res) => requestAnimationFrame(res));
    await new Promise((res) => setTimeout(res, 50));
    return { boxes: atlas.labelBoxes(), candidates: atlas.labelCandidates() };
  }, ratio);

/** Drawn (post-reducer) widths of the ties between clusters, their weights, and the clusters' positions. */
const drawnTies = (page) =>
  page.evaluate(() => {
    const sigma = window.__coauthorAtlas.sigma;
    const g = sigma.getGraph();
    const ties = [];
    g.forEachEdge((e, a, s, t) => {
      const d = sigma.getEdgeDisplayData(e);
      if (!d.hidden) ties.push({ e, s, t, w: a.weight, size: d.size });
    });
    const positions = {};
    g.forEachNode((n, a) => (positions[n] = [a.x, a.y]));
    return { ties, positions };
  });

/** Distinct colours and the share of viridis's dark end (#440154) in the density canvas. */
const densityStats = (page) =>
  page.evaluate(() => {
    const c = document.querySelector('canvas.density-layer');
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    const colours = new Set();
    let dark = 0;
    let bright = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
      colours.add(((r >> 5) << 6) | ((g >> 5) << 3) | (b >> 5));
      if (r < 90 && g < 40 && b > 60) dark++;
      if (r > 150 && g > 180 && b < 120) bright++;
    }
    const n = data.length / 4;
    return { colours: colours.size, dark: dark / n, bright: bright / n, label: c.getAttribute('aria-label') ?? '' };
  });

async function settledDensity(page) {
  await page.waitForSelector('canvas.density-layer[data-painted]', { timeout: 60_000 });
  let last = null;
  for (let i = 0; i < 60; i++) {
    const now = await page.locator('canvas.density-layer').getAttribute('data-painted');
    if (now === last) return;
    last = now;
    await page.waitForTimeout(500);
  }
}

/** Waits for the cluster overview; `vosLeiden`: the one laid out by VOS from Leiden's clusters. */
const overviewShown = (page, vosLeiden = false) =>
  page.waitForFunction(
    (vl) => {
      const g = window.__coauthorAtlas?.sigma.getGraph();
      if (!g || g.order < 2 || !g.everyNode((_n, a) => a.kind === 'cluster')) return false;
      return !vl || (g.getAttribute('vosLayout') === true && g.getAttribute('options')?.clustering === 'leiden');
    },
    vosLeiden,
    { timeout: 300_000 },
  );

describe('VOSviewer-grade maps on the ACL Anthology overview', { skip: !present && 'ACL Anthology data absent' }, () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('labels, normalisation, thresholds, density, VOS and Leiden on the cluster overview', async () => {
    const { page, errors } = await openApp(browser);
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.xml'))
      .map((f) => join(dir, f));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByLabel('Import papers').setInputFiles(files);
    await page.getByRole('region', { name: 'Import report' }).waitFor({ timeout: 300_000 });
    await page.keyboard.press('Escape');
    await overviewShown(page);
    await waitForGraph(page);
    const clusterCount = await page.evaluate(() => window.__coauthorAtlas.sigma.getGraph().order);
    assert.ok(clusterCount > 50 && clusterCount <= 401, `${clusterCount} clusters drawn`);

    // 1. Labels: no two drawn boxes intersect, at three zoom levels; the check dropped candidates that would have.
    for (const ratio of [1, 0.4, 0.12]) {
      const { boxes, candidates } = await labelsAt(page, ratio);
      assert.ok(boxes.length >= 3, `ratio ${ratio}: ${boxes.length} labels drawn`);
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) assert.ok(!overlaps(boxes[i], boxes[j]), `ratio ${ratio}: "${boxes[i].label}" overlaps "${boxes[j].label}"`);
      assert.ok(candidates >= boxes.length, `ratio ${ratio}: ${candidates} candidates, ${boxes.length} drawn`);
      await page.screenshot({ path: `${RESULTS}/acl-maps-labels-${ratio}.png` });
    }
    await page.evaluate(() => window.__coauthorAtlas.sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }));

    // 2. Normalisation: association strength between clusters, computed here from the drawn ties' weights.
    const before = await drawnTies(page);
    assert.ok(before.ties.length > 100, `${before.ties.length} ties drawn`);
    await page.getByLabel('Normalisation').selectOption('association');
    await page.waitForURL(/norm=association/);
    await page.waitForFunction(() => window.__coauthorAtlas.layoutRunning(), null, { timeout: 10_000 }).catch(() => {});
    await waitForGraph(page);
    const assoc = await drawnTies(page);
    const strength = new Map();
    for (const { s, t, w } of before.ties) {
      strength.set(s, (strength.get(s) ?? 0) + w);
      strength.set(t, (strength.get(t) ?? 0) + w);
    }
    const W = [...strength.values()].reduce((a, b) => a + b, 0);
    const a = new Map(before.ties.map(({ e, s, t, w }) => [e, (w * W) / (strength.get(s) * strength.get(t))]));
    const maxA = Math.max(...a.values());
    for (const { e, size } of assoc.ties) assert.ok(Math.abs(size - (0.4 + 3.1 * Math.sqrt(a.get(e) / maxA))) < 1e-6, `${e}: width ${size}`);
    const sizeBefore = new Map(before.ties.map((t) => [t.e, t.size]));
    const changed = assoc.ties.filter((t) => Math.abs(t.size - sizeBefore.get(t.e)) > 0.05).length;
    assert.ok(changed > assoc.ties.length / 10, `${changed} of ${assoc.ties.length} tie widths changed`);
    // ForceAtlas2 ran again with the new attraction: the clusters moved.
    const moved = Object.keys(before.positions).filter((n) => {
      const [x0, y0] = before.positions[n];
      const [x1, y1] = assoc.positions[n];
      return Math.hypot(x1 - x0, y1 - y0) > 1e-3;
    }).length;
    assert.ok(moved > clusterCount / 4, `${moved} of ${clusterCount} clusters moved`);
    await page.screenshot({ path: `${RESULTS}/acl-maps-association.png` });
    await page.getByLabel('Normalisation').selectOption('none');
    await page.waitForFunction(() => !/norm=/.test(window.location.search));
    await waitForGraph(page);
    const none = await drawnTies(page);
    for (const t of none.ties) assert.ok(Math.abs(t.size - sizeBefore.get(t.e)) < 1e-9, `${t.e} back to its raw width`);

    // 3. Thresholds on the overview: min papers per author and top N by total link strength, summed per cluster.
    await page.getByRole('button', { name: /^Filters/ }).click();
    const filters = page.getByRole('group', { name: 'Filters' });
    await filters.getByLabel('Min papers per author').fill('3');
    await filters.getByLabel('Top authors by total link strength').fill('300');
    const note = page.locator('.lens-notes').filter({ hasText: /^300 of [\d,]+ authors kept/ });
    await note.waitFor({ timeout: 60_000 });
    const kept = await page.evaluate(() => {
      const sigma = window.__coauthorAtlas.sigma;
      return sigma.getGraph().filterNodes((n) => !sigma.getNodeDisplayData(n).hidden).length;
    });
    assert.ok(kept > 0 && kept < clusterCount, `${kept} of ${clusterCount} clusters keep a top-300 author`);
    await page.screenshot({ path: `${RESULTS}/acl-maps-top300.png` });
    await filters.getByLabel('Top authors by total link strength').fill('');
    await filters.getByLabel('Min papers per author').fill('1');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => {
      const sigma = window.__coauthorAtlas.sigma;
      return !sigma.getGraph().someNode((n) => sigma.getNodeDisplayData(n).hidden);
    });

    // 4. The density view of the overview: a viridis heat picture, the biggest clusters labelled.
    await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Density' }).click();
    await settledDensity(page);
    assert.match(page.url(), /[?&]view=density\b/);
    const heat = await densityStats(page);
    assert.ok(heat.colours > 20, `a ramp of colours: ${heat.colours}`);
    assert.ok(heat.dark > 0.05 && heat.bright > 0.0002, `dark empty space and bright dense places: ${JSON.stringify(heat)}`);
    const biggest = await page.evaluate(() => {
      const g = window.__coauthorAtlas.sigma.getGraph();
      return g.getNodeAttribute(g.nodes().sort((a, b) => g.getNodeAttribute(b, 'authorCount') - g.getNodeAttribute(a, 'authorCount'))[0], 'label');
    });
    assert.ok(heat.label.includes(biggest), `the biggest cluster (${biggest}) is labelled: ${heat.label.slice(0, 200)}`);
    await page.screenshot({ path: `${RESULTS}/acl-maps-density.png` });
    await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Network' }).click();

    // 5. VOS layout and Leiden clusters: the whole graph is re-clustered by Leiden, its overview laid out by VOS.
    const louvain = await page.evaluate(() => {
      const g = window.__coauthorAtlas.sigma.getGraph();
      return { sizes: g.mapNodes((_n, a) => a.authorCount).sort((x, y) => y - x), members: g.reduceNodes((s, _n, a) => s + a.authorCount, 0) };
    });
    const details = page.getByRole('complementary', { name: 'Details' });
    await details.getByText('Graph options').click();
    await details.getByLabel('Clustering').selectOption('leiden');
    await details.getByLabel('Layout').selectOption('vos');
    await page.waitForURL(/layout=vos/);
    await overviewShown(page, true);
    await waitForGraph(page);
    assert.match(page.url(), /clusters=leiden/);
    const vos = await page.evaluate(() => {
      const g = window.__coauthorAtlas.sigma.getGraph();
      return {
        order: g.order,
        sizes: g.mapNodes((_n, a) => a.authorCount).sort((x, y) => y - x),
        members: g.reduceNodes((s, _n, a) => s + a.authorCount, 0),
        positions: new Set(g.mapNodes((_n, a) => `${a.x.toFixed(4)},${a.y.toFixed(4)}`)).size,
        finite: g.everyNode((_n, a) => Number.isFinite(a.x) && Number.isFinite(a.y)),
      };
    });
    assert.equal(vos.members, louvain.members, 'Leiden’s clusters hold every author');
    assert.notDeepEqual(vos.sizes, louvain.sizes, 'Leiden’s clusters are not Louvain’s');
    assert.ok(vos.finite && vos.positions === vos.order, `${vos.positions} distinct positions for ${vos.order} clusters`);
    assert.doesNotMatch((await page.locator('.layout-status').textContent()) ?? '', /Layout \d+%/, 'no ForceAtlas2 after VOS');
    await page.screenshot({ path: `${RESULTS}/acl-maps-vos-leiden.png` });

    // 6. An opened cluster is laid out by VOS too (in a worker), and Leiden's cluster is connected.
    const target = await page.evaluate(() => {
      const sigma = window.__coauthorAtlas.sigma;
      const g = sigma.getGraph();
      const rect = sigma.getContainer().getBoundingClientRect();
      const disc = (n) => {
        const d = sigma.getNodeDisplayData(n);
        const p = sigma.framedGraphToViewport(d);
        return { x: p.x, y: p.y, r: sigma.scaleSize(d.size) };
      };
      const discs = g.nodes().map((n) => [n, disc(n)]);
      const clear = (n) => {
        const p = disc(n);
        if (p.x < 10 || p.y < 10 || p.x > rect.width - 10 || p.y > rect.height - 10) return false;
        if (!sigma.getContainer().contains(document.elementFromPoint(rect.left + p.x, rect.top + p.y))) return false;
        return discs.every(([m, q]) => m === n || Math.hypot(q.x - p.x, q.y - p.y) > q.r + p.r + 2);
      };
      const candidates = g
        .filterNodes((_n, a) => a.authorCount >= 30 && a.authorCount <= 400)
        .sort((x, y) => g.getNodeAttribute(y, 'authorCount') - g.getNodeAttribute(x, 'authorCount'));
      const node = candidates.find(clear) ?? candidates[0];
      return { node, size: g.getNodeAttribute(node, 'authorCount') };
    });
    await clickNode(page, target.node);
    await page.waitForFunction(() => /drill=\d+/.test(location.search), null, { timeout: 60_000 });
    await page.waitForFunction(
      () => {
        const g = window.__coauthorAtlas.sigma.getGraph();
        return g.someNode((_n, a) => a.kind === 'author') && g.getAttribute('vosLayout') === true;
      },
      null,
      { timeout: 120_000 },
    );
    await waitForGraph(page);
    const drilled = await page.evaluate(() => {
      const g = window.__coauthorAtlas.sigma.getGraph();
      const authors = g.filterNodes((_n, a) => a.kind === 'author');
      // Connected through its coauthor ties and hub papers (Leiden's guarantee; Louvain's clusters may fall apart).
      const seen = new Set([g.nodes()[0]]);
      const queue = [g.nodes()[0]];
      while (queue.length) {
        for (const m of g.neighbors(queue.pop())) {
          if (seen.has(m)) continue;
          seen.add(m);
          queue.push(m);
        }
      }
      return {
        authors: authors.length,
        connected: seen.size === g.order,
        positions: new Set(g.mapNodes((_n, a) => `${a.x.toFixed(4)},${a.y.toFixed(4)}`)).size,
        order: g.order,
      };
    });
    assert.equal(drilled.authors, target.size);
    assert.ok(drilled.connected, 'the Leiden cluster is connected');
    assert.equal(drilled.positions, drilled.order, 'VOS gives each node its own place');
    assert.doesNotMatch((await page.locator('.layout-status').textContent()) ?? '', /Layout \d+%/, 'no ForceAtlas2 after VOS');
    await page.screenshot({ path: `${RESULTS}/acl-maps-vos-cluster.png` });
    assert.deepEqual(
      errors.map((e) => e.message),
      [],
    );
    await page.close();
  });
});
