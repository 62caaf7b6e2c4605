// A graph whose edges are kept apart (the million-authorship path, src/graph/edgesApart.ts) at a size a browser test
// can open: the test switch `edgesApartMin` (DEVELOPERS.md, Test-only hooks) keeps the edges apart past 1,000 links
// instead of 500,000. The page then holds the authors only; a drilled cluster takes its links from the flat arrays,
// `?drill=all` is refused with a notice, and search still finds any author.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { clickNode, launch, openApp, serveFiles, waitForGraph } from './browser.mjs';

const GROUPS = 24;
const PER = 900; // 21,600 authors: past the overview's 20,000 nodes; 64,824 authorships: built in the worker

/** Each group's papers tie author i to i+1 and i+2 (a thick ring); one paper ties each group to the next. */
function makePapers() {
  const name = (g, i) => ({ family: `Grp${String.fromCharCode(65 + g)}`, given: `Ana${i}` });
  const papers = [];
  for (let g = 0; g < GROUPS; g++) {
    for (let i = 0; i < PER; i++)
      papers.push({
        id: `p-${g}-${i}`,
        type: 'article-journal',
        title: `Ring paper ${g}-${i}`,
        author: [name(g, i), name(g, (i + 1) % PER), name(g, (i + 2) % PER)],
        issued: { 'date-parts': [[2000 + (i % 20)]] },
      });
    papers.push({
      id: `x-${g}`,
      type: 'article-journal',
      title: `Bridge ${g}`,
      author: [name(g, 0), name((g + 1) % GROUPS, 0)],
      issued: { 'date-parts': [[2010]] },
    });
  }
  return papers;
}

/** Coauthor pairs counted here, apart from the app: "given family" of both, sorted, once per pair. */
function pairsOf(papers) {
  const pairs = new Set();
  for (const p of papers) {
    const names = p.author.map((a) => `${a.given} ${a.family}`);
    for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j++) pairs.add([names[i], names[j]].sort().join('|'));
  }
  return pairs;
}

describe('Edges kept apart (the million-authorship path, small)', () => {
  let browser;
  let server;
  const papers = makePapers();
  const pairs = pairsOf(papers);
  const link = () => `?file=${encodeURIComponent(`${server.base}/ring.json`)}`;
  /** The app in a context of its own whose pages get the switch before the app's first script. */
  async function openApart(extra = '') {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      window.__coauthorAtlasTest = { ...window.__coauthorAtlasTest, edgesApartMin: 1000 };
    });
    return openApp(context, `${link()}${extra}`);
  }
  before(async () => {
    server = await serveFiles({ '/ring.json': { body: JSON.stringify(papers), type: 'application/json' } });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('opens on the overview with the authors only, drills a cluster from the flat arrays, finds any author', async () => {
    const { page, errors } = await openApart();
    await page.waitForFunction(() => window.__coauthorAtlas.sigma.getGraph().everyNode((_n, a) => a.kind === 'cluster'), null, { timeout: 120_000 });
    await waitForGraph(page);
    const members = await page.evaluate(() => window.__coauthorAtlas.sigma.getGraph().reduceNodes((s, _n, a) => s + a.authorCount, 0));
    assert.equal(members, GROUPS * PER, 'every author is in a cluster');
    // The network units the pipeline worker read from the dataset (no affiliations in it) reach the lens bar.
    const units = await page
      .getByRole('combobox', { name: 'Network unit' })
      .locator('option')
      .evaluateAll((os) => os.map((o) => `${o.textContent}${o.disabled ? ' [disabled]' : ''}`));
    assert.deepEqual(units, ['authors', 'institutions (no affiliations in the data) [disabled]', 'countries (no countries in the data) [disabled]']);

    // The largest cluster, drilled with a real click: its authors, and exactly the links among them counted here.
    const largest = await page.evaluate(() => {
      const g = window.__coauthorAtlas.sigma.getGraph();
      return g.nodes().sort((a, b) => g.getNodeAttribute(b, 'authorCount') - g.getNodeAttribute(a, 'authorCount'))[0];
    });
    const size = await page.evaluate((n) => window.__coauthorAtlas.sigma.getGraph().getNodeAttribute(n, 'authorCount'), largest);
    await clickNode(page, largest);
    await page.waitForFunction((n) => window.__coauthorAtlas.sigma.getGraph().order === n, size, { timeout: 60_000 });
    await waitForGraph(page);
    assert.match(page.url(), /drill=\d+/);
    const drawn = await page.evaluate(() => {
      const g = window.__coauthorAtlas.sigma.getGraph();
      return { labels: g.mapNodes((_n, a) => a.label), links: g.size, kinds: [...new Set(g.mapNodes((_n, a) => a.kind))] };
    });
    assert.deepEqual(drawn.kinds, ['author']);
    const inside = new Set(drawn.labels);
    const expected = [...pairs].filter((p) => p.split('|').every((n) => inside.has(n))).length;
    assert.ok(expected > size, 'a thick ring has more links than authors');
    assert.equal(drawn.links, expected);

    // Search an author of another group: their cluster opens with them in it.
    const target = inside.has('Ana450 GrpX') ? 'Ana450 GrpA' : 'Ana450 GrpX';
    await page.getByRole('combobox', { name: 'Search' }).fill(target);
    await page.getByRole('option', { name: new RegExp(`${target}\\b`) }).click();
    await page.waitForFunction((label) => window.__coauthorAtlas.sigma.getGraph().someNode((_n, a) => a.label === label), target, { timeout: 60_000 });
    assert.equal(await page.getByRole('complementary', { name: 'Details' }).getByRole('heading').first().textContent(), target);
    assert.deepEqual(errors.map(String), []);
    await page.context().close();
  });

  test('?drill=all is refused with a notice naming the links, and the overview stays', async () => {
    const { page, errors } = await openApart('&drill=all');
    await page.waitForFunction(() => window.__coauthorAtlas.sigma.getGraph().everyNode((_n, a) => a.kind === 'cluster'), null, { timeout: 120_000 });
    await page
      .getByText(`This graph is too big to draw author by author (${pairs.size.toLocaleString('en-US')} links): its cluster overview is shown.`)
      .waitFor({ timeout: 30_000 });
    assert.ok((await page.evaluate(() => window.__coauthorAtlas.sigma.getGraph().order)) < 500, 'the overview, not 21,600 authors');
    assert.deepEqual(errors.map(String), []);
    await page.screenshot({ path: 'test-results/edges-apart-drill-all.png' });
    await page.context().close();
  });
});
