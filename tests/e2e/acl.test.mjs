// The ACL Anthology 2019 (48,952 papers) imported in the browser: the cluster overview shows,
// a click drills into a cluster and search opens any author's cluster. Skipped without ../shared.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { clickNode, launch, openApp, waitForGraph } from './browser.mjs';

const dir = resolve(import.meta.dirname, '../../../shared/datasets/acl-anthology-2019/xml');
const present = existsSync(dir);
if (!present) console.log(`ACL Anthology data not found at ${dir}: the ACL browser test is skipped.`);

describe('ACL Anthology in the browser', { skip: !present && 'ACL Anthology data absent' }, () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('imports, opens on the cluster overview, drills into a cluster and finds an author', async () => {
    const { page } = await openApp(browser);
    // Whether the graph builder's progress bar ever shows (it may be gone again before the test looks).
    await page.evaluate(() => {
      window.__sawBuildProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('progress[aria-label="Building the graph"]')) window.__sawBuildProgress = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.xml'))
      .map((f) => join(dir, f));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByLabel('Import papers').setInputFiles(files);
    const report = page.getByRole('region', { name: 'Import report' });
    await report.waitFor({ timeout: 300_000 });
    // Stored by the import worker (a big dataset: the page does not pause for its copy into IndexedDB).
    await page.getByText(/Saved in this browser/).waitFor({ timeout: 120_000 });
    const stored = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const req = indexedDB.open('coauthor-atlas');
          req.onsuccess = () => {
            const all = req.result.transaction('summaries').objectStore('summaries').getAll();
            all.onsuccess = () => {
              resolve(all.result.map((r) => ({ id: r.id, papers: r.papers })));
              req.result.close();
            };
            all.onerror = () => resolve(null);
          };
          req.onerror = () => resolve(null);
        }),
    );
    const datasetParam = await page.evaluate(() => new URLSearchParams(location.search).get('dataset'));
    // The papers opened (48,952 read, less duplicates merged across files) are the papers stored.
    const summary = await page.locator('.import-summary').textContent();
    const imported = Number(summary.match(/: ([\d,]+) papers/)[1].replace(/,/g, ''));
    assert.ok(imported > 48_000 && imported <= 48_952, summary);
    assert.deepEqual(stored, [{ id: datasetParam, papers: imported }]);
    await page.keyboard.press('Escape');
    // The overview: clusters only, their members adding up to the authors.
    await page.waitForFunction(
      () => {
        const g = window.__coauthorAtlas?.sigma.getGraph();
        return g && g.order > 1 && g.everyNode((_n, a) => a.kind === 'cluster');
      },
      null,
      { timeout: 300_000 },
    );
    await waitForGraph(page);
    const overview = await page.evaluate(() => {
      const g = window.__coauthorAtlas.sigma.getGraph();
      let members = 0;
      g.forEachNode((_n, a) => {
        members += a.authorCount;
      });
      return { order: g.order, members };
    });
    assert.ok(overview.order <= 2000, `overview of ${overview.order} nodes`);
    assert.ok(overview.members > 38_000, `${overview.members} authors in the overview`);
    assert.equal(await page.evaluate(() => window.__sawBuildProgress), true, 'the build showed its progress bar');
    // 324 files are described by their count, not listed.
    await page
      .getByRole('complementary', { name: 'Details' })
      .getByText(/^Imported from 324 files \(A00\.xml, A83\.xml, A88\.xml, …\)\.$/)
      .first()
      .waitFor();
    // Half a century of years: labels on round years, far enough apart to read.
    const ticks = await page.locator('.lens-ticks .tick').evaluateAll((ts) => ts.map((t) => ({ year: Number(t.textContent), x: parseFloat(t.style.left) })));
    const bars = await page.locator('.lens-histogram rect').count();
    assert.ok(ticks.length > 3 && ticks.length < bars / 2, `${ticks.length} labels for ${bars} years`);
    const step = ticks[1].year - ticks[0].year;
    assert.ok([2, 5, 10].includes(step) && ticks.every((t) => t.year % step === 0), ticks.map((t) => t.year).join(' '));
    for (let i = 1; i < ticks.length; i++) assert.ok(ticks[i].x - ticks[i - 1].x >= 36, `labels ${ticks[i - 1].year} and ${ticks[i].year} too close`);

    // Lenses on the overview: a year range applies to the whole graph, summed per cluster.
    const hiddenClusters = () =>
      page.evaluate(() => {
        const sigma = window.__coauthorAtlas.sigma;
        return sigma.getGraph().filterNodes((n) => sigma.getNodeDisplayData(n)?.hidden).length;
      });
    assert.equal(await hiddenClusters(), 0);
    await page.selectOption('select[aria-label="To year"]', '2000');
    await page.selectOption('select[aria-label="From year"]', '1999');
    const note = page.locator('.lens-notes');
    await note.filter({ hasText: /authors kept/ }).waitFor({ timeout: 60_000 });
    const [kept, total] = (await note.textContent())
      .match(/([\d,]+) of ([\d,]+) authors kept/)
      .slice(1)
      .map((x) => Number(x.replace(/,/g, '')));
    assert.ok(kept > 0 && kept < total / 4, `1999–2000 keeps ${kept} of ${total} authors`);
    // The side panel counts the same: the authors of the clusters drawn, of the whole graph's.
    const panelAuthors = `${kept.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`;
    await page.waitForFunction((t) => document.querySelector('[data-count="authors"]')?.textContent === t, panelAuthors, { timeout: 30_000 });
    await page.waitForFunction(
      () => {
        const sigma = window.__coauthorAtlas.sigma;
        return sigma.getGraph().someNode((n) => sigma.getNodeDisplayData(n)?.hidden);
      },
      null,
      { timeout: 60_000 },
    );
    const hidden = await hiddenClusters();
    assert.ok(hidden > 0 && hidden < overview.order, `${hidden} of ${overview.order} clusters hidden`);
    await page.screenshot({ path: 'test-results/acl-overview-1999-2000.png' });
    // Cleared, every cluster is back.
    const years = await page.locator('select[aria-label="From year"] option').evaluateAll((os) => os.map((o) => o.value));
    await page.selectOption('select[aria-label="From year"]', years[0]);
    await page.selectOption('select[aria-label="To year"]', years[years.length - 1]);
    await page.waitForFunction(
      () => {
        const sigma = window.__coauthorAtlas.sigma;
        return !sigma.getGraph().someNode((n) => sigma.getNodeDisplayData(n)?.hidden);
      },
      null,
      { timeout: 60_000 },
    );

    // VOSviewer's overlay on the overview: colour by average publication year colours the clusters themselves (by
    // their authors' papers), in the ramp's colours instead of their community colours.
    const clusterColours = () =>
      page.evaluate(() => {
        const s = window.__coauthorAtlas.sigma;
        const out = {};
        s.getGraph().forEachNode((n, a) => {
          if (a.kind === 'cluster') out[n] = s.getNodeDisplayData(n).color;
        });
        return out;
      });
    const byCommunity = await clusterColours();
    await page.getByLabel('Colour by').selectOption('avgYear');
    const yearLegend = page.getByLabel('Colour legend: Average publication year');
    await yearLegend.waitFor();
    await page.waitForTimeout(300);
    const byYear = await clusterColours();
    const clusterIds = Object.keys(byCommunity);
    const recoloured = clusterIds.filter((n) => byYear[n] !== byCommunity[n]).length;
    assert.ok(recoloured > 0.9 * clusterIds.length, `${recoloured} of ${clusterIds.length} clusters in overlay colours`);
    assert.ok(new Set(Object.values(byYear)).size >= 5, 'several average years');
    const yearStops = await yearLegend.locator('.lens-swatch').count();
    assert.ok(yearStops >= 2, `${yearStops} legend stops`);
    await page.screenshot({ path: 'test-results/acl-overview-avg-year.png' });
    await page.getByLabel('Colour by').selectOption('community');

    // The path lens on the overview: found in the whole graph, listed hop by hop, its clusters highlighted.
    await page.getByRole('button', { name: 'Path' }).click();
    await page.getByLabel('Path from').fill('Christopher D. Manning');
    await page.getByLabel('Path to').fill('Dan Jurafsky');
    await page.getByRole('button', { name: 'Find path' }).click();
    const pathResult = page.getByRole('region', { name: 'Path result' });
    await pathResult.getByText(/\d+ hops? from Christopher D\. Manning to Dan Jurafsky/).waitFor({ timeout: 60_000 });
    const hopItems = pathResult.locator('ol > li');
    assert.ok((await hopItems.count()) >= 1);
    assert.match(await hopItems.first().textContent(), /^Christopher D\. Manning — /);
    const litClusters = await page.evaluate(() => {
      const sigma = window.__coauthorAtlas.sigma;
      return sigma.getGraph().filterNodes((n) => sigma.getNodeDisplayData(n)?.highlighted).length;
    });
    assert.ok(litClusters >= 1, `${litClusters} clusters highlighted`);
    await page.screenshot({ path: 'test-results/acl-overview-path.png' });
    await page.getByRole('button', { name: 'Clear' }).click();
    const pathToggle = page.getByRole('button', { name: /^Path/ });
    await pathToggle.click();
    assert.equal(await pathToggle.getAttribute('aria-expanded'), 'false');

    // The cluster to click: the smallest of 50 or more authors whose drawn disc no other cluster's disc touches and
    // that no panel covers (a click where two discs overlap opens the one drawn on top).
    const target = await page.evaluate(() => {
      const sigma = window.__coauthorAtlas.sigma;
      const g = sigma.getGraph();
      const rect = sigma.getContainer().getBoundingClientRect();
      const disc = (n) => {
        const d = sigma.getNodeDisplayData(n);
        const p = sigma.framedGraphToViewport(d);
        return { x: p.x, y: p.y, r: sigma.scaleSize(d.size), hidden: d.hidden };
      };
      const discs = g.nodes().map((n) => [n, disc(n)]);
      const clear = (n) => {
        const p = disc(n);
        if (p.hidden || p.x < 10 || p.y < 10 || p.x > rect.width - 10 || p.y > rect.height - 10) return false;
        if (!sigma.getContainer().contains(document.elementFromPoint(rect.left + p.x, rect.top + p.y))) return false;
        return discs.every(([m, q]) => m === n || q.hidden || Math.hypot(q.x - p.x, q.y - p.y) > q.r + p.r + 2);
      };
      const candidates = g
        .filterNodes((_n, a) => a.authorCount >= 50)
        .map((n) => [n, g.getNodeAttribute(n, 'authorCount')])
        .sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : 1));
      const [node, size] = candidates.find(([n]) => clear(n)) ?? candidates[0];
      return { node, size, community: g.getNodeAttribute(node, 'community') };
    });
    await clickNode(page, target.node);
    await page.waitForFunction(() => /drill=\d+/.test(location.search), null, { timeout: 60_000 });
    assert.equal(await page.evaluate(() => new URLSearchParams(location.search).get('drill')), String(target.community), 'the clicked cluster opened');
    await waitForGraph(page);
    const drilled = await page.evaluate(() => {
      const g = window.__coauthorAtlas.sigma.getGraph();
      const authors = g.filterNodes((_n, a) => a.kind === 'author');
      return { authors: authors.length, label: g.getNodeAttribute(authors[authors.length - 1], 'label') };
    });
    assert.equal(drilled.authors, target.size);

    // Back to the overview, then search that author: their cluster opens and they are selected.
    await page.getByRole('button', { name: '← Overview' }).click();
    await page.waitForFunction(() => window.__coauthorAtlas.sigma.getGraph().everyNode((_n, a) => a.kind === 'cluster'));
    await page.getByRole('combobox', { name: 'Search' }).fill(drilled.label);
    const escaped = drilled.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await page
      .getByRole('option', { name: new RegExp(`^${escaped}\\s+\\d+ papers?$`) })
      .first()
      .click();
    await page.waitForFunction((label) => window.__coauthorAtlas.sigma.getGraph().someNode((_n, a) => a.label === label), drilled.label, { timeout: 60_000 });
    assert.equal(await page.getByRole('complementary', { name: 'Details' }).getByRole('heading').first().textContent(), drilled.label);
    await page.screenshot({ path: 'test-results/acl-drill.png' });

    // A reload reopens the stored dataset (read by a worker: it is big) on the same overview.
    await page.getByRole('button', { name: '← Overview' }).click();
    await page.reload();
    await page.waitForFunction(
      (order) => {
        const g = window.__coauthorAtlas?.sigma.getGraph();
        return g && g.order === order && g.everyNode((_n, a) => a.kind === 'cluster');
      },
      overview.order,
      { timeout: 300_000 },
    );
    assert.equal(await page.getByRole('alert').count(), 0);
    await page.close();
  });
});
