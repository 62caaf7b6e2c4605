// Views that follow the data: the side panel's counts and legend, and the size note, describe what is drawn;
// a year range keeps node sizes on the whole graph's scale.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { launch, openApp } from './browser.mjs';

const full = JSON.parse(readFileSync(new URL('../../data/profile-full.json', import.meta.url), 'utf8'));
const shots = new URL('../../test-results/', import.meta.url);
mkdirSync(shots, { recursive: true });

/** What sigma draws now, counted from its own display data (independent of the panel's code). */
const drawn = (page) =>
  page.evaluate(() => {
    const s = window.__coauthorAtlas.sigma;
    const g = s.getGraph();
    const shown = (n) => !s.getNodeDisplayData(n).hidden;
    let authors = 0;
    let hubs = 0;
    const communities = new Map();
    g.forEachNode((n, a) => {
      if (!shown(n)) return;
      if (a.kind === 'author') {
        authors++;
        communities.set(a.community, (communities.get(a.community) ?? 0) + 1);
      }
      if (a.kind === 'paper') hubs++;
    });
    let links = 0;
    g.forEachEdge((e, a, src, dst) => {
      if (a.kind === 'coauthor' && !s.getEdgeDisplayData(e).hidden && shown(src) && shown(dst)) links++;
    });
    return { authors, hubs, links, clusters: [...communities.values()].sort((x, y) => y - x) };
  });
const num = (t) => Number(t.split(' of ')[0].replace(/,/g, ''));

describe('Views that follow the data', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('after Min papers 2 the panel counts the drawn authors, links, hubs and clusters', async () => {
    const { page, errors } = await openApp(browser);
    const panel = page.getByRole('complementary', { name: 'Details' });
    const whole = await drawn(page);
    assert.equal(num(await panel.locator('[data-count=authors]').textContent()), whole.authors);

    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.getByLabel('Min papers per author').fill('2');
    await page.waitForURL(/minPapers=2/);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('[data-count=authors]').textContent.includes(' of '));
    const now = await drawn(page);
    assert.ok(now.authors > 0 && now.authors < whole.authors / 5, `${now.authors} authors drawn`);
    assert.equal(await panel.locator('[data-count=authors]').textContent(), `${now.authors} of ${whole.authors.toLocaleString('en-US')}`);
    assert.equal(num(await panel.locator('[data-count=links]').textContent()), now.links);
    assert.equal(num(await panel.locator('[data-count=hubs]').textContent()), now.hubs);
    // The legend lists the clusters that still have drawn authors, each with its drawn count.
    const heading = await panel.getByRole('heading', { name: /^Clusters/ }).textContent();
    assert.match(heading, new RegExp(`^Clusters \\(${now.clusters.length} of \\d+\\)$`));
    const counts = await panel.getByRole('list', { name: 'Clusters' }).locator('.count').allTextContents();
    assert.deepEqual(
      counts.map(Number).sort((x, y) => y - x),
      now.clusters.slice(0, counts.length),
    );
    await page.screenshot({ path: new URL('follow-min-papers-2.png', shots).pathname });
    assert.deepEqual(errors.map(String), []);
    await page.close();
  });

  test('the size note follows the size lens', async () => {
    const { page } = await openApp(browser);
    const note = page.locator('.size-note');
    assert.equal(await note.textContent(), 'Node size: papers in this dataset.');
    await page.getByLabel('Size by').selectOption('betweenness');
    await page.waitForFunction(
      () => document.querySelector('.size-note').textContent === 'Node size: betweenness centrality in the drawn graph, scaled to the largest drawn.',
      null,
      {
        timeout: 60_000,
      },
    );
    await page.getByLabel('Size by').selectOption('coauthors');
    await page.waitForFunction(() => document.querySelector('.size-note').textContent.startsWith('Node size: coauthors'));
    await page.getByLabel('Size by').selectOption('papers');
    await page.waitForFunction(() => document.querySelector('.size-note').textContent === 'Node size: papers in this dataset.');
    await page.close();
  });

  test('a year range shrinks node sizes on the whole graph’s scale, never above their unfiltered size', async () => {
    const { page } = await openApp(browser);
    const sizes = () =>
      page.evaluate(() => {
        const s = window.__coauthorAtlas.sigma;
        const out = {};
        s.getGraph().forEachNode((n, a) => {
          const d = s.getNodeDisplayData(n);
          if (a.kind === 'author' && !d.hidden) out[n] = d.size;
        });
        return out;
      });
    const before = await sizes();
    const range = Object.values(before);
    const [lo, hi] = [Math.min(...range), Math.max(...range)];
    await page.getByLabel('From year').selectOption('2025');
    await page.waitForURL(/years=2025/);
    await page.waitForTimeout(300);
    const after = await sizes();
    // The panel counts the papers in range.
    const inRange = full.papers.filter((p) => Number(p.date.slice(0, 4)) >= 2025).length;
    assert.equal(await page.locator('[data-count=papers]').textContent(), `${inRange} of ${full.papers.length}`);
    assert.equal(Number((await page.locator('[data-count=authors]').textContent()).split(' of ')[0]), Object.keys(after).length);
    const kept = Object.keys(after);
    assert.ok(kept.length > 0 && kept.length < range.length);
    for (const n of kept) {
      assert.ok(after[n] <= before[n] + 1e-6, `${n} grew from ${before[n]} to ${after[n]}`);
      assert.ok(after[n] >= lo - 1e-6 && after[n] <= hi + 1e-6);
    }
    // Sizes are on the whole graph's scale: the largest kept non-owner is not blown up to the largest size.
    const others = kept.filter((n) => n !== 'a:yuchen hao').map((n) => after[n]);
    assert.ok(Math.max(...others) < hi * 0.8, `largest kept author is ${Math.max(...others)} of ${hi}`);
    await page.screenshot({ path: new URL('follow-years-2025.png', shots).pathname });
    await page.close();
  });
});
