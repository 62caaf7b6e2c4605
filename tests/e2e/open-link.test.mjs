// Open from a link: ?file= with GEXF and VOSviewer JSON served from a local test server.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, waitForGraph, clickNode, serveFiles } from './browser.mjs';

/** A GEXF 1.3 ring of `n` authors with positions, colours, sizes and weighted edges. */
function makeGexf(n) {
  const nodes = [];
  const edges = [];
  for (let i = 0; i < n; i++) {
    const angle = (2 * Math.PI * i) / n;
    nodes.push(
      `<node id="n${i}" label="Author ${i}"><attvalues><attvalue for="community" value="${i % 3}"/></attvalues>` +
        `<viz:position x="${(100 * Math.cos(angle)).toFixed(3)}" y="${(100 * Math.sin(angle)).toFixed(3)}"/><viz:size value="${4 + (i % 5)}"/><viz:color r="${(i * 37) % 256}" g="80" b="160"/></node>`,
    );
    edges.push(`<edge id="e${i}" source="n${i}" target="n${(i + 1) % n}" weight="${1 + (i % 4)}"/>`);
    if (i % 2 === 0) edges.push(`<edge id="f${i}" source="n${i}" target="n${(i + 7) % n}" weight="1"/>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <graph defaultedgetype="undirected">
    <attributes class="node"><attribute id="community" title="community" type="integer"/></attributes>
    <nodes>${nodes.join('\n')}</nodes>
    <edges>${edges.join('\n')}</edges>
  </graph>
</gexf>`;
}

function makeVosviewer(n) {
  const items = Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    label: `Researcher ${i + 1}`,
    x: (i % 8) * 0.5,
    y: Math.floor(i / 8) * 0.5,
    cluster: 1 + (i % 4),
    weights: { Documents: 1 + (i % 3) },
  }));
  const links = Array.from({ length: n - 1 }, (_, i) => ({ source_id: i + 1, target_id: i + 2, strength: 1 + (i % 2) }));
  return JSON.stringify({ network: { items, links } });
}

/** CSL-JSON papers, two authors each from a pool of `pool` names (more papers than one worker message carries). */
function makeCslPapers(n, pool) {
  return Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    type: 'article-journal',
    title: `Paper ${i}`,
    issued: { 'date-parts': [[2000 + (i % 20)]] },
    author: [
      { family: `Family${i % pool}`, given: 'Ann' },
      { family: `Family${(i * 7 + 1) % pool}`, given: 'Ann' },
    ],
  }));
}

const GEXF_NODES = 60;
const CSL_PAPERS = makeCslPapers(3_700, 600);
const VOS_ITEMS = 40;
const files = {
  '/net.gexf': { body: makeGexf(GEXF_NODES), type: 'application/xml', cors: true },
  '/map.json': { body: makeVosviewer(VOS_ITEMS), type: 'application/json', cors: true },
  '/nocors.gexf': { body: makeGexf(10), type: 'application/xml', cors: false },
  '/papers.json': { body: JSON.stringify(CSL_PAPERS), type: 'application/json', cors: true },
};

