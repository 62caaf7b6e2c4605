// Normalised links in Chromium: the Normalisation control changes the drawn edge widths and reruns the layout, the
// choice survives a reload by URL, and an author's Links and Total link strength show in the panel and the table.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launch, openApp, waitForGraph } from './browser.mjs';

const shots = new URL('../../test-results/', import.meta.url);
mkdirSync(shots, { recursive: true });

/** Drawn (post-reducer) sizes of the coauthor edges, and a few node positions. */
const drawn = (page) =>
  page.evaluate(() => {
    const sigma = window.__coauthorAtlas.sigma;
    const g = sigma.getGraph();
    const sizes = {};
    g.forEachEdge((e, a) => {
      if (a.kind === 'coauthor') sizes[e] = sigma.getEdgeDisplayData(e).size;
    });
    const positions = {};
    for (const n of g.nodes().slice(0, 50)) positions[n] = [g.getNodeAttribute(n, 'x'), g.getNodeAttribute(n, 'y')];
    return { sizes, positions };
  });

const details = (page) => page.getByRole('complementary', { name: 'Details' });

describe('normalised links', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('association strength changes drawn edge widths and the layout, and comes back on reload', async () => {
    const { page, errors } = await openApp(browser);
    const before = await drawn(page);
    const ids = Object.keys(before.sizes);
    assert.ok(ids.length > 500, `${ids.length} coauthor edges`);

    await page.getByLabel('Normalisation').selectOption('association');
    await page.waitForURL(/norm=association/);
    // The layout reruns with the new attraction.
    await page.waitForFunction(() => window.__coauthorAtlas.layoutRunning(), null, { timeout: 10_000 }).catch(() => {});
    await waitForGraph(page);
    const assoc = await drawn(page);
    const changed = ids.filter((e) => Math.abs(assoc.sizes[e] - before.sizes[e]) > 0.05);
    assert.ok(changed.length > ids.length / 10, `${changed.length} of ${ids.length} edge widths changed`);
    const widths = Object.values(assoc.sizes);
    assert.ok(Math.abs(Math.max(...widths) - 3.5) < 1e-6 && Math.min(...widths) >= 0.4 - 1e-9, 'widths span the display scale');
    const moved = Object.keys(before.positions).filter(
      (n) => Math.hypot(assoc.positions[n][0] - before.positions[n][0], assoc.positions[n][1] - before.positions[n][1]) > 1e-3,
    );
    assert.ok(moved.length > 10, `${moved.length} nodes moved with the new attraction`);
    await page.screenshot({ path: new URL('normalisation-association.png', shots).pathname });

    // Reload: the URL brings the choice back, and the same widths are drawn.
    await page.reload();
    await waitForGraph(page);
    assert.equal(await page.getByLabel('Normalisation').inputValue(), 'association');
    const reloaded = await drawn(page);
    for (const e of ids) assert.ok(Math.abs(reloaded.sizes[e] - assoc.sizes[e]) < 1e-9, `${e} drawn as before the reload`);

    // Fractionalization differs from association strength; none brings the first widths back.
    await page.getByLabel('Normalisation').selectOption('fractionalization');
    await page.waitForURL(/norm=fractionalization/);
    await waitForGraph(page);
    const frac = await drawn(page);
    assert.ok(
      ids.some((e) => Math.abs(frac.sizes[e] - assoc.sizes[e]) > 0.05),
      'fractionalization draws other widths',
    );
    await page.getByLabel('Normalisation').selectOption('none');
    await page.waitForFunction(() => !/norm=/.test(window.location.search));
    await waitForGraph(page);
    const none = await drawn(page);
    for (const e of ids) assert.ok(Math.abs(none.sizes[e] - before.sizes[e]) < 1e-9, `${e} back to its shared-paper width`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test("an author's Links and Total link strength in the panel and the table, and top N in the URL", async () => {
    const { page, errors } = await openApp(browser, '?author=liang%20luo');
    const panel = details(page);
    await panel.getByRole('heading', { name: 'Liang Luo' }).first().waitFor();
    const links = Number(await panel.getByTestId('links').textContent());
    const strength = Number(await panel.getByTestId('total-link-strength').textContent());
    // Independent: the panel's own coauthor list (one entry per distinct coauthor) and the papers the two share.
    const coauthors = Number((await panel.getByRole('heading', { name: /^Coauthors by shared papers/ }).textContent()).match(/\((\d+)\)/)[1]);
    assert.equal(links, coauthors);
    assert.ok(strength >= links, `strength ${strength} ≥ links ${links} under full counting`);

    await page.getByRole('button', { name: 'Table' }).click();
    const grid = page.getByRole('grid', { name: 'Visible authors' });
    const row = grid.locator('[role=row][aria-selected=true]');
    await row.getByText('Liang Luo').waitFor();
    const cells = await row.locator('[role=gridcell]').allTextContents();
    const header = await grid.locator('[role=row].head [role=columnheader]').allTextContents();
    assert.equal(Number(cells[header.findIndex((h) => h.startsWith('Links'))]), links);
    assert.equal(Number(cells[header.findIndex((h) => h.startsWith('Total link strength'))]), strength);

    // Top 10 by total link strength: ten authors left in the table, kept on reload.
    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.getByLabel(/Top authors by total link strength/).fill('10');
    await page.waitForURL(/top=10/);
    await page.waitForFunction(() => document.querySelector('[role=grid][aria-label="Visible authors"]')?.getAttribute('aria-rowcount') === '11');
    await page.screenshot({ path: new URL('normalisation-top10.png', shots).pathname });
    await page.reload();
    await waitForGraph(page);
    const shown = await page.evaluate(() => {
      const s = window.__coauthorAtlas.sigma;
      return s
        .getGraph()
        .filterNodes((n, a) => a.kind === 'author')
        .filter((n) => !s.getNodeDisplayData(n).hidden).length;
    });
    assert.equal(shown, 10);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
