// Import: files through the "Import papers" input, a broken and an unreadable file, reload, pasted profile text.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openApp, waitForAuthors } from './browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = (name) => join(root, 'tests/fixtures/import', name);

// Independent identity rules: "Last, First" → "First Last", diacritics, case, punctuation and spacing folded.
function fold(name) {
  let n = name.trim();
  const parts = n.split(',');
  if (parts.length === 2 && parts[1].trim()) n = `${parts[1]} ${parts[0]}`;
  return n
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Distinct authors of a simple BibTeX file (author fields in braces, names split on "and"), entries with a title only. */
function bibAuthors(text) {
  const keys = new Set();
  for (const entry of text.split(/^@/m).slice(1)) {
    if (!/title\s*=\s*\{[^}]*\}/.test(entry)) continue;
    const m = entry.match(/author\s*=\s*\{([^}]*)\}/);
    for (const n of m ? m[1].split(/\s+and\s+/) : []) keys.add(fold(n));
  }
  return keys.size;
}

function cslAuthors(text) {
  const keys = new Set();
  for (const item of JSON.parse(text)) for (const a of item.author ?? []) keys.add(fold(a.literal ?? `${a.given} ${a.family}`));
  return keys.size;
}

const authorCount = (page) =>
  page.evaluate(() => {
    const g = window.__coauthorAtlas.sigma.getGraph();
    return g.filterNodes((_n, a) => a.kind === 'author').length;
  });

async function importFiles(page, files) {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByLabel('Import papers').setInputFiles(files);
  await page.getByRole('region', { name: 'Import report' }).waitFor({ timeout: 60_000 });
}

