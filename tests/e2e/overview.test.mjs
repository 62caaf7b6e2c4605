// Level of detail: a graph too big to draw author by author opens on its cluster overview;
// a click drills into a cluster, search finds any author and opens their cluster.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { clickNode, launch, nodePosition, openApp, serveFiles, waitForGraph } from './browser.mjs';

const COMMUNITIES = 30;
const PER = 700; // 21,000 nodes: above the overview threshold, yet only small graphs are ever drawn

/** A GEXF of COMMUNITIES rings of PER authors with positions, and one tie between neighbouring rings. */
function makeGexf() {
  const nodes = [];
  const edges = [];
  for (let c = 0; c < COMMUNITIES; c++) {
    const cx = 1000 * Math.cos((2 * Math.PI * c) / COMMUNITIES);
    const cy = 1000 * Math.sin((2 * Math.PI * c) / COMMUNITIES);
    for (let i = 0; i < PER; i++) {
      const id = c * PER + i;
      const a = (2 * Math.PI * i) / PER;
      nodes.push(
        `<node id="n${id}" label="Author ${id}"><attvalues><attvalue for="community" value="${c}"/></attvalues><viz:position x="${(cx + 60 * Math.cos(a)).toFixed(2)}" y="${(cy + 60 * Math.sin(a)).toFixed(2)}"/></node>`,
      );
      edges.push(`<edge source="n${id}" target="n${c * PER + ((i + 1) % PER)}" weight="1"/>`);
    }
    edges.push(`<edge source="n${c * PER}" target="n${((c + 1) % COMMUNITIES) * PER}" weight="2"/>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3"><graph defaultedgetype="undirected">
<attributes class="node"><attribute id="community" title="community" type="integer"/></attributes>
<nodes>${nodes.join('')}</nodes><edges>${edges.join('')}</edges></graph></gexf>`;
}

describe('Level of detail', () => {
  let browser;
  let server;
  before(async () => {
    server = await serveFiles({ '/big.gexf': { body: makeGexf(), type: 'application/xml' } });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a 21,000-node graph opens on its cluster overview; a click drills in; search drills to any author', async () => {
    const { page, errors } = await openApp(browser, `?file=${encodeURIComponent(`${server.base}/big.gexf`)}`);
    await page.waitForFunction(
      (n) => {
        const g = window.__coauthorAtlas?.sigma.getGraph();
        return g && g.order === n && g.everyNode((_k, a) => a.kind === 'cluster');
      },
      COMMUNITIES,
      { timeout: 120_000 },
    );
    await waitForGraph(page);
    const overview = await page.evaluate(() => {
      const g = window.__coauthorAtlas.sigma.getGraph();
      let members = 0;
      g.forEachNode((_n, a) => {
        members += a.authorCount;
      });
      return { members, edges: g.size };
    });
    assert.equal(overview.members, COMMUNITIES * PER);
    assert.equal(overview.edges, COMMUNITIES, 'one tie between neighbouring rings');
    await page.getByRole('status').filter({ hasText: 'Overview' }).waitFor();
    // With no lens the overview draws every author, in every cluster.
    assert.equal(await page.locator('[data-count="authors"]').textContent(), (COMMUNITIES * PER).toLocaleString('en-US'));

    // Drill into a cluster with a real click. The page keeps its one sigma instance (src/view/SigmaStage.tsx).
    await page.evaluate(() => (window.__overviewSigma = window.__coauthorAtlas.sigma));
    const cluster = await page.evaluate(() => window.__coauthorAtlas.sigma.getGraph().nodes()[0]);
    await clickNode(page, cluster);
    await page.waitForFunction((n) => window.__coauthorAtlas.sigma.getGraph().order === n, PER, { timeout: 60_000 });
    await waitForGraph(page);
    assert.match(page.url(), /drill=\d+/);
    const kinds = await page.evaluate(() => [...new Set(window.__coauthorAtlas.sigma.getGraph().mapNodes((_n, a) => a.kind))]);
    assert.deepEqual(kinds, ['author']);
    assert.ok(await page.evaluate(() => window.__coauthorAtlas.sigma === window.__overviewSigma), 'the same sigma instance draws the cluster');
    // Its controllers follow the new graph: hovering an author of the cluster lights up exactly that author and their
    // ring neighbours, by sigma's display data for this graph (the ring's nodes sit close: whichever sigma reports hovered).
    const ringAuthor = await page.evaluate(() => window.__coauthorAtlas.sigma.getGraph().nodes()[5]);
    const at = await nodePosition(page, ringAuthor);
    await page.mouse.move(at.x, at.y);
    await page.waitForFunction(() => window.__coauthorAtlas.sigma.hoveredNode);
    const hover = await page.evaluate(() => {
      const s = window.__coauthorAtlas.sigma;
      const g = s.getGraph();
      return {
        expected: [s.hoveredNode, ...g.neighbors(s.hoveredNode)].sort(),
        highlighted: g.filterNodes((n) => s.getNodeDisplayData(n).highlighted).sort(),
      };
    });
    assert.equal(hover.expected.length, 3);
    assert.deepEqual(hover.highlighted, hover.expected);
    await page.mouse.move(5, 5);
    // The side panel counts what is drawn: the cluster's authors of the whole graph's, one cluster of them all.
    const panel = page.getByRole('complementary', { name: 'Details' });
    const authorsCount = panel.locator('[data-count="authors"]');
    await page.waitForFunction(
      (t) => document.querySelector('[data-count="authors"]')?.textContent === t,
      `${PER} of ${(COMMUNITIES * PER).toLocaleString('en-US')}`,
    );
    assert.equal(await authorsCount.textContent(), `${PER} of ${(COMMUNITIES * PER).toLocaleString('en-US')}`);
    assert.equal(await panel.getByRole('heading', { name: /^Clusters/ }).textContent(), `Clusters (1 of ${COMMUNITIES})`);

    // Search an author of another cluster: their cluster opens and they are selected.
    const target = 'Author 20999';
    await page.getByRole('combobox', { name: 'Search' }).fill(target);
    await page.getByRole('option', { name: new RegExp(`${target}\\b`) }).click();
    await page.waitForFunction((label) => window.__coauthorAtlas.sigma.getGraph().someNode((_n, a) => a.label === label), target, { timeout: 60_000 });
    const details = page.getByRole('complementary', { name: 'Details' });
    assert.equal(await details.getByRole('heading').first().textContent(), target);
    assert.equal(await page.evaluate(() => window.__coauthorAtlas.sigma.getGraph().order), PER);

    // Back to the overview.
    await page.getByRole('button', { name: '← Overview' }).click();
    await page.waitForFunction((n) => window.__coauthorAtlas.sigma.getGraph().order === n, COMMUNITIES);
    assert.ok(await page.evaluate(() => window.__coauthorAtlas.sigma === window.__overviewSigma), 'and the overview again');
    // The selected author is still known (and shown in the panel) though the overview does not draw them.
    assert.equal(await page.getByRole('alert').count(), 0);
    assert.equal(await details.getByRole('heading').first().textContent(), target);
    assert.deepEqual(errors.map(String), []);
    await page.screenshot({ path: 'test-results/overview.png' });
    await page.close();
  });
});