describe('Open from a link', () => {
  let browser;
  let close;
  let base;
  before(async () => {
    ({ base, close } = await serveFiles(files));
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await close();
  });

  test('a GEXF by ?file= opens with its positions, weights and nodes; no layout runs; the link stays', async () => {
    const link = `${base}/net.gexf`;
    const { page, errors } = await openApp(browser, `?file=${encodeURIComponent(link)}`);
    await page.waitForFunction((n) => window.__coauthorAtlas.sigma.getGraph().order === n, GEXF_NODES);
    await waitForGraph(page);
    const g = await page.evaluate(() => {
      const graph = window.__coauthorAtlas.sigma.getGraph();
      const a = graph.findNode((_n, attrs) => attrs.label === 'Author 15');
      const b = graph.findNode((_n, attrs) => attrs.label === 'Author 16');
      return {
        order: graph.order,
        size: graph.size,
        x: graph.getNodeAttribute(a, 'x'),
        y: graph.getNodeAttribute(a, 'y'),
        weight: graph.getEdgeAttribute(graph.edge(a, b), 'weight'),
        running: window.__coauthorAtlas.layoutRunning(),
      };
    });
    assert.equal(g.order, GEXF_NODES);
    assert.equal(g.size, GEXF_NODES + GEXF_NODES / 2);
    const angle = (2 * Math.PI * 15) / GEXF_NODES;
    assert.ok(Math.abs(g.x - 100 * Math.cos(angle)) < 1e-3 && Math.abs(g.y - 100 * Math.sin(angle)) < 1e-3, `position kept: ${g.x},${g.y}`);
    assert.equal(g.weight, 1 + (15 % 4));
    assert.equal(g.running, false);
    assert.ok(page.url().includes(`file=${encodeURIComponent(link)}`), 'the ?file= parameter stays in the address bar');
    // A node's panel says there are no papers and shows its attributes.
    const node = await page.evaluate(() => window.__coauthorAtlas.sigma.getGraph().findNode((_n, a) => a.label === 'Author 3'));
    await clickNode(page, node);
    const details = page.getByRole('complementary', { name: 'Details' });
    assert.equal(await details.getByRole('heading').first().textContent(), 'Author 3');
    await details.getByText('carries no papers').waitFor();
    // Search works over the file's node labels.
    await page.getByRole('combobox', { name: 'Search' }).fill('author 42');
    await page.getByRole('option', { name: /Author 42/ }).click();
    assert.equal(await details.getByRole('heading').first().textContent(), 'Author 42');
    assert.deepEqual(errors.map(String), []);
    await page.close();
  });

  test('a VOSviewer JSON map by ?file= opens with its clusters and positions', async () => {
    const { page } = await openApp(browser, `?file=${encodeURIComponent(`${base}/map.json`)}`);
    await page.waitForFunction((n) => window.__coauthorAtlas.sigma.getGraph().order === n, VOS_ITEMS);
    const g = await page.evaluate(() => {
      const graph = window.__coauthorAtlas.sigma.getGraph();
      const communities = new Set();
      graph.forEachNode((_n, a) => communities.add(a.community));
      const r9 = graph.findNode((_n, a) => a.label === 'Researcher 10');
      return { size: graph.size, communities: communities.size, x: graph.getNodeAttribute(r9, 'x'), y: graph.getNodeAttribute(r9, 'y') };
    });
    assert.equal(g.size, VOS_ITEMS - 1);
    assert.equal(g.communities, 4);
    assert.equal(g.x, (9 % 8) * 0.5);
    assert.equal(Math.abs(g.y), Math.floor(9 / 8) * 0.5);
    await page.close();
  });

  test('papers by ?file= arrive whole (the worker sends them in slices): every authorship, the last paper included', async () => {
    // Independent count: distinct names and pairs, as written in the file.
    const names = new Set();
    const pairs = new Set();
    for (const p of CSL_PAPERS) {
      const [a, b] = p.author.map((x) => `${x.given} ${x.family}`.toLowerCase());
      names.add(a).add(b);
      if (a !== b) pairs.add(a < b ? `${a}|${b}` : `${b}|${a}`);
    }
    const { page } = await openApp(browser, `?file=${encodeURIComponent(`${base}/papers.json`)}`);
    await page.waitForFunction((n) => window.__coauthorAtlas.sigma.getGraph().order === n, names.size, { timeout: 60_000 });
    const g = await page.evaluate(() => {
      const graph = window.__coauthorAtlas.sigma.getGraph();
      let authorships = 0;
      const papers = new Set();
      graph.forEachNode((_n, a) => {
        for (const id of a.paperIds ?? []) {
          authorships++;
          papers.add(id);
        }
      });
      return { size: graph.size, authorships, papers: papers.size, hasLast: papers.has('p3699'), hasFirst: papers.has('p0') };
    });
    assert.equal(g.size, pairs.size);
    assert.equal(g.papers, CSL_PAPERS.length);
    assert.equal(
      g.authorships,
      CSL_PAPERS.filter((p) => p.author[0].family !== p.author[1].family).length * 2 +
        CSL_PAPERS.filter((p) => p.author[0].family === p.author[1].family).length,
    );
    assert.ok(g.hasFirst && g.hasLast);
    await page.close();
  });

  test('a missing file or a host without CORS gives a clear message and keeps the current dataset', async () => {
    const { page } = await openApp(browser);
    const before = await page.evaluate(() => window.__coauthorAtlas.sigma.getGraph().order);
    for (const [path, pattern] of [
      ['/missing.gexf', /404/],
      ['/nocors.gexf', /CORS/],
    ]) {
      await page.getByRole('button', { name: 'Open link' }).click();
      await page.getByRole('textbox', { name: 'Link to open' }).fill(`${base}${path}`);
      await page.getByRole('button', { name: 'Open', exact: true }).click();
      const alert = page.getByRole('alert');
      await alert.filter({ hasText: pattern }).waitFor();
      assert.match(await alert.textContent(), /current dataset is kept/);
      assert.equal(await page.evaluate(() => window.__coauthorAtlas.sigma.getGraph().order), before);
      assert.equal(await page.getByRole('complementary', { name: 'Details' }).getByRole('heading').first().textContent(), 'Yuchen Hao');
    }
    // A good link opened from the same box replaces the graph.
    await page.getByRole('button', { name: 'Open link' }).click();
    await page.getByRole('textbox', { name: 'Link to open' }).fill(`${base}/net.gexf`);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.waitForFunction((n) => window.__coauthorAtlas.sigma.getGraph().order === n, GEXF_NODES);
    assert.match(page.url(), /file=/);
    await page.close();
  });
});
