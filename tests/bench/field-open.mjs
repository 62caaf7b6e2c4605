/**
 * Opens a field folder written by `npm run field` (by default the 1M bench's, `npm run bench:field -- --keep`) in the
 * production build by `?file=<its index.json>` in Chromium: the overview draws, the largest cluster drills, one author
 * of another cluster is found by search. Prints the overview's first frame and the drill time (from the click) with the
 * machine's load average; screenshots in test-results/. Not part of npm test.
 *
 *   node tests/bench/field-open.mjs [tmp/field-bench-1000000/folder]
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { serveBench } from './serve.mjs';
import { clickNode, launch } from '../e2e/browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const folder = process.argv[2] ?? join(root, 'tmp/field-bench-1000000/folder');
const index = JSON.parse(readFileSync(join(folder, 'index.json'), 'utf8'));
const appDir = mkdtempSync(join(tmpdir(), 'field-open-'));
await build({ root, logLevel: 'warn', build: { outDir: appDir, emptyOutDir: true } });
const { server, base } = await serveBench({ appDir, bareDir: appDir, dataDir: folder });
const browser = await launch();
const load = () => loadavg().map((x) => Math.round(x * 100) / 100);
const result = { folder, works: index.summary.works, authors: index.summary.authors, clusters: index.summary.clusters, loadBefore: load() };
mkdirSync(join(root, 'test-results'), { recursive: true });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  // First frame: sigma has the overview's clusters and has drawn a frame after them (ms since navigation started).
  await page.goto(`${base}/?file=${encodeURIComponent(`${base}/bench-data/index.json`)}`);
  await page
    .waitForFunction(
      (n) => {
        const g = window.__coauthorAtlas?.sigma.getGraph();
        // The 400 largest clusters, and the rest as one node when there are more.
        return g && g.order >= n && g.everyNode((_k, a) => a.kind === 'cluster');
      },
      index.overview.clusters.length,
      { timeout: 120_000, polling: 'raf' },
    )
    .catch(async (e) => {
      await page.screenshot({ path: join(root, 'test-results/field-1m-timeout.png') });
      console.error(await page.evaluate(() => window.__coauthorAtlas?.sigma.getGraph().order), errors);
      throw e;
    });
  result.overviewFirstFrameMs = Math.round(await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(performance.now())))));
  result.overviewNodes = await page.evaluate(() => window.__coauthorAtlas.sigma.getGraph().order);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(root, 'test-results/field-1m-overview.png') });

  // Drill: a click on the largest cluster, until its authors are in the graph and a frame is drawn.
  const tile0 = JSON.parse(readFileSync(join(folder, index.tiles.ownTiles > 0 ? 'clusters/0.json' : index.tiles.rest[0].file), 'utf8'));
  const authors0 = tile0.authors.filter((a) => a.community === 0).length;
  await clickNode(page, 'c:0');
  const clickedAt = await page.evaluate(() => performance.now());
  await page.waitForFunction((n) => window.__coauthorAtlas.sigma.getGraph().filterNodes((_k, a) => a.kind === 'author').length === n, authors0, {
    timeout: 120_000,
    polling: 'raf',
  });
  const drawnAt = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(performance.now()))));
  result.drill = { cluster: 0, authors: authors0, ms: Math.round(drawnAt - clickedAt), url: page.url().includes('drill=0') };
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(root, 'test-results/field-1m-cluster.png') });

  // Search: an author of cluster 5 by name, back from the overview; their cluster opens with them selected.
  await page.getByRole('button', { name: '← Overview' }).click();
  await page.waitForFunction(() => window.__coauthorAtlas.sigma.getGraph().everyNode((_k, a) => a.kind === 'cluster'), null, { timeout: 60_000 });
  const tile5 = JSON.parse(readFileSync(join(folder, 'clusters/5.json'), 'utf8'));
  const sought = tile5.authors.find((a) => a.community === 5 && a.papers > 1);
  const box = page.getByRole('combobox', { name: 'Search' });
  await box.fill(sought.label);
  const searchedAt = Date.now();
  await page
    .getByRole('option', { name: new RegExp(sought.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
    .first()
    .click();
  await page.waitForFunction((id) => window.__coauthorAtlas.sigma.getGraph().hasNode(id), `a:${sought.id}`, { timeout: 120_000 });
  const heading = await page.getByRole('complementary', { name: 'Details' }).getByRole('heading').first().textContent();
  result.search = { label: sought.label, id: sought.id, found: heading === sought.label, drill5: page.url().includes('drill=5'), ms: Date.now() - searchedAt };
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(root, 'test-results/field-1m-search.png') });
  result.errors = errors;
} finally {
  result.loadAfter = load();
  await browser.close();
  server.close();
  rmSync(appDir, { recursive: true, force: true });
}
process.stdout.write(`${JSON.stringify(result)}\n`);
