// Lenses in Chromium: timeline brush, collaboration path, table twin, URL restore.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { clickNode, launch, openApp, waitForGraph } from './browser.mjs';

const full = JSON.parse(readFileSync(new URL('../../data/profile-full.json', import.meta.url), 'utf8'));
const shots = new URL('../../test-results/', import.meta.url);
mkdirSync(shots, { recursive: true });

// Independent identity, from the raw lists: folded names after the alias list (the owner is on every paper).
const fold = (s) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const alias = new Map(full.aliases.map((a) => [fold(a.from), fold(a.to)]));
const key = (n) => alias.get(fold(n)) ?? fold(n);
const authorsOfYears = (lo, hi) => {
  const set = new Set();
  for (const p of full.papers) {
    const y = Number(p.date.slice(0, 4));
    if (y < lo || y > hi) continue;
    for (const a of p.authors) set.add(`a:${key(a.name)}`);
    set.add(`a:${key(full.owner)}`);
  }
  return set;
};
const titleOf = (id) => full.papers.find((p) => p.id === id).title;

/** Author nodes sigma draws / hides right now. */
const authorDisplay = (page) =>
  page.evaluate(() => {
    const s = window.__coauthorAtlas.sigma;
    const shown = [];
    let hidden = 0;
    s.getGraph().forEachNode((n, a) => {
      if (a.kind !== 'author') return;
      if (s.getNodeDisplayData(n).hidden) hidden++;
      else shown.push(n);
    });
    return { shown, hidden };
  });
const details = (page) => page.getByRole('complementary', { name: 'Details' });

/** Drags the brush over the bars of years lo..hi with the mouse. */
async function brushYears(page, lo, hi) {
  const bar = async (y) =>
    page
      .locator('.lens-histogram rect.bar')
      .filter({ has: page.locator('title', { hasText: new RegExp(`^${y}:`) }) })
      .boundingBox();
  const a = await bar(lo);
  const b = await bar(hi);
  const overlay = await page.locator('.lens-brush .overlay').boundingBox();
  const y = overlay.y + overlay.height / 2;
  await page.mouse.move(a.x + 2, y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x + b.width) / 2, y, { steps: 4 });
  await page.mouse.move(b.x + b.width - 2, y, { steps: 4 });
  await page.mouse.up();
}

