// A dataset kept in parts (src/store/paperChunks.ts), listed without reading its papers on the page; a damaged part
// found when it is opened (in the store reader worker), said by name, and listed as damaged from then on.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openApp, waitForAuthors } from './browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const BIB_AUTHORS = 10;
const paper = (i) => ({ id: `W${i}`, title: `Paper ${i}`, authors: [{ name: `Author ${i}` }, { name: 'Shared Author' }], truncated: false });
// The summary says 6,000 papers, so the app opens it in the store reader worker, as it does any big dataset.
const record = { id: 'ds-parts', dataset: { id: 'ds-parts', title: 'Split library', aliases: [], papers: [] }, createdAt: 1, updatedAt: 2, revision: 1 };
const parts = [
  { datasetId: 'ds-parts', chunk: 0, papers: [paper(0), paper(1), paper(2)] },
  { datasetId: 'ds-parts', chunk: 1, papers: [paper(3), { id: 'W4', title: 'No authors' }] },
];

/** Writes the record in parts (as the store writes them) with its summary, straight into IndexedDB. */
const putStored = (page) =>
  page.evaluate(
    ({ record, parts }) =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('coauthor-atlas');
        req.onsuccess = () => {
          const tx = req.result.transaction(['datasets', 'summaries', 'datasetPapers'], 'readwrite');
          tx.objectStore('datasets').put({ ...record, paperChunks: parts.length, paperCount: 6000 });
          tx.objectStore('summaries').put({ id: record.id, title: record.dataset.title, papers: 6000, createdAt: 1, updatedAt: 2, revision: 1 });
          for (const p of parts) tx.objectStore('datasetPapers').put(p);
          tx.oncomplete = () => (req.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    { record, parts },
  );

/** Counts the page's reads of part values (get, getAll, cursors) and of part keys, from now on. */
const countPartReads = (page) =>
  page.evaluate(() => {
    const counts = { values: 0, keys: 0 };
    window.__partReads = counts;
    for (const [m, kind] of [
      ['get', 'values'],
      ['getAll', 'values'],
      ['openCursor', 'values'],
      ['getAllKeys', 'keys'],
    ]) {
      const real = IDBObjectStore.prototype[m];
      IDBObjectStore.prototype[m] = function (...args) {
        if (this.name === 'datasetPapers') counts[kind]++;
        return real.apply(this, args);
      };
    }
  });

const storedParts = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        const req = indexedDB.open('coauthor-atlas');
        req.onsuccess = () => {
          const all = req.result.transaction('datasetPapers').objectStore('datasetPapers').getAll();
          all.onsuccess = () => (resolve(all.result), req.result.close());
        };
      }),
  );

describe('A dataset kept in parts', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('is listed without the page reading its papers; a damaged part is named when opened, then listed as damaged', async () => {
    const { page, errors } = await openApp(browser);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByLabel('Import papers').setInputFiles(join(root, 'tests/fixtures/import/e2e-library.bib'));
    await page.getByText('Saved in this browser.').waitFor({ timeout: 30_000 });
    await waitForAuthors(page, BIB_AUTHORS);
    await putStored(page);
    await countPartReads(page);

    await page.getByRole('tab', { name: 'Datasets' }).click();
    const list = page.getByRole('region', { name: 'Stored datasets' });
    await list.getByRole('button', { name: 'Open Split library' }).waitFor();
    await list.getByText('6,000 papers').waitFor();
    await list.getByRole('button', { name: 'Open e2e-library.bib' }).waitFor();
    assert.deepEqual(await page.evaluate(() => window.__partReads), { values: 0, keys: 1 });

    // Opening it reads the papers (in the worker): the error names the dataset and the paper; the graph shown stays.
    await list.getByRole('button', { name: 'Open Split library' }).click();
    const alert = list.getByRole('alert').filter({ hasText: 'cannot be read (' });
    await alert.waitFor();
    assert.match(await alert.textContent(), /“Split library” cannot be read \(paper 5 is not a valid paper\)/);
    // The list is read again at once: the dataset is named as damaged where it was, the error stays on show.
    await list.getByRole('list', { name: 'Damaged datasets' }).getByText('Cannot be read: paper 5 is not a valid paper. Kept as it is.').waitFor();
    assert.equal(await list.getByRole('button', { name: 'Open Split library' }).count(), 0);
    assert.equal(await alert.count(), 1);
    await waitForAuthors(page, BIB_AUTHORS);
    assert.equal(await page.evaluate(() => window.__partReads.values), 0);
    mkdirSync(join(root, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(root, 'test-results/storage-parts-open-error.png') });

    // The list shown again names it as damaged (told by the worker), with its reason; the other dataset still opens.
    await page.getByRole('tab', { name: 'Import', exact: true }).click();
    await page.getByRole('tab', { name: 'Datasets' }).click();
    const damaged = list.getByRole('list', { name: 'Damaged datasets' });
    await damaged.getByText('Cannot be read: paper 5 is not a valid paper. Kept as it is.').waitFor();
    await list.getByRole('button', { name: 'Delete Split library' }).waitFor();
    assert.equal(await list.getByRole('button', { name: 'Open Split library' }).count(), 0);
    await page.screenshot({ path: join(root, 'test-results/storage-parts-damaged.png') });
    assert.deepEqual(await storedParts(page), parts);
    await list.getByRole('button', { name: 'Open e2e-library.bib' }).waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });
});