describe('Import', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('a BibTeX file becomes the graph, is stored, and survives a reload', async () => {
    const { page, errors } = await openApp(browser);
    const expected = bibAuthors(readFileSync(fixture('e2e-library.bib'), 'utf8'));
    assert.equal(expected, 10, 'the fixture has 10 distinct authors once folded');
    await importFiles(page, fixture('e2e-library.bib'));
    const report = page.getByRole('region', { name: 'Import report' });
    await report.getByText('Saved in this browser.').waitFor({ timeout: 30_000 });
    await waitForAuthors(page, expected);
    assert.equal(await authorCount(page), expected);
    const url = new URL(page.url());
    const id = url.searchParams.get('dataset');
    assert.match(id ?? '', /^ds-/);
    assert.match(await report.textContent(), /Read6Imported6Skipped0/);
    await page.screenshot({ path: join(root, 'test-results/import-bibtex.png') });

    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.reload();
    await waitForAuthors(page, expected);
    assert.equal(new URL(page.url()).searchParams.get('dataset'), id);
    assert.equal(await page.locator('.dataset-title').textContent(), 'e2e-library.bib');

    // The dataset list has it; renaming it changes the title shown.
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('tab', { name: 'Datasets' }).click();
    await page.getByRole('button', { name: 'Rename e2e-library.bib' }).click();
    await page.getByLabel('New name for e2e-library.bib').fill('My library');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Rename My library' }).waitFor();
    assert.equal(await page.locator('.dataset-title').textContent(), 'My library');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a CSL-JSON file becomes the graph', async () => {
    const { page, errors } = await openApp(browser);
    const expected = cslAuthors(readFileSync(fixture('e2e-library.csl.json'), 'utf8'));
    assert.equal(expected, 7);
    await importFiles(page, fixture('e2e-library.csl.json'));
    await waitForAuthors(page, expected);
    assert.equal(await authorCount(page), expected);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a broken file imports its good records and reports the skipped ones with their line', async () => {
    const { page } = await openApp(browser);
    const text = readFileSync(fixture('e2e-broken.bib'), 'utf8');
    const lines = text.split(/\r\n/);
    const noTitleLine = lines.findIndex((l) => l.startsWith('@article{notitle')) + 1;
    await importFiles(page, fixture('e2e-broken.bib'));
    const report = page.getByRole('region', { name: 'Import report' });
    await report.getByText(`Line ${noTitleLine}:`, { exact: false }).waitFor();
    await waitForAuthors(page, bibAuthors(text.split('@article{broken')[0]));
    assert.equal(await authorCount(page), 3);
    const body = await report.textContent();
    assert.match(body, /Imported2/);
    await page.screenshot({ path: join(root, 'test-results/import-broken.png') });
    await page.close();
  });

  test('an unreadable file gives a clear error and keeps the current dataset', async () => {
    const { page } = await openApp(browser);
    const before = await authorCount(page);
    const url = page.url();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .getByLabel('Import papers')
      .setInputFiles({ name: 'library.json', mimeType: 'application/json', buffer: Buffer.from('{ "items": [ { "title": ') });
    const report = page.getByRole('region', { name: 'Import report' });
    await report.getByRole('alert').first().waitFor();
    assert.match(await report.textContent(), /current dataset is kept/);
    assert.equal(await authorCount(page), before);
    assert.equal(page.url(), url);
    await page.close();
  });

  test('pasting the embedded profile page text imports it', async () => {
    const { page } = await openApp(browser);
    const text = readFileSync(fixture('profile-shown.txt'), 'utf8');
    // Independent count: the names shown on the page (three per paper) plus the profile owner.
    const shown = JSON.parse(readFileSync(join(root, 'data/profile-shown.json'), 'utf8'));
    const keys = new Set([fold(shown.owner), ...shown.papers.flatMap((p) => p.authors.map((a) => fold(a.name)))]);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByLabel('Paste papers').fill(text);
    await page.getByRole('button', { name: 'Import pasted text' }).click();
    await page.getByRole('region', { name: 'Import report' }).getByText('Saved in this browser.').waitFor({ timeout: 30_000 });
    await waitForAuthors(page, keys.size);
    assert.equal(await authorCount(page), keys.size);
    await page.close();
  });
  test('a CSV file asks for its columns; the mapping chosen is used', async () => {
    const { page } = await openApp(browser);
    const csv = 'Paper,Writers,When\n"First, a title",Ada One | Bo Two | Cy Three,2020\nSecond title,Bo Two | Di Four,2021\n';
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByLabel('Import papers').setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const review = page.getByRole('region', { name: 'Check the files' });
    await review.waitFor();
    assert.equal(await review.getByRole('button', { name: 'Import the file' }).isDisabled(), true, 'title and authors must be chosen first');
    await review.getByLabel('Title column').selectOption('Paper');
    await review.getByLabel('Authors column').selectOption('Writers');
    await review.getByLabel('Year column').selectOption('When');
    await review.getByLabel('Author separator').selectOption('|');
    await review.getByRole('button', { name: 'Import the file' }).click();
    await page.getByRole('region', { name: 'Import report' }).getByText('Saved in this browser.').waitFor({ timeout: 30_000 });
    await waitForAuthors(page, 4);
    await page.close();
  });

  test('files dropped on the page are imported; the merge assistant merges, undoes and keeps merges', async () => {
    const { page } = await openApp(browser);
    const bib = `@article{a, author = {John Smith and Kim Park and Ravi Rao}, title = {One}, year = {2020}}
@article{b, author = {J. Smith and Kim Park and Ravi Rao}, title = {Two}, year = {2021}}
@article{c, author = {Mary Jones and Ravi Rao}, title = {Three}, year = {2022}}`;
    // A real drop event carrying a file, as the browser sends it.
    const dt = await page.evaluateHandle((text) => {
      const d = new DataTransfer();
      d.items.add(new File([text], 'dropped.bib', { type: 'text/plain' }));
      return d;
    }, bib);
    await page.dispatchEvent('main', 'dragenter', { dataTransfer: dt });
    await page.locator('.drop-overlay').waitFor();
    await page.dispatchEvent('main', 'drop', { dataTransfer: dt });
    await page.getByRole('region', { name: 'Import report' }).getByText('Saved in this browser.').waitFor({ timeout: 30_000 });
    await waitForAuthors(page, 5);
    assert.equal(await page.locator('.drop-overlay').count(), 0);

    await page.getByRole('tab', { name: 'Name variants' }).click();
    const assistant = page.getByRole('region', { name: 'Merge assistant' });
    await assistant.getByText('Shared coauthors (2): Kim Park, Ravi Rao', { exact: false }).waitFor();
    await assistant.getByRole('button', { name: 'Merge J. Smith into John Smith' }).click();
    await waitForAuthors(page, 4);
    await assistant.getByRole('button', { name: 'Undo last decision' }).click();
    await waitForAuthors(page, 5);
    await assistant.getByRole('button', { name: 'Merge J. Smith into John Smith' }).click();
    await waitForAuthors(page, 4);
    await assistant.getByRole('button', { name: 'Split j smith from john smith' }).waitFor();
    // Saved with the dataset: a reload shows the merged graph.
    const id = new URL(page.url()).searchParams.get('dataset');
    await page.waitForFunction(
      (dsId) =>
        new Promise((resolve) => {
          const req = indexedDB.open('coauthor-atlas');
          req.onsuccess = () => {
            const get = req.result.transaction('datasets').objectStore('datasets').get(dsId);
            get.onsuccess = () => {
              resolve(get.result?.dataset.aliases.length === 1);
              req.result.close();
            };
            get.onerror = () => resolve(false);
          };
          req.onerror = () => resolve(false);
        }),
      id,
    );
    await page.reload();
    await waitForAuthors(page, 4);
    await page.close();
  });
});