describe('Lenses', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('brushing the timeline hides the authors without a paper in range, and clearing shows them again', async () => {
    const { page, errors } = await openApp(browser);
    const before = await authorDisplay(page);
    assert.equal(before.hidden, 0);
    await brushYears(page, 2024, 2024);
    await page.waitForURL(/years=2024(&|$)/);
    await page.waitForFunction(() => [...document.querySelectorAll('.lens-timeline [role=status]')].some((e) => e.textContent.startsWith('4 papers')));
    const after2024 = await authorDisplay(page);
    const expected = authorsOfYears(2024, 2024);
    assert.deepEqual(new Set(after2024.shown), expected);
    assert.equal(after2024.hidden, before.shown.length - expected.size);
    await page.screenshot({ path: new URL('lens-brush-2024.png', shots).pathname });

    // Widen with the mouse: 2022–2024.
    await brushYears(page, 2022, 2024);
    await page.waitForURL(/years=2022-2024/);
    assert.deepEqual(new Set((await authorDisplay(page)).shown), authorsOfYears(2022, 2024));

    await page.getByRole('button', { name: 'All years' }).click();
    await page.waitForFunction(() => !location.search.includes('years='));
    assert.equal((await authorDisplay(page)).hidden, 0);
    assert.deepEqual(errors.map(String), []);
    await page.close();
  });

  test('the path between two authors is listed hop by hop with its papers; "no path" when filtered apart', async () => {
    const { page } = await openApp(browser);
    await page.getByRole('button', { name: 'Path' }).click();
    await page.getByLabel('Path from').fill('Jay Li');
    await page.getByLabel('Path to').fill('Quanyu Zhu');
    await page.getByRole('button', { name: 'Find path' }).click();
    const result = page.getByRole('region', { name: 'Path result' });
    await result.getByText('2 hops from Jay Li to Quanyu Zhu').waitFor();
    // Jay Li's only paper is DHEN (seed-03), Quanyu Zhu's only paper is LoKA (seed-07): each hop lists one of them.
    const hops = result.locator('ol > li');
    assert.equal(await hops.count(), 2);
    assert.match(await hops.nth(0).textContent(), /^Jay Li — /);
    assert.ok((await hops.nth(0).textContent()).includes(titleOf('seed-03')));
    assert.ok((await hops.nth(1).textContent()).includes(titleOf('seed-07')));
    assert.match(await hops.nth(1).textContent(), / — Quanyu Zhu/);
    // The path is highlighted on the graph.
    const lit = await page.evaluate(() => ['a:jay li', 'a:quanyu zhu'].map((n) => Boolean(window.__coauthorAtlas.sigma.getNodeDisplayData(n).highlighted)));
    assert.deepEqual(lit, [true, true]);
    assert.match(page.url(), /path=jay(\+|%20)li%7Cquanyu(\+|%20)zhu/);
    await page.screenshot({ path: new URL('lens-path.png', shots).pathname });

    // 2022 only: Quanyu Zhu has no paper then.
    await page.getByLabel('From year').selectOption('2022');
    await page.getByLabel('To year').selectOption('2022');
    await result.getByText('No path.').waitFor();
    assert.match(await result.textContent(), /No collaboration path between Jay Li and Quanyu Zhu/);
    await page.close();
  });

  test('the table twin sorts, follows the graph selection and the filters, and selects with the keyboard', async () => {
    const { page } = await openApp(browser);
    await page.getByRole('button', { name: 'Table' }).click();
    const grid = page.getByRole('grid', { name: 'Visible authors' });
    const rows = grid.locator('[role=row][aria-rowindex]:not([aria-rowindex="1"])');
    const names = async () => grid.locator('[role=row]:not(.head) [role=gridcell]:first-child').allTextContents();
    const authors = new Set(full.papers.flatMap((p) => p.authors.map((a) => key(a.name))));
    assert.equal(await grid.getAttribute('aria-rowcount'), String(authors.size + 1));
    // Default sort: papers, most first — the owner (12 papers) on top.
    assert.equal((await names())[0], 'Yuchen Hao');
    await grid.getByRole('button', { name: /^Name/ }).click();
    assert.equal(await grid.getByRole('columnheader', { name: /^Name/ }).getAttribute('aria-sort'), 'ascending');
    const shown = await names();
    assert.deepEqual(
      shown,
      [...shown].sort((a, b) => a.localeCompare(b)),
    );

    // A click on the graph selects the row.
    await grid.getByRole('button', { name: /^Papers/ }).click();
    await clickNode(page, 'a:liang luo');
    await page.waitForURL(/author=liang(\+|%20)luo/);
    await grid.locator('[role=row][aria-selected=true]').getByText('Liang Luo').waitFor();
    const activeId = await grid.getAttribute('aria-activedescendant');
    assert.equal(activeId, `lens-row-${encodeURIComponent('a:liang luo')}`);

    // Keyboard: down one row, Enter selects that author.
    await grid.focus();
    await page.keyboard.press('ArrowDown');
    const next = await page
      .locator(`[id="${await grid.getAttribute('aria-activedescendant')}"] [role=gridcell]`)
      .first()
      .textContent();
    assert.notEqual(next, 'Liang Luo');
    await page.keyboard.press('Enter');
    await details(page).getByRole('heading', { name: next, exact: true }).first().waitFor();

    await page.screenshot({ path: new URL('lens-table.png', shots).pathname });
    // Filters: a year range shrinks the table to the authors in range.
    await page.getByLabel('From year').selectOption('2025');
    await page.waitForFunction(
      (n) => document.querySelector('[role=grid][aria-label="Visible authors"]').getAttribute('aria-rowcount') === String(n),
      authorsOfYears(2025, 2026).size + 1,
    );
    assert.ok((await rows.count()) > 0);
    await page.close();
  });

  test('the URL restores the lens state after reload', async () => {
    const { page } = await openApp(browser);
    await page.getByLabel('Colour by').selectOption('firstYear');
    await page.getByLabel('Size by').selectOption('coauthors');
    await page.getByLabel('From year').selectOption('2023');
    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.getByLabel('Min shared papers per tie').fill('2');
    await page.waitForURL(/minShared=2/);
    const state = async () =>
      page.evaluate(() => {
        const s = window.__coauthorAtlas.sigma;
        let hiddenNodes = 0;
        let hiddenEdges = 0;
        s.getGraph().forEachNode((n) => {
          if (s.getNodeDisplayData(n).hidden) hiddenNodes++;
        });
        s.getGraph().forEachEdge((e) => {
          if (s.getEdgeDisplayData(e).hidden) hiddenEdges++;
        });
        const owner = s.getNodeDisplayData('a:yuchen hao');
        return { hiddenNodes, hiddenEdges, color: owner.color, size: owner.size };
      });
    const before = await state();
    assert.ok(before.hiddenNodes > 0 && before.hiddenEdges > 0);
    const url = page.url();
    assert.match(url, /years=2023-2026/);
    assert.match(url, /color=firstYear/);
    assert.match(url, /size=coauthors/);

    await page.reload();
    await waitForGraph(page);
    assert.equal(page.url(), url);
    assert.equal(await page.getByLabel('Colour by').inputValue(), 'firstYear');
    assert.equal(await page.getByLabel('Size by').inputValue(), 'coauthors');
    assert.equal(await page.getByLabel('From year').inputValue(), '2023');
    assert.ok(await page.getByRole('toolbar', { name: 'Lenses' }).getByText('First year active:').isVisible());
    assert.deepEqual(await state(), before);
    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.screenshot({ path: new URL('lens-url-restored.png', shots).pathname });
    await page.close();
  });

  test('ego view: depth 1 around the selected author shows exactly their coauthors', async () => {
    const { page } = await openApp(browser, '?author=jay%20li&ego=1');
    await page.waitForFunction(() => {
      const s = window.__coauthorAtlas.sigma;
      return s.getNodeDisplayData('a:yuchen hao') && s.getGraph().someNode((n) => s.getNodeDisplayData(n).hidden);
    });
    const expected = new Set(['a:jay li']);
    for (const p of full.papers) {
      const names = [...p.authors.map((a) => key(a.name)), key(full.owner)];
      if (names.includes('jay li')) for (const n of names) expected.add(`a:${n}`);
    }
    assert.deepEqual(new Set((await authorDisplay(page)).shown), expected);
    assert.equal(await page.getByLabel('Ego depth').inputValue(), '1');
    await page.getByLabel('Ego depth').selectOption('2');
    await page.waitForURL(/ego=2/);
    assert.ok((await authorDisplay(page)).shown.length > expected.size);
    await page.close();
  });

  test('the institution network: affiliations as nodes, an edge per co-authored paper', async () => {
    const { page, errors } = await openApp(browser, '?unit=institution');
    const g = await page.evaluate(() => {
      const graph = window.__coauthorAtlas.sigma.getGraph();
      return {
        nodes: graph.mapNodes((_n, a) => `${a.kind}:${a.fullLabel ?? a.label}`).sort(),
        edges: graph.mapEdges((_e, a) => `${a.kind}:${a.weight}:${a.paperIds.join()}`),
      };
    });
    const affs = [...new Set(full.papers.flatMap((p) => p.authors.flatMap((a) => a.affiliations ?? [])))].map((f) => `affiliation:${f}`).sort();
    const shared = full.papers.filter((p) => new Set(p.authors.flatMap((a) => a.affiliations ?? [])).size > 1).map((p) => p.id);
    assert.deepEqual(g.nodes, affs);
    assert.deepEqual(g.edges, [`coauthor:${shared.length}:${shared.join()}`]);
    assert.equal(await page.getByLabel('Network unit').inputValue(), 'institution');
    await page.getByRole('button', { name: 'Table' }).click();
    assert.equal(await page.getByRole('grid', { name: 'Visible authors' }).getAttribute('aria-rowcount'), String(affs.length + 1));
    assert.deepEqual(errors.map(String), []);
    await page.close();
  });

  test('play steps through the years cumulatively: authors only appear, never vanish, and it stops at the last year', async () => {
    const { page } = await openApp(browser);
    await page.getByRole('button', { name: 'Play timeline' }).click();
    const frames = new Map();
    for (let i = 0; i < 80 && !(frames.has('2021-2026') && (await page.getByRole('button', { name: 'Play timeline' }).isVisible())); i++) {
      const years = new URL(page.url()).searchParams.get('years') ?? 'all';
      if (years !== 'all') frames.set(years, (await authorDisplay(page)).shown.length);
      await page.waitForTimeout(250);
    }
    const seen = [...frames.keys()];
    assert.ok(seen.length >= 4, `frames seen: ${seen.join(' ')}`);
    assert.ok(
      seen.every((y) => y.startsWith('2021')),
      seen.join(' '),
    );
    const counts = [...frames.values()];
    for (let i = 1; i < counts.length; i++) assert.ok(counts[i] >= counts[i - 1], `${seen[i]}: ${counts[i]} < ${counts[i - 1]}`);
    // Each frame shows exactly the authors of its papers.
    const last = seen[seen.length - 1];
    assert.equal(last, '2021-2026');
    assert.equal(frames.get('2021-2024') ?? authorsOfYears(2021, 2024).size, authorsOfYears(2021, 2024).size);
    await page.close();
  });

  test('the hyperauthor cap and the counting switch rebuild the graph from the filters panel', async () => {
    const { page } = await openApp(browser);
    const hubs = () => page.evaluate(() => window.__coauthorAtlas.sigma.getGraph().filterNodes((_n, a) => a.kind === 'paper').length);
    const distinctAuthors = (p) => new Set(p.authors.map((a) => key(a.name)).concat(key('Yuchen Hao'))).size;
    assert.equal(await hubs(), full.papers.filter((p) => distinctAuthors(p) > 25).length);
    await page.getByRole('button', { name: /^Filters/ }).click();
    const cap = 102;
    await page.getByRole('slider', { name: 'Hyperauthor cap preview' }).fill(String(cap));
    await page.getByRole('button', { name: `Apply cap ${cap}` }).click();
    await page.waitForFunction(
      (n) => window.__coauthorAtlas.sigma.getGraph().filterNodes((_n, a) => a.kind === 'paper').length === n,
      full.papers.filter((p) => distinctAuthors(p) > cap).length,
    );
    await waitForGraph(page);
    const weight = () =>
      page.evaluate(() => {
        const g = window.__coauthorAtlas.sigma.getGraph();
        return g.getEdgeAttribute(g.edge('a:buyun zhang', 'a:liang luo'), 'weight');
      });
    const shared = full.papers.filter((p) => p.authors.some((a) => a.name === 'Buyun Zhang') && p.authors.some((a) => a.name === 'Liang Luo'));
    assert.equal(await weight(), shared.length);
    await page.getByRole('radio', { name: /fractional/ }).check();
    await page.waitForFunction((w) => {
      const g = window.__coauthorAtlas.sigma.getGraph();
      return g.getEdgeAttribute(g.edge('a:buyun zhang', 'a:liang luo'), 'weight') < w;
    }, shared.length);
    const expected = shared.reduce((sum, p) => sum + 1 / (distinctAuthors(p) - 1), 0);
    assert.ok(Math.abs((await weight()) - expected) < 1e-9, `fractional weight ${await weight()} vs ${expected}`);
    await page.close();
  });
});
