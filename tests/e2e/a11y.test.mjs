// Keyboard and screen readers: the graph's keyboard model with its live region, focus rings, the timeline brush by
// keys, focus after a search, and axe-core (from npm, injected into the page) on the default page and its dialogs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { BASE_URL, launch, nodePosition, openApp, waitForGraph } from './browser.mjs';

const full = JSON.parse(readFileSync(new URL('../../data/profile-full.json', import.meta.url), 'utf8'));
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const RESULTS = 'test-results';
mkdirSync(RESULTS, { recursive: true });

const canonical = new Map(full.aliases.map((a) => [a.from, a.to]));
const nameOf = (n) => canonical.get(n) ?? n;
/** The owner is on every paper of the profile (under more than one spelling). */
const has = (p, name) => name === full.owner || p.authors.some((a) => nameOf(a.name) === name);

/** What the live region should say, from the raw author lists: "Name, N coauthors, M papers" or a paper's line. */
function expectedAnnouncement(label) {
  const paper = full.papers.find((p) => p.title === label);
  if (paper) return `${label}, paper, ${new Set(paper.authors.map((a) => nameOf(a.name))).size} authors`;
  const papers = full.papers.filter((p) => has(p, label));
  const coauthors = new Set(papers.flatMap((p) => p.authors.map((a) => nameOf(a.name))));
  coauthors.delete(label);
  return `${label}, ${coauthors.size} coauthor${coauthors.size === 1 ? '' : 's'}, ${papers.length} paper${papers.length === 1 ? '' : 's'}`;
}

const announcer = (page) => page.locator('#graph-announcer');
const heading = (page) => page.getByRole('complementary', { name: 'Details' }).getByRole('heading').first();
const active = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName, cls: el?.className ?? '', label: el?.getAttribute('aria-label') ?? '', text: el?.textContent ?? '' };
  });
/** The element's computed outline (or, for the file input, its label's). */
const outlineOf = (page, selector) =>
  page.evaluate((sel) => {
    const s = getComputedStyle(document.querySelector(sel));
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  }, selector);

/** Presses Tab until `done(active)` or 60 presses; returns whether it got there. */
async function tabUntil(page, done) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (done(await active(page))) return true;
  }
  return false;
}

async function textBecomes(locator, predicate, ms = 5000) {
  const until = Date.now() + ms;
  let text = await locator.textContent();
  while (!predicate(text) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    text = await locator.textContent();
  }
  return text;
}

