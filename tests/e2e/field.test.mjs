// A field folder (npm run field) opened by ?file=<its index.json>: the cluster overview, a cluster read from its tile
// when clicked, and an author found through the search shards. The folder is made here from a small generated snapshot.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { clickNode, launch, openApp, serveFiles, waitForGraph } from './browser.mjs';

const tsx = (args) => execFileSync(process.execPath, ['--import', 'tsx', ...args], { encoding: 'utf8' });

function filesUnder(dir) {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesUnder(join(dir, f)) : [join(dir, f)]));
}

describe('A field folder by ?file=', () => {
  let browser;
  let server;
  let root;
  let out;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'field-e2e-'));
    tsx(['tests/bench/make-snapshot.ts', '--works', '600', '--authors', '420', '--seed', '3', '--out', join(root, 'snapshot')]);
    out = join(root, 'folder');
    tsx(['scripts/field/cli.ts', '--works', `${root}/snapshot/works/updated_date=*/part_*.gz`, '--out', out, '--quiet', '--title', 'Synthetic field']);
    const routes = {};
    for (const f of filesUnder(out)) routes[`/field/${relative(out, f)}`] = { body: readFileSync(f, 'utf8'), type: 'application/json' };
    server = await serveFiles(routes);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  test('opens on the overview, a click reads a cluster, search finds an author in another one', async () => {
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
    const tile0 = JSON.parse(readFileSync(join(out, 'clusters/0.json'), 'utf8'));
    const tile2 = JSON.parse(readFileSync(join(out, 'clusters/2.json'), 'utf8'));
    assert.ok(index.overview.clusters.length >= 3, 'the generated field has clusters to open');
    mkdirSync('test-results', { recursive: true });

    const { page, errors } = await openApp(browser, `?file=${encodeURIComponent(`${server.base}/field/index.json`)}`);
    await page.waitForFunction(
      (n) => {
        const g = window.__coauthorAtlas?.sigma.getGraph();
        return g && g.order === n && g.everyNode((_k, a) => a.kind === 'cluster');
      },
      index.overview.clusters.length,
      { timeout: 60_000 },
    );
    await waitForGraph(page);
    const overview = await page.evaluate(() => {
      const g = window.__coauthorAtlas.sigma.getGraph();
      let members = 0;
      g.forEachNode((_n, a) => (members += a.authorCount));
      return { members, edges: g.size, positions: g.mapNodes((n, a) => [n, a.x, a.y]), running: window.__coauthorAtlas.layoutRunning() };
    });
    assert.equal(overview.members, index.summary.authors, 'the clusters hold every author');
    assert.equal(overview.edges, index.overview.edges.length);
    // The overview is drawn where the CLI laid it out (no layout runs on the page).
    assert.equal(overview.running, false);
    const cliPlace = new Map(index.overview.clusters.map((c) => [`c:${c.community}`, [c.x, c.y]]));
    assert.deepEqual(
      overview.positions,
      overview.positions.map(([n]) => [n, ...cliPlace.get(n)]),
    );
    // The summary counts the field's works as its papers (the folder carries counts, not papers).
    const details = page.getByRole('complementary', { name: 'Details' });
    assert.equal(await details.locator('[data-count="papers"]').textContent(), index.summary.works.toLocaleString('en-US'));
    await page.getByText(`Overview: ${index.summary.authors.toLocaleString('en-US')} nodes`).waitFor();
    // The side panel gives the field's own counts (its papers are not in the page).
    await page.getByText(`${index.summary.works.toLocaleString('en-US')} works, ${index.summary.authorships.toLocaleString('en-US')} authorships`).waitFor();
    await page.screenshot({ path: 'test-results/field-overview.png' });

    // A click on the largest cluster reads clusters/0.json and draws its authors, hubs and ties.
    await clickNode(page, 'c:0');
    const authors0 = tile0.authors.filter((a) => a.community === 0);
    const hubs0 = tile0.hubs.filter((h) => h.community === 0);
    const edges0 = tile0.edges.length + hubs0.reduce((s, h) => s + h.authors.length, 0);
    await page.waitForFunction((n) => window.__coauthorAtlas.sigma.getGraph().filterNodes((_k, a) => a.kind === 'author').length === n, authors0.length, {
      timeout: 30_000,
    });
    await waitForGraph(page);
    const drilled = await page.evaluate(() => ({ order: window.__coauthorAtlas.sigma.getGraph().order, size: window.__coauthorAtlas.sigma.getGraph().size }));
    assert.equal(drilled.order, authors0.length + hubs0.length);
    assert.equal(drilled.size, edges0);
    assert.ok(page.url().includes('drill=0'), 'the drilled cluster is in the URL');
    await page.getByText(`Cluster 1: ${drilled.order.toLocaleString('en-US')} nodes`).waitFor();
    await page.screenshot({ path: 'test-results/field-cluster.png' });
    // Drawn at the CLI's positions, as they are: no layout runs on drill.
    const placed = await page.evaluate(() => ({
      running: window.__coauthorAtlas.layoutRunning(),
      positions: Object.fromEntries(window.__coauthorAtlas.sigma.getGraph().mapNodes((n, a) => [n, [a.x, a.y]])),
    }));
    assert.equal(placed.running, false);
    assert.deepEqual(placed.positions, Object.fromEntries([...authors0.map((a) => [`a:${a.id}`, [a.x, a.y]]), ...hubs0.map((h) => [`p:${h.id}`, [h.x, h.y]])]));
    // The panel counts the cluster's papers: the distinct works of its authors.
    const works0 = new Set(authors0.flatMap((a) => a.works));
    assert.ok(works0.size > 0);
    assert.equal(await details.locator('[data-count="papers"]').textContent(), works0.size.toLocaleString('en-US'));

    // The counting switch: fractional weights on the cluster's ties, then on the overview's.
    const weights = () => page.evaluate(() => Object.fromEntries(window.__coauthorAtlas.sigma.getGraph().mapEdges((e, a) => [e, a.weight])));
    const full0 = await weights();
    for (const e of tile0.edges) assert.equal(full0[[`a:${e.a}`, `a:${e.b}`].sort().join('~')], e.full);
    await details.getByText('Graph options').click();
    await details.getByRole('combobox', { name: 'Counting' }).selectOption('fractional');
    const fractionalOf = new Map(tile0.edges.map((e) => [[`a:${e.a}`, `a:${e.b}`].sort().join('~'), e.fractional]));
    const changed = [...fractionalOf].find(([k, f]) => f !== full0[k]);
    assert.ok(changed, 'some tie weighs less in fractional counting');
    await page.waitForFunction(
      ([k, f]) => {
        const g = window.__coauthorAtlas.sigma.getGraph();
        return g.hasEdge(k) && g.getEdgeAttribute(k, 'weight') === f;
      },
      changed,
      { timeout: 30_000 },
    );
    // The cluster stays on screen while its weights change (no trip to the overview).
    assert.equal(await page.evaluate(() => window.__coauthorAtlas.sigma.getGraph().order), drilled.order);
    const fractional0 = await weights();
    for (const [k, f] of fractionalOf) assert.ok(Math.abs(fractional0[k] - f) < 1e-9, k);
    await page.screenshot({ path: 'test-results/field-cluster-fractional.png' });

    // Its most prolific author's panel, from the tile's figures: their papers, not 0.
    const prolific = [...authors0].sort((a, b) => b.papers - a.papers || a.id.localeCompare(b.id))[0];
    await clickNode(page, `a:${prolific.id}`);
    assert.equal(await details.getByRole('heading').first().textContent(), prolific.label);
    await details.getByText(String(prolific.papers), { exact: true }).first().waitFor();
    assert.equal(
      await details
        .locator('dt', { hasText: /^Papers$/ })
        .locator('xpath=following-sibling::dd[1]')
        .textContent(),
      String(prolific.papers),
    );
    await page.screenshot({ path: 'test-results/field-author.png' });

    // Back to the overview, then search an author of cluster 3 (community 2) by name: their cluster opens with them selected.
    await page.getByRole('button', { name: '← Overview' }).click();
    await page.waitForFunction(() => window.__coauthorAtlas.sigma.getGraph().everyNode((_k, a) => a.kind === 'cluster'));
    // The overview's ties in fractional counting too (the choice stays).
    const overviewFractional = await weights();
    for (const e of index.overview.edges) assert.ok(Math.abs(overviewFractional[[`c:${e.a}`, `c:${e.b}`].sort().join('~')] - e.fractional) < 1e-9);
    assert.ok(index.overview.edges.some((e) => e.fractional < e.weight));
    const sought = tile2.authors.find((a) => a.community === 2 && !authors0.some((b) => b.label === a.label));
    const box = page.getByRole('combobox', { name: 'Search' });
    await box.fill(sought.label);
    await page
      .getByRole('option', { name: new RegExp(sought.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
      .first()
      .click();
    await page.waitForFunction((id) => window.__coauthorAtlas.sigma.getGraph().hasNode(id), `a:${sought.id}`, { timeout: 30_000 });
    await waitForGraph(page);
    assert.ok(page.url().includes('drill=2'), 'search opened the author’s cluster');
    assert.equal(await details.getByRole('heading').first().textContent(), sought.label);
    // A name-only author (no OpenAlex id on any listing) is searchable like any other.
    const guests = JSON.parse(readFileSync(join(out, 'search/g.json'), 'utf8')).filter((e) => e[1].startsWith('name:'));
    assert.ok(guests.length > 0 && index.summary.nameOnlyAuthors > 0);
    await page.screenshot({ path: 'test-results/field-search.png' });
    assert.deepEqual(errors.map(String), []);
    await page.close();
  });
});
