// The worker runner's failure paths in real Chromium, through the import dialog: a worker script that does not load
// (no message on its error event) and one that throws as it starts (its message) both end in the dialog's error,
// and the current dataset is kept.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openApp, waitForAuthors } from './browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const bib = '@article{a1, author = {Ada Lovelace and Charles Babbage}, title = {Notes}, year = {1843}}\n';

const authorCount = (page) => page.evaluate(() => window.__coauthorAtlas.sigma.getGraph().filterNodes((_, a) => a.kind === 'author').length);

/** Imports one small BibTeX file and returns the import report's alert text. */
async function importAndReadAlert(page) {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByLabel('Import papers').setInputFiles({ name: 'small.bib', mimeType: 'text/plain', buffer: Buffer.from(bib) });
  const alert = page.getByRole('region', { name: 'Import report' }).getByRole('alert').first();
  await alert.waitFor({ timeout: 30_000 });
  return alert.textContent();
}

describe('Worker runner in the browser', () => {
  let browser;
  before(async () => {
    browser = await launch();
    mkdirSync(join(root, 'test-results'), { recursive: true });
  });
  after(() => browser?.close());

  test('an import worker whose script does not load: "the import worker failed", the dataset is kept', async () => {
    const { page } = await openApp(browser);
    const before = await authorCount(page);
    let blocked = 0;
    await page.context().route(/importWorker[^/]*\.js/, (route) => {
      blocked++;
      return route.abort();
    });
    const text = await importAndReadAlert(page);
    assert.ok(blocked > 0, 'the import worker script was requested (and blocked)');
    assert.match(text, /The import failed: the import worker failed\. The current dataset is kept\./);
    assert.equal(await authorCount(page), before);
    await page.screenshot({ path: join(root, 'test-results/worker-runner-load-failure.png') });
    await page.close();
  });

  test('an import worker that throws as it starts: its message is shown, the dataset is kept', async () => {
    const { page } = await openApp(browser);
    const before = await authorCount(page);
    await page
      .context()
      .route(/importWorker[^/]*\.js/, (route) =>
        route.fulfill({ status: 200, contentType: 'text/javascript', body: "throw new Error('the parser is missing');" }),
      );
    const text = await importAndReadAlert(page);
    assert.match(text, /The import failed: .*the parser is missing.*\. The current dataset is kept\./);
    assert.equal(await authorCount(page), before);
    await page.close();
  });

  test('the same import with the worker left alone gives its two authors (what failed above was the worker)', async () => {
    const { page } = await openApp(browser);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByLabel('Import papers').setInputFiles({ name: 'small.bib', mimeType: 'text/plain', buffer: Buffer.from(bib) });
    await waitForAuthors(page, 2);
    assert.equal(await authorCount(page), 2);
    await page.close();
  });
});
