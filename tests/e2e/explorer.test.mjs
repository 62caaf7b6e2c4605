// The Explorer on the embedded profile, driven with a real mouse and keyboard in Chromium.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { BASE_URL, clickNode, launch, nodePosition, openApp, waitForGraph } from './browser.mjs';

const full = JSON.parse(readFileSync(new URL('../../data/profile-full.json', import.meta.url), 'utf8'));
const OWNER = 'a:yuchen hao';
const shots = new URL('../../test-results/', import.meta.url);
mkdirSync(shots, { recursive: true });

/** Papers two people share, straight from the raw author lists (the owner is on all 12). */
function sharedTitles(a, b) {
  const has = (p, n) => n === 'Yuchen Hao' || p.authors.some((x) => x.name === n);
  return full.papers
    .filter((p) => has(p, a) && has(p, b))
    .map((p) => p.title)
    .sort();
}

const details = (page) => page.getByRole('complementary', { name: 'Details' });
const heading = (page) => details(page).getByRole('heading').first();
/**
 * The panel's heading is `text`. A click or key is handled by the page after the call that sent it returns (a
 * graph click goes through sigma and a React update), so the heading is read again until it says `text` or 5 s
 * have passed, then compared: a wrong heading still fails, with what it says.
 */
async function expectHeading(page, text) {
  const until = Date.now() + 5000;
  while ((await heading(page).textContent()) !== text && Date.now() < until) await page.waitForTimeout(50);
  assert.equal(await heading(page).textContent(), text);
}

