// Small things users notice: scroll to a new selection, the camera above the table sheet, cluster names in the
// table, greys that never meet and a note that names them, shared papers in order, undefined profile figures
// explained, the profile's affiliation tags labelled as its claim.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { launch, nodePosition, openApp, waitForGraph } from './browser.mjs';

const full = JSON.parse(readFileSync(new URL('../../data/profile-full.json', import.meta.url), 'utf8'));
const shots = new URL('../../test-results/', import.meta.url);
mkdirSync(shots, { recursive: true });
const details = (page) => page.getByRole('complementary', { name: 'Details' });
const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

describe('Small things', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('choosing an author far down a long list shows the new panel from its heading', async () => {
    const { page } = await openApp(browser, '?cluster=0');
    const panel = details(page);
    await panel
      .getByRole('button', { name: /^Show all|^Show \d+ more/ })
      .click()
      .catch(() => {});
    const members = panel.locator('.filterable li button.link');
    const count = await members.count();
    assert.ok(count >= 25, `${count} members listed`);
    const far = members.nth(count - 1);
    const name = (await far.textContent()).trim();
    await far.scrollIntoViewIfNeeded();
    assert.ok((await panel.evaluate((el) => el.scrollTop)) > 300);
    await far.click();
    const heading = panel.getByRole('heading', { level: 2, name, exact: true });
    await heading.waitFor();
    await page.waitForFunction(() => document.querySelector('aside.details').scrollTop === 0);
    const [h, aside] = [await heading.boundingBox(), await panel.boundingBox()];
    assert.ok(h.y >= aside.y && h.y + h.height <= aside.y + aside.height, 'the heading is in view');
    await page.close();
  });

  test('Enter in the table centres the author above the table sheet, and the cluster column names clusters', async () => {
    const { page } = await openApp(browser);
    const legend = await details(page).getByRole('list', { name: 'Clusters' }).locator('.legend-name').allTextContents();
    await page.getByRole('button', { name: 'Table' }).click();
    const grid = page.getByRole('grid', { name: 'Visible authors' });
    await grid.waitFor();
    // The cluster column: names as the legend gives them, not numbers.
    const headers = await grid.getByRole('columnheader').allTextContents();
    const clusterColumn = headers.findIndex((h) => /^Cluster/.test(h.trim())) + 1;
    assert.ok(clusterColumn > 0, `a Cluster column among ${headers.join(', ')}`);
    const clusterCells = await grid.locator(`[role=row]:not(.head) [role=gridcell]:nth-child(${clusterColumn})`).allTextContents();
    assert.ok(clusterCells.length > 5);
    for (const c of clusterCells) {
      assert.doesNotMatch(c, /^\d+$/);
      assert.ok(legend.includes(c), `${c} is not a cluster name of the legend`);
    }
    await grid.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    const activeId = await grid.getAttribute('aria-activedescendant');
    const node = decodeURIComponent(activeId.replace('lens-row-', ''));
    await page.keyboard.press('Enter');
    await page.waitForURL(/author=/);
    await page.waitForTimeout(100);
    await waitForGraph(page);
    const table = await page.getByRole('region', { name: 'Table of visible authors' }).boundingBox();
    const stage = await page.locator('.graph-stage').boundingBox();
    const at = await nodePosition(page, node);
    assert.ok(at.y < table.y - 10, `the node is drawn at y=${at.y}, under the table sheet (top ${table.y})`);
    // Centred in the part the sheet leaves uncovered, not in the whole stage.
    const uncovered = (stage.y + Math.min(stage.y + stage.height, table.y)) / 2;
    assert.ok(Math.abs(at.y - uncovered) < 30, `node at ${at.y}, uncovered centre ${uncovered}`);
    await page.screenshot({ path: new URL('small-table-enter.png', shots).pathname });
    await page.close();
  });

  for (const theme of ['light', 'dark']) {
    test(`${theme}: paper hubs, the eighth cluster and the rest are different colours, and the note names them`, async () => {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, colorScheme: theme });
      await page.goto(new URL('', process.env.ATLAS_BASE_URL ?? 'http://127.0.0.1:4173/').toString());
      await waitForGraph(page);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme);
      const colours = await page.evaluate(() => {
        const s = window.__coauthorAtlas.sigma;
        const hubs = new Set();
        const byCommunity = new Map();
        s.getGraph().forEachNode((n, a) => {
          const c = s.getNodeDisplayData(n).color;
          if (a.kind === 'paper') hubs.add(c);
          if (a.kind === 'author') byCommunity.set(a.community, c);
        });
        return { hubs: [...hubs], byCommunity: Object.fromEntries(byCommunity) };
      });
      assert.equal(colours.hubs.length, 1);
      const hub = colours.hubs[0];
      for (const [c, colour] of Object.entries(colours.byCommunity)) assert.notEqual(colour, hub, `cluster ${c} shares the hubs' colour ${hub}`);
      const note = await page.locator('.legend-note').textContent();
      const words =
        theme === 'light'
          ? ['Dark grey nodes are papers', 'eighth cluster is black', 'past the eighth share light grey']
          : ['Light grey nodes are papers', 'eighth cluster is white', 'past the eighth share dark grey'];
      for (const w of words) assert.ok(note.includes(w), `note lacks “${w}”: ${note}`);
      // The legend, in colour order: its eighth swatch is the named colour, the ninth the grey the note names,
      // and each swatch is the colour its cluster is drawn in.
      const swatches = await details(page)
        .getByRole('list', { name: 'Clusters' })
        .locator('.swatch')
        .evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
      assert.equal(swatches.length, 9);
      assert.equal(swatches[7], theme === 'light' ? 'rgb(0, 0, 0)' : 'rgb(255, 255, 255)');
      assert.equal(swatches[8], theme === 'light' ? rgb('#9a9a9a') : rgb('#686c7a'));
      for (let c = 0; c < 9; c++) assert.equal(rgb(colours.byCommunity[c]), swatches[c]);
      await page.screenshot({ path: new URL(`small-palette-${theme}.png`, shots).pathname });
      await page.close();
    });
  }

  test('the graph follows its stage when only the stage changes height (no window resize)', async () => {
    const { page } = await openApp(browser);
    const size = () => page.evaluate(() => window.__coauthorAtlas.sigma.getDimensions());
    const before = await size();
    // What a notice or a bar above the graph does: the stage gets shorter while the window stays as it was.
    await page.evaluate(() => {
      document.querySelector('.graph-stage').style.flex = '0 0 300px';
    });
    await page.waitForFunction(() => window.__coauthorAtlas.sigma.getDimensions().height === 300, null, { timeout: 10_000 });
    assert.equal((await size()).width, before.width);
    // And drawn again at that size: the node canvas has the new height.
    await page.waitForFunction(() => {
      const s = window.__coauthorAtlas.sigma;
      return s.getCanvases().nodes.height === Math.round(300 * window.devicePixelRatio);
    });
    await page.close();
  });

  test('shared papers are listed newest first', async () => {
    const { page } = await openApp(browser, '?pair=yuchen%20hao%7Cliang%20luo');
    const list = details(page).getByRole('list', { name: 'Shared papers' });
    await list.waitFor();
    const years = (await list.locator('li .muted').allTextContents()).map((t) => Number(t.match(/\d{4}/)[0]));
    assert.ok(years.length >= 3);
    assert.deepEqual(
      years,
      [...years].sort((a, b) => b - a),
    );
    await page.close();
  });

  test('novelty and AI score carry a definition; the Llama 3 tags are labelled as the profile’s claim', async () => {
    const { page } = await openApp(browser);
    const panel = details(page);
    for (const label of ['novelty', 'AI score']) {
      const stat = panel.locator('.stats > div').filter({ has: page.locator('dt', { hasText: label }) });
      assert.match(await stat.getAttribute('title'), /profile page reports.*does not say how it is computed/);
      const described = await stat.getAttribute('aria-describedby');
      assert.match(await page.locator(`#${described}`).textContent(), /Novelty and AI score are the profile page’s own figures/);
    }
    const llama = full.papers.find((p) => p.id === 'seed-01');
    assert.deepEqual(llama.affiliationTags, ['allen-ai', 'berkeley']);
    await page.goto(new URL('?paper=seed-01', process.env.ATLAS_BASE_URL ?? 'http://127.0.0.1:4173/').toString());
    await waitForGraph(page);
    await panel.getByRole('heading', { level: 2, name: llama.title }).waitFor();
    const term = panel.locator('dt', { hasText: 'Affiliation tags' });
    assert.equal(await term.textContent(), 'Affiliation tags (the profile’s claim)');
    assert.match(await panel.locator('.claim-note').textContent(), /no source we read confirms the tags/);
    await page.close();
  });
});
