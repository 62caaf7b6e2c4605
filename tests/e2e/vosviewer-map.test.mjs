// A VOSviewer JSON map opened by ?file= is drawn as VOSviewer draws it: the file's cluster colours, items sized
// by their first weight, labels on, its title and description as text, no layout running over its positions.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { clickNode, launch, openApp, serveFiles } from './browser.mjs';

const FIXTURE = readFileSync(new URL('../fixtures/graphfile/vosviewer-joi-map.json', import.meta.url), 'utf8');
const map = JSON.parse(FIXTURE);
const items = map.network.items;
// Expected colours, from the file's config.color_schemes.cluster_colors; cluster 4 has none: Okabe-Ito's 4th hue.
const fileColours = Object.fromEntries(map.config.color_schemes.cluster_colors.map((c) => [c.cluster, c.color.toLowerCase()]));
const expectedColour = (cluster) => fileColours[cluster] ?? '#cc79a7';

/** Per item label: the colour and size sigma draws, the community. */
async function drawn(page) {
  return page.evaluate(
    (labels) => {
      const sigma = window.__coauthorAtlas.sigma;
      const graph = sigma.getGraph();
      const out = {};
      for (const label of labels) {
        const node = graph.findNode((_n, a) => a.label === label);
        const d = sigma.getNodeDisplayData(node);
        out[label] = { color: d.color.toLowerCase(), size: d.size };
      }
      return out;
    },
    items.map((i) => i.label),
  );
}

describe('A VOSviewer map as VOSviewer draws it', () => {
  let browser;
  let close;
  let base;
  before(async () => {
    ({ base, close } = await serveFiles({ '/joi.json': { body: FIXTURE, type: 'application/json', cors: true } }));
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await close();
  });

  test('cluster colours, sizes by Documents, labels, title and description as text, no layout indicator; score colours', async () => {
    const { page, errors } = await openApp(browser, `?file=${encodeURIComponent(`${base}/joi.json`)}`);
    await page.waitForFunction((n) => window.__coauthorAtlas.sigma.getGraph().order === n, items.length);
    await page.waitForTimeout(300);

    const d = await drawn(page);
    for (const item of items) assert.equal(d[item.label].color, expectedColour(item.cluster), `${item.label} (cluster ${item.cluster})`);
    for (const p of items) {
      for (const q of items) {
        if (p.weights.Documents <= q.weights.Documents) continue;
        assert.ok(d[p.label].size > d[q.label].size, `${p.label} (${p.weights.Documents} docs) drawn larger than ${q.label} (${q.weights.Documents})`);
      }
    }
    const labels = await page.evaluate(() => window.__coauthorAtlas.sigma.displayedNodeLabels?.size ?? -1);
    assert.ok(labels > 0, `labels drawn: ${labels}`);

    // The file's info, tags stripped: text only, no element made from it.
    const details = page.getByRole('complementary', { name: 'Details' });
    assert.equal(await details.locator('#details-title').textContent(), 'Journal of Informetrics co-authorship');
    await details.getByText('Co-authorship map of JOI authors & coauthors.', { exact: false }).waitFor();
    assert.equal(await details.getByText('alert(1)', { exact: false }).count(), 0, 'the text of a script element is dropped with it');
    assert.equal(await details.locator('#details-title b, script:not([type])').count(), 0);
    // The cluster legend shows the same colours as the nodes.
    const swatches = await details.locator('.legend .swatch').evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
    const rgb = (hex) => `rgb(${parseInt(hex.slice(1, 3), 16)}, ${parseInt(hex.slice(3, 5), 16)}, ${parseInt(hex.slice(5, 7), 16)})`;
    assert.deepEqual(new Set(swatches), new Set([1, 2, 3, 4].map((c) => rgb(expectedColour(c)))));

    // Positions kept, no layout: no indicator at all.
    assert.equal(await page.evaluate(() => window.__coauthorAtlas.layoutRunning()), false);
    assert.equal((await page.locator('.layout-status').textContent()).trim(), '');
    assert.equal(await page.getByRole('progressbar', { name: 'Layout progress' }).count(), 0);

    // The size lens offers the file's weights; the colour lens its scores, on a ramp with a legend.
    const sizeOptions = await page.getByRole('combobox', { name: 'Size by' }).locator('option').allTextContents();
    for (const w of ['Documents', 'Citations', 'Links', 'Total link strength']) assert.ok(sizeOptions.includes(w), `size by ${w}: ${sizeOptions}`);
    await page.getByRole('combobox', { name: 'Colour by' }).selectOption('score:Avg. pub. year');
    const legend = page.getByLabel('Colour legend: Avg. pub. year');
    await legend.waitFor();
    const years = items.map((i) => i.scores['Avg. pub. year']);
    assert.ok((await legend.textContent()).includes(String(Number(Math.min(...years).toFixed(1)))));
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'test-results/vosviewer-map-score.png' });
    const scored = await drawn(page);
    const oldest = items.reduce((a, b) => (a.scores['Avg. pub. year'] <= b.scores['Avg. pub. year'] ? a : b));
    assert.equal(scored[oldest.label].color, '#440154', 'the oldest item is the ramp start (viridis)');

    // Back to communities: the cluster colours again.
    await page.getByRole('combobox', { name: 'Colour by' }).selectOption('community');
    await page.waitForTimeout(300);
    const again = await drawn(page);
    for (const item of items) assert.equal(again[item.label].color, expectedColour(item.cluster));
    await page.screenshot({ path: 'test-results/vosviewer-map.png' });

    // A node's panel lists the file's weights and scores.
    const item = items.reduce((a, b) => (a.weights.Documents >= b.weights.Documents ? a : b));
    await clickNode(page, await page.evaluate((label) => window.__coauthorAtlas.sigma.getGraph().findNode((_n, a) => a.label === label), item.label));
    await details.locator('#details-title').filter({ hasText: item.label }).waitFor();
    const facts = await details
      .locator('dl.facts')
      .evaluate((dl) => Object.fromEntries([...dl.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling.textContent])));
    for (const [k, v] of Object.entries({ ...item.weights, ...item.scores })) assert.equal(facts[k], String(v), `${k} of ${item.label}`);
    assert.deepEqual(errors.map(String), []);
    await page.close();
  });
});
