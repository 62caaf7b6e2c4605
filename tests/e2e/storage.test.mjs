// Storage faults: IndexedDB unavailable, quota exceeded, a damaged stored record. The data shown survives and the
// user is told; what was stored before is never lost.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openApp, waitForGraph, waitForAuthors } from './browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = (name) => join(root, 'tests/fixtures/import', name);
// Distinct authors once folded (checked independently in import.test.mjs).
const BIB_AUTHORS = 10;
const CSL_AUTHORS = 7;

async function importFile(page, file) {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByLabel('Import papers').setInputFiles(file);
  const report = page.getByRole('region', { name: 'Import report' });
  await report.waitFor({ timeout: 60_000 });
  return report;
}

/** The stored datasets, read straight from IndexedDB (with the real `put` untouched: reads only). */
const storedIds = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        const req = indexedDB.open('coauthor-atlas');
        req.onsuccess = () => {
          const all = req.result.transaction('datasets').objectStore('datasets').getAll();
          all.onsuccess = () => {
            resolve(all.result.map((r) => ({ id: r.id, title: r.dataset.title, papers: r.dataset.papers.length })));
            req.result.close();
          };
          all.onerror = () => resolve(null);
        };
        req.onerror = () => resolve(null);
      }),
  );

describe('Storage faults', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('with IndexedDB unavailable, an import still shows the graph and says it is not kept', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', {
        configurable: true,
        get() {
          throw new Error('blocked');
        },
      });
    });
    const pageErrors = [];
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e));
    await page.goto(process.env.ATLAS_BASE_URL ?? 'http://127.0.0.1:4173/');
    await waitForGraph(page);

    const report = await importFile(page, fixture('e2e-library.bib'));
    await report.getByText('Not saved:', { exact: false }).waitFor({ timeout: 30_000 });
    assert.match(await report.textContent(), /no IndexedDB storage: the dataset stays usable until you reload, but is not kept/);
    await waitForAuthors(page, BIB_AUTHORS);
    // The app's own notice says it too.
    const notice = page.locator('.notice.error');
    await notice.waitFor();
    assert.match(await notice.textContent(), /IndexedDB/);

    // The dataset list says storage is unavailable instead of failing.
    await page.getByRole('tab', { name: 'Datasets' }).click();
    const list = page.getByRole('region', { name: 'Stored datasets' });
    await list.getByRole('alert').waitFor();
    assert.match(await list.textContent(), /no IndexedDB storage/);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  test('with the quota exceeded, an import is shown and said unsaved; the dataset stored before is kept', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // `put` fails with QuotaExceededError once the test says the disk is full.
    await context.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function patchedPut(...args) {
        if (window.__storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    const pageErrors = [];
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e));
    await page.goto(process.env.ATLAS_BASE_URL ?? 'http://127.0.0.1:4173/');
    await waitForGraph(page);

    // A first import is stored.
    let report = await importFile(page, fixture('e2e-library.bib'));
    await report.getByText('Saved in this browser.').waitFor({ timeout: 30_000 });
    await waitForAuthors(page, BIB_AUTHORS);
    const first = await storedIds(page);
    assert.equal(first.length, 1);
    assert.equal(first[0].title, 'e2e-library.bib');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    // Storage is now full: the second import is shown, and said not saved.
    await page.evaluate(() => {
      window.__storageFull = true;
    });
    report = await importFile(page, fixture('e2e-library.csl.json'));
    await report.getByText('Not saved:', { exact: false }).waitFor({ timeout: 30_000 });
    assert.match(await report.textContent(), /storage for this site is full/);
    await waitForAuthors(page, CSL_AUTHORS);
    const notice = page.locator('.notice.error');
    await notice.waitFor();
    assert.match(await notice.textContent(), /storage for this site is full/);

    // The data stays displayed, and the earlier dataset is still stored, unchanged, and listed.
    assert.deepEqual(await storedIds(page), first);
    await page.getByRole('tab', { name: 'Datasets' }).click();
    const list = page.getByRole('region', { name: 'Stored datasets' });
    await list.getByRole('button', { name: 'Open e2e-library.bib' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await waitForAuthors(page, CSL_AUTHORS);

    // Once space is back, the earlier dataset opens again after a reload.
    const id = first[0].id;
    await page.evaluate(() => {
      window.__storageFull = false;
    });
    await page.goto(`${process.env.ATLAS_BASE_URL ?? 'http://127.0.0.1:4173/'}?dataset=${id}`);
    await waitForAuthors(page, BIB_AUTHORS);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });

  test('a damaged stored record is listed by name as damaged, left as it is, and the others still open', async () => {
    const { page } = await openApp(browser);
    const report = await importFile(page, fixture('e2e-library.bib'));
    await report.getByText('Saved in this browser.').waitFor({ timeout: 30_000 });
    await waitForAuthors(page, BIB_AUTHORS);
    // A record with no papers, as a damaged profile or another version could leave it.
    const bad = { id: 'ds-broken', dataset: { id: 'ds-broken', title: 'Broken library', aliases: [] }, createdAt: 1, updatedAt: 1 };
    await page.evaluate(
      (record) =>
        new Promise((resolve, reject) => {
          const req = indexedDB.open('coauthor-atlas');
          req.onsuccess = () => {
            const tx = req.result.transaction(['datasets', 'summaries'], 'readwrite');
            tx.objectStore('datasets').put(record);
            tx.objectStore('summaries').put({ id: record.id, title: record.dataset.title, papers: 4, createdAt: 1, updatedAt: 1 });
            tx.oncomplete = () => {
              req.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      bad,
    );
    await page.getByRole('tab', { name: 'Datasets' }).click();
    const list = page.getByRole('region', { name: 'Stored datasets' });
    const alert = list.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), /cannot be read: “Broken library”/);
    await list.getByRole('button', { name: 'Delete Broken library' }).waitFor();
    assert.equal(await list.getByRole('button', { name: 'Open Broken library' }).count(), 0);
    await list.getByRole('button', { name: 'Open e2e-library.bib' }).waitFor();
    const raw = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const req = indexedDB.open('coauthor-atlas');
          req.onsuccess = () => {
            const g = req.result.transaction('datasets').objectStore('datasets').get('ds-broken');
            g.onsuccess = () => {
              resolve(g.result);
              req.result.close();
            };
          };
        }),
    );
    assert.deepEqual(raw, bad);
    await page.close();
  });
});