describe('keyboard and screen readers', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('Tab reaches the graph (focus ring), Home announces the owner, an arrow key a neighbour that way, Enter selects it', async () => {
    const { page, errors } = await openApp(browser, '');
    const start = await heading(page).textContent();
    assert.ok(await tabUntil(page, (a) => a.cls.includes('sigma-container')), 'Tab reaches the graph');
    assert.equal((await active(page)).label, 'Coauthor network');
    const ring = await outlineOf(page, '.sigma-container');
    assert.equal(ring.style, 'solid');
    assert.ok(ring.width >= 2, `graph focus outline ${ring.width}px`);

    await page.keyboard.press('Home');
    const ownerText = await textBecomes(announcer(page), (t) => t.startsWith(full.owner));
    assert.equal(ownerText, expectedAnnouncement(full.owner));
    const owner = await page.evaluate((name) => window.__coauthorAtlas.sigma.getGraph().findNode((_n, a) => a.fullLabel === name), full.owner);
    const ownerAt = await nodePosition(page, owner);
    // The ring is drawn around the focused node.
    const box = await page.locator('.graph-node-focus').boundingBox();
    assert.ok(box, 'the focus ring is shown');
    assert.ok(Math.abs(box.x + box.width / 2 - ownerAt.x) < 2 && Math.abs(box.y + box.height / 2 - ownerAt.y) < 2, 'the ring is centred on the owner');
    await page.screenshot({ path: `${RESULTS}/a11y-keyboard-owner.png` });

    await page.keyboard.press('ArrowRight');
    const next = await textBecomes(announcer(page), (t) => !t.startsWith(full.owner));
    const label = next.split(', ')[0];
    assert.equal(next, expectedAnnouncement(label));
    const moved = await page.evaluate(
      ([o, name]) => {
        const g = window.__coauthorAtlas.sigma.getGraph();
        const n = g.findNode((_n, a) => a.fullLabel === name);
        return { node: n, neighbour: g.areNeighbors(o, n), kind: g.getNodeAttribute(n, 'kind') };
      },
      [owner, label],
    );
    assert.ok(moved.neighbour, `${label} is a neighbour of the owner`);
    const at = await nodePosition(page, moved.node);
    assert.ok(at.x > ownerAt.x, `ArrowRight went right: ${at.x} > ${ownerAt.x}`);
    await page.screenshot({ path: `${RESULTS}/a11y-keyboard-neighbour.png` });

    await page.keyboard.press('Enter');
    assert.equal(await textBecomes(heading(page), (t) => t === label), label);
    await page.keyboard.press('Escape');
    assert.equal(await textBecomes(heading(page), (t) => t === start), start);
    assert.ok(!page.url().includes('author=') && !page.url().includes('paper='), 'Escape cleared the selection');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a search result chosen by keyboard moves focus to the details heading; Escape there clears the selection', async () => {
    const { page } = await openApp(browser, '');
    const start = await heading(page).textContent();
    await page.keyboard.press('/');
    await page.keyboard.type('Liang Luo');
    await page.keyboard.press('Enter');
    assert.equal(await textBecomes(heading(page), (t) => t === 'Liang Luo'), 'Liang Luo');
    const until = Date.now() + 3000;
    while ((await active(page)).tag !== 'H2' && Date.now() < until) await page.waitForTimeout(50);
    assert.deepEqual([(await active(page)).tag, (await active(page)).text], ['H2', 'Liang Luo']);
    await page.keyboard.press('Escape');
    assert.equal(await textBecomes(heading(page), (t) => t === start), start);
    await page.close();
  });

  test('"Choose files…" shows a focus ring on its label when its input has the keyboard', async () => {
    const { page } = await openApp(browser, '');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    assert.ok(await tabUntil(page, (a) => a.label === 'Import papers'), 'Tab reaches the file input');
    const ring = await outlineOf(page, '.file-button');
    assert.equal(ring.style, 'solid');
    assert.ok(ring.width >= 2, `label outline ${ring.width}px`);
    await page.screenshot({ path: `${RESULTS}/a11y-choose-files-focus.png` });
    await page.close();
  });

  test('the timeline brush works from the keyboard: its edges are sliders that change the year range', async () => {
    const { page } = await openApp(browser, '');
    const years = [...new Set(full.papers.map((p) => p.year))].sort((a, b) => a - b);
    const [first, last] = [years[0], years[years.length - 1]];
    assert.ok(last - first >= 3, 'the profile spans enough years');
    const startHandle = page.getByRole('slider', { name: 'First year of the range' });
    const endHandle = page.getByRole('slider', { name: 'Last year of the range' });
    assert.ok(await tabUntil(page, (a) => a.label === 'First year of the range'), 'Tab reaches the brush');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const range = () => page.evaluate(() => new URLSearchParams(location.search).get('years'));
    await page.waitForFunction((y) => new URLSearchParams(location.search).get('years') === y, `${first + 2}-${last}`);
    assert.equal(await startHandle.getAttribute('aria-valuenow'), String(first + 2));
    assert.equal(await page.getByLabel('From year').inputValue(), String(first + 2));
    await page.keyboard.press('Tab');
    assert.equal((await active(page)).label, 'Last year of the range');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction((y) => new URLSearchParams(location.search).get('years') === y, `${first + 2}-${last - 1}`);
    // Shift moves the whole range.
    await page.keyboard.press('Shift+ArrowLeft');
    await page.waitForFunction((y) => new URLSearchParams(location.search).get('years') === y, `${first + 1}-${last - 2}`);
    assert.equal(await endHandle.getAttribute('aria-valuenow'), String(last - 2));
    assert.equal(await range(), `${first + 1}-${last - 2}`);
    await page.screenshot({ path: `${RESULTS}/a11y-brush-keys.png` });
    await page.close();
  });
});

describe('axe-core', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  /** A page whose CSP lets the test add axe's script (the app's own policy is kept by every other test). */
  async function openForAxe(theme) {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1400, height: 900 }, colorScheme: theme });
    const page = await context.newPage();
    await page.goto(BASE_URL);
    await waitForGraph(page);
    await page.addScriptTag({ path: AXE_PATH });
    return { page, context };
  }
  /**
   * axe's violations, and its "needs review" results for contrast and names (text it could not measure, names it could not
   * compare with the visible text) inside `scope`: both must be empty. Outside an open dialog or menu, text covered by it
   * is rightly left for review.
   */
  const runAxe = (page, scope = 'body') =>
    page.evaluate(async (sel) => {
      const r = await window.axe.run(document, { rules: { 'label-content-name-mismatch': { enabled: true } } });
      const line = (v, nodes) =>
        `${v.id}: ${nodes.map((n) => `${n.target.join(' ')} (${(n.failureSummary ?? n.any[0]?.message ?? '').split('\n').pop().trim()})`).join('; ')}`;
      const inScope = (n) => document.querySelector(n.target[0])?.closest(sel);
      const review = r.incomplete
        .filter((v) => v.id === 'color-contrast' || v.id === 'label-content-name-mismatch')
        .map((v) => ({ v, nodes: v.nodes.filter(inScope) }))
        .filter((x) => x.nodes.length);
      return { violations: r.violations.map((v) => line(v, v.nodes)), review: review.map((x) => line(x.v, x.nodes)) };
    }, scope);

  for (const theme of ['light', 'dark']) {
    test(`no violations (${theme}): the default page, the Import dialog, the Export menu`, async () => {
      const { page, context } = await openForAxe(theme);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme);
      assert.deepEqual(await runAxe(page), { violations: [], review: [] }, 'default page');

      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByRole('dialog').waitFor();
      await page.screenshot({ path: `${RESULTS}/a11y-axe-import-${theme}.png` });
      assert.deepEqual(await runAxe(page, 'dialog'), { violations: [], review: [] }, 'Import dialog');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Export', exact: true }).click();
      await page.getByRole('menu').waitFor();
      await page.screenshot({ path: `${RESULTS}/a11y-axe-export-${theme}.png` });
      assert.deepEqual(await runAxe(page, '[role="menu"]'), { violations: [], review: [] }, 'Export menu');
      await context.close();
    });
  }
});