describe('Explorer', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('loads the profile and draws the network', async () => {
    const { page, errors } = await openApp(browser);
    const counts = await page.evaluate(() => {
      const g = window.__coauthorAtlas.sigma.getGraph();
      const c = { author: 0, paper: 0, affiliation: 0, coauthor: 0 };
      g.forEachNode((_n, a) => {
        c[a.kind]++;
      });
      g.forEachEdge((_e, a) => {
        if (a.kind === 'coauthor') c.coauthor++;
      });
      return c;
    });
    const distinct = new Set(full.papers.flatMap((p) => p.authors.map((a) => a.name)));
    assert.equal(counts.author, distinct.size - full.aliases.length);
    assert.equal(counts.paper, full.papers.filter((p) => p.authors.length > 25).length);
    assert.ok(counts.coauthor > 1000 && counts.coauthor < 1200, `coauthor edges: ${counts.coauthor}`);
    // The profile card is the panel's default.
    await expectHeading(page, 'Yuchen Hao');
    await assert.doesNotReject(details(page).getByText('16,701').waitFor());
    // Pixels: the WebGL stage is not blank (many non-background pixels, several hues).
    const box = await page.locator('.atlas-sigma').boundingBox();
    const png = PNG.sync.read(await page.screenshot({ clip: box }));
    let inked = 0;
    const hues = new Set();
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]];
      if (r < 235 || g < 235 || b < 235) {
        inked++;
        hues.add(`${r >> 5},${g >> 5},${b >> 5}`);
      }
    }
    assert.ok(inked > 5000, `only ${inked} drawn pixels`);
    assert.ok(hues.size > 8, `only ${hues.size} colours drawn`);
    await page.screenshot({ path: new URL('explorer-overview.png', shots).pathname });
    assert.deepEqual(errors.map(String), []);
    await page.close();
  });

  test('a real click on the owner opens the author panel with 12 papers; clicking a coauthor shows what they share', async () => {
    const { page } = await openApp(browser);
    await clickNode(page, OWNER);
    await assert.doesNotReject(page.waitForURL(/author=yuchen(%20|\+)hao/));
    await expectHeading(page, 'Yuchen Hao');
    const papers = details(page).getByRole('heading', { name: 'Papers in this dataset (12)' });
    await papers.waitFor();
    assert.equal(await details(page).locator('ul.papers > li').count(), 12);
    // The graph highlights the owner's neighbourhood.
    assert.ok(await page.evaluate(() => window.__coauthorAtlas.sigma.getContainer().classList.contains('atlas-dimmed')));

    await details(page).getByRole('button', { name: 'Buyun Zhang', exact: true }).click();
    await expectHeading(page, 'Yuchen Hao & Buyun Zhang');
    const shown = (await details(page).getByRole('list', { name: 'Shared papers' }).getByRole('button').allTextContents()).sort();
    assert.deepEqual(shown, sharedTitles('Yuchen Hao', 'Buyun Zhang'));
    const pairHighlighted = await page.evaluate(() => {
      const s = window.__coauthorAtlas.sigma;
      return ['a:yuchen hao', 'a:buyun zhang'].map((n) => Boolean(s.getNodeDisplayData(n).highlighted));
    });
    assert.deepEqual(pairHighlighted, [true, true]);
    await page.screenshot({ path: new URL('explorer-pair.png', shots).pathname });
    await page.close();
  });

  test('clicking a second author on the graph shows the pair', async () => {
    const { page } = await openApp(browser, '?author=liang%20luo');
    await clickNode(page, 'a:jongsoo park');
    await expectHeading(page, 'Liang Luo & Jongsoo Park');
    const shown = (await details(page).getByRole('list', { name: 'Shared papers' }).getByRole('button').allTextContents()).sort();
    assert.deepEqual(shown, sharedTitles('Liang Luo', 'Jongsoo Park'));
    assert.ok(shown.length >= 1);
    await page.close();
  });

  test('hovering a node highlights its neighbourhood and leaving restores the scene', async () => {
    const { page } = await openApp(browser);
    const dimmed = () => page.evaluate(() => window.__coauthorAtlas.sigma.getContainer().classList.contains('atlas-dimmed'));
    assert.equal(await dimmed(), false);
    const { x, y } = await nodePosition(page, OWNER);
    await page.mouse.move(x, y);
    await page.waitForFunction(() => window.__coauthorAtlas.sigma.getContainer().classList.contains('atlas-dimmed'));
    const neighbours = await page.evaluate(() => {
      const s = window.__coauthorAtlas.sigma;
      return s
        .getGraph()
        .neighbors('a:yuchen hao')
        .filter((n) => s.getNodeDisplayData(n).highlighted).length;
    });
    assert.ok(neighbours > 50, `${neighbours} neighbours highlighted`);
    await page.mouse.move(5, 5);
    await page.waitForFunction(() => !window.__coauthorAtlas.sigma.getContainer().classList.contains('atlas-dimmed'));
    await page.close();
  });

  test('search finds an author accent-insensitively with the keyboard; reload, back and forward keep the selection', async () => {
    const { page } = await openApp(browser);
    const search = page.getByRole('combobox', { name: 'Search' });
    await search.click();
    await page.keyboard.type('onur celebi');
    await page.getByRole('option', { name: /Onur Çelebi/ }).waitFor();
    await page.keyboard.press('Enter');
    await expectHeading(page, 'Onur Çelebi');
    assert.match(page.url(), /author=onur(\+|%20)celebi/);

    await page.reload();
    await waitForGraph(page);
    await expectHeading(page, 'Onur Çelebi');

    await details(page).getByRole('button', { name: 'The Llama 3 Herd of Models' }).click();
    await expectHeading(page, 'The Llama 3 Herd of Models');
    await page.goBack();
    await expectHeading(page, 'Onur Çelebi');
    await page.goForward();
    await expectHeading(page, 'The Llama 3 Herd of Models');
    await page.close();
  });

  test('the paper panel keeps a 559-author list usable: collapsed, filterable, names clickable', async () => {
    const llama = full.papers.find((p) => p.title.startsWith('The Llama 3'));
    const { page } = await openApp(browser, `?paper=${llama.id}`);
    await expectHeading(page, llama.title);
    const authors = details(page).locator('.filterable li');
    assert.equal(await authors.count(), 30);
    const distinct = await page.evaluate(() => window.__coauthorAtlas.sigma.getGraph().degree('p:seed-01'));
    await details(page)
      .getByRole('button', { name: `Show all ${distinct} authors` })
      .click();
    assert.equal(await authors.count(), distinct);
    await details(page).getByRole('searchbox', { name: 'Filter authors' }).fill('gangidi');
    assert.equal(await authors.count(), 1);
    assert.equal(await details(page).getByRole('link', { name: 'arXiv:2407.21783' }).getAttribute('href'), 'https://arxiv.org/abs/2407.21783');
    await details(page).getByRole('button', { name: 'Adi Gangidi' }).click();
    await expectHeading(page, 'Adi Gangidi');
    await details(page).getByText('Also written: Adithya Gangidi').waitFor();
    await page.close();
  });

  test('an unknown id in the URL gives a clear message, not a crash', async () => {
    const { page, errors } = await openApp(browser, '?author=nobody%20here');
    const alert = page.getByRole('alert');
    assert.match(await alert.textContent(), /No author “nobody here” in this dataset/);
    await expectHeading(page, 'Yuchen Hao');
    assert.deepEqual(errors.map(String), []);
    await page.close();
  });

  test('the truncated profile links the owner to every paper; dark theme and legend focus work', async () => {
    const { page } = await openApp(browser);
    await details(page)
      .getByRole('radio', { name: /As the profile shows them/ })
      .check();
    await page.waitForFunction(() => window.__coauthorAtlas.sigma.getGraph().order < 60);
    await waitForGraph(page);
    const order = await page.evaluate(() => window.__coauthorAtlas.sigma.getGraph().order);
    assert.ok(order < 60, `truncated graph has ${order} nodes`);
    await clickNode(page, OWNER);
    await details(page).getByRole('heading', { name: 'Papers in this dataset (12)' }).waitFor();
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    await page.keyboard.press('Escape');
    await expectHeading(page, 'Yuchen Hao');
    await details(page).getByRole('list', { name: 'Clusters' }).getByRole('button').first().click();
    assert.match(page.url(), /cluster=0/);
    await page.screenshot({ path: new URL('explorer-dark-shown.png', shots).pathname });
    await page.close();
  });
});

test('base url is served', async () => {
  const res = await fetch(BASE_URL);
  assert.equal(res.status, 200);
});
