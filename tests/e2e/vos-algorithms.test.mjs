// VOSviewer's algorithms in Chromium: Layout VOS + Clusters Leiden on the embedded profile, kept in the URL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launch, openApp, waitForGraph } from './browser.mjs';

const shots = new URL('../../test-results/', import.meta.url);
mkdirSync(shots, { recursive: true });

/** Author positions, communities and the build options of the graph sigma draws. */
const drawn = (page) =>
  page.evaluate(() => {
    const g = window.__coauthorAtlas.sigma.getGraph();
    const authors = {};
    g.forEachNode((n, a) => {
      if (a.kind === 'author') authors[n] = { x: a.x, y: a.y, community: a.community };
    });
    return { authors, options: g.getAttribute('options'), vos: g.getAttribute('vosLayout') ?? false, communityCount: g.getAttribute('communityCount') };
  });

const details = (page) => page.getByRole('complementary', { name: 'Details' });

describe('VOS layout and Leiden clusters', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('choosing VOS + Leiden moves the nodes, keeps communities, and survives a reload by URL', async () => {
    const { page, errors } = await openApp(browser);
    const before = await drawn(page);
    assert.equal(before.options.layout, 'forceatlas2');
    assert.equal(before.vos, false);

    await details(page).getByText('Graph options').click();
    await details(page).getByLabel('Layout').selectOption('vos');
    await details(page).getByLabel('Clustering').selectOption('leiden');
    // The build runs in the pipeline's worker; the new graph replaces the old one when it is whole.
    await page.waitForFunction(
      () => {
        const o = window.__coauthorAtlas?.sigma.getGraph().getAttribute('options');
        return o?.layout === 'vos' && o?.clustering === 'leiden';
      },
      null,
      { timeout: 90_000 },
    );
    await waitForGraph(page);
    const after = await drawn(page);
    assert.equal(after.vos, true, 'the positions are the VOS layout');
    assert.equal(await page.evaluate(() => window.__coauthorAtlas.layoutRunning()), false, 'ForceAtlas2 does not run after VOS');
    assert.doesNotMatch((await page.locator('.layout-status').textContent()) ?? '', /Layout \d+%/, 'no layout progress on show');

    // Same authors, other positions.
    const ids = Object.keys(before.authors);
    assert.deepEqual(Object.keys(after.authors).sort(), [...ids].sort());
    const moved = ids.filter((n) => before.authors[n].x !== after.authors[n].x || before.authors[n].y !== after.authors[n].y);
    assert.equal(moved.length, ids.length, 'every author has a new position');

    // Communities present, numbered 0..k-1 by the graph's own count, and the cluster list shows as many as the authors fall in.
    const communities = new Set(Object.values(after.authors).map((a) => a.community));
    assert.ok(communities.size > 1, `several communities (${communities.size})`);
    for (const c of communities) assert.ok(Number.isInteger(c) && c >= 0 && c < after.communityCount);
    const heading = await details(page)
      .getByRole('heading', { name: /^Clusters \(\d+\)$/ })
      .textContent();
    assert.equal(Number(heading.match(/\d+/)[0]), communities.size);

    const url = new URL(page.url());
    assert.equal(url.searchParams.get('layout'), 'vos');
    assert.equal(url.searchParams.get('clusters'), 'leiden');
    await page.screenshot({ path: new URL('vos-leiden.png', shots).pathname });

    // Reload: the URL alone brings the same choice back, and the seeded algorithms give the same map.
    await page.reload();
    await page.waitForFunction(() => window.__coauthorAtlas?.sigma.getGraph().getAttribute('options')?.layout === 'vos', null, { timeout: 90_000 });
    await waitForGraph(page);
    const reloaded = await drawn(page);
    assert.equal(reloaded.vos, true);
    assert.equal(reloaded.options.clustering, 'leiden');
    assert.deepEqual(reloaded.authors, after.authors, 'same positions and communities after the reload (deterministic)');
    await details(page).getByText('Graph options').click();
    assert.equal(await details(page).getByLabel('Layout').inputValue(), 'vos');
    assert.equal(await details(page).getByLabel('Clustering').inputValue(), 'leiden');

    // Back to ForceAtlas2: the layout runs again and the URL forgets the choice.
    await details(page).getByLabel('Layout').selectOption('forceatlas2');
    await page.waitForFunction(() => window.__coauthorAtlas?.sigma.getGraph().getAttribute('options')?.layout === 'forceatlas2', null, { timeout: 90_000 });
    await waitForGraph(page);
    assert.equal(new URL(page.url()).searchParams.get('layout'), null);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
