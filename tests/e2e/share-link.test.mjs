// Share links that work: the embedded profile and a ?file= dataset are referred to (the link carries the view, not the
// data) and reopen the same selection, lens and camera; a dataset only this browser has carries its data.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { inflateSync, strFromU8 } from 'fflate';
import { launch, openApp, serveFiles, waitForGraph } from './browser.mjs';

const RESULTS = 'test-results';
mkdirSync(RESULTS, { recursive: true });
const CSL = readFileSync(new URL('../fixtures/import/e2e-library.csl.json', import.meta.url), 'utf8');
const BIB = new URL('../fixtures/import/e2e-library.bib', import.meta.url).pathname;

/** The snapshot in a link's `#s=` hash, decoded here without the app's code. */
function hashSnapshot(link) {
  const data = new URL(link).hash.replace(/^#s=/, '');
  return JSON.parse(strFromU8(inflateSync(Buffer.from(data, 'base64url'))));
}

const heading = (page) => page.getByRole('complementary', { name: 'Details' }).getByRole('heading').first();
async function headingIs(page, text) {
  const until = Date.now() + 10_000;
  while ((await heading(page).textContent()) !== text && Date.now() < until) await page.waitForTimeout(50);
  assert.equal(await heading(page).textContent(), text);
}

/** Picks an author with the search box, as a user does. */
async function searchAndChoose(page, name) {
  await page.getByRole('combobox', { name: 'Search' }).fill(name);
  await page.keyboard.press('Enter');
  await headingIs(page, name);
}

/** Export → Share link…: the link in the dialog, which is then closed. */
async function shareLink(page) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Share link…' }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  await page.getByRole('button', { name: 'Close' }).click();
  return link;
}

const view = (page) =>
  page.evaluate(() => {
    const s = window.__coauthorAtlas.sigma;
    const g = s.getGraph();
    const positions = {};
    g.forEachNode((n, a) => {
      positions[n] = [a.x, a.y];
    });
    const hidden = g.filterNodes((n) => s.getNodeDisplayData(n)?.hidden).length;
    return { order: g.order, camera: s.getCamera().getState(), positions, hidden, years: new URLSearchParams(location.search).get('years') };
  });

function assertSameView(a, b) {
  assert.equal(b.order, a.order, 'same graph');
  assert.equal(b.years, a.years, 'same year lens');
  assert.equal(b.hidden, a.hidden, 'the lens hides the same nodes');
  for (const k of ['x', 'y', 'ratio', 'angle']) assert.ok(Math.abs(b.camera[k] - a.camera[k]) < 1e-6, `camera ${k}: ${b.camera[k]} vs ${a.camera[k]}`);
  let worst = 0;
  for (const [n, [x, y]] of Object.entries(a.positions)) worst = Math.max(worst, Math.abs(b.positions[n][0] - x), Math.abs(b.positions[n][1] - y));
  assert.ok(worst < 0.01, `node positions agree (worst ${worst})`);
}

describe('share links', () => {
  let browser;
  let server;
  before(async () => {
    browser = await launch();
    server = await serveFiles({ '/library.json': { body: CSL, type: 'application/json', cors: true } });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the embedded profile with a selection and a lens: a short link that reopens the same selection, lens and camera', async () => {
    const { page: a } = await openApp(browser, '?years=2022-2025');
    await searchAndChoose(a, 'Liang Luo');
    await waitForGraph(a);
    // The user zooms and pans.
    await a.evaluate(() => window.__coauthorAtlas.sigma.getCamera().setState({ x: 0.45, y: 0.55, ratio: 0.6, angle: 0 }));
    await a.waitForTimeout(200);
    const before = await view(a);
    const link = await shareLink(a);
    assert.ok(link.length < 2000, `link of ${link.length} characters`);
    const url = new URL(link);
    assert.equal(url.searchParams.get('years'), '2022-2025', 'the lens is in the link');
    const snap = hashSnapshot(link);
    assert.equal(snap.datasetRef, 'embedded-full');
    assert.deepEqual(snap.dataset.papers, [], 'no papers in the link');
    assert.deepEqual(snap.selection, { kind: 'author', key: 'liang luo' });

    const { page: b, errors } = await openApp(browser, link.slice(link.indexOf('/', 8) + 1));
    await headingIs(b, 'Liang Luo');
    assert.equal(await b.getByLabel('From year').inputValue(), '2022');
    assertSameView(before, await view(b));
    await b.screenshot({ path: `${RESULTS}/share-link-embedded-reopened.png` });
    assert.deepEqual(errors, []);
    await a.close();
    await b.close();
  });

  test('a ?file= dataset: the link carries the file URL, not the data, and reopens the same view', async () => {
    const file = `${server.base}/library.json`;
    const { page: a } = await openApp(browser, `?file=${encodeURIComponent(file)}`);
    await a.waitForFunction(() => document.querySelector('.dataset-title')?.textContent === 'library.json');
    await waitForGraph(a);
    await searchAndChoose(a, 'Sven Lindqvist');
    // Choosing a result moves the camera to the author: let that end before placing the camera where the link must keep it.
    await waitForGraph(a);
    await a.evaluate(() => window.__coauthorAtlas.sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 0.8, angle: 0 }));
    await a.waitForTimeout(200);
    const before = await view(a);
    const link = await shareLink(a);
    assert.ok(link.length < 2000, `link of ${link.length} characters`);
    assert.equal(new URL(link).searchParams.get('file'), file, 'the link refers to the file by its URL');
    const snap = hashSnapshot(link);
    assert.equal(snap.datasetRef, 'file-link');
    assert.deepEqual(snap.dataset.papers, [], 'no papers in the link');
    assert.ok(!link.includes(encodeURIComponent('Zotero Export')) && !JSON.stringify(snap).includes('Zotero Export'), 'no titles in the link');

    const { page: b, errors } = await openApp(browser, link.slice(link.indexOf('/', 8) + 1));
    await headingIs(b, 'Sven Lindqvist');
    assertSameView(before, await view(b));
    assert.deepEqual(errors, []);
    await a.close();
    await b.close();
  });

  test('a small import (only in this browser) puts its data in the link, which opens elsewhere', async () => {
    const { page: a } = await openApp(browser, '');
    await a.getByRole('button', { name: 'Import', exact: true }).click();
    await a.getByLabel('Import papers').setInputFiles(BIB);
    await a.getByRole('region', { name: 'Import report' }).getByText('Saved in this browser.').waitFor({ timeout: 60_000 });
    await a.keyboard.press('Escape');
    await a.waitForFunction(() => document.querySelector('.dataset-title')?.textContent === 'e2e-library.bib');
    await waitForGraph(a);
    const before = await view(a);
    const link = await shareLink(a);
    const snap = hashSnapshot(link);
    assert.equal(snap.datasetRef, undefined);
    assert.equal(snap.dataset.papers.length, 6, 'the papers travel in the link');
    // A fresh browser context has no stored datasets: the link alone opens it.
    const { page: b } = await openApp(browser, link.slice(link.indexOf('/', 8) + 1));
    assert.equal(await b.locator('.dataset-title').textContent(), 'e2e-library.bib');
    assert.equal((await view(b)).order, before.order);
    await a.close();
    await b.close();
  });
});
