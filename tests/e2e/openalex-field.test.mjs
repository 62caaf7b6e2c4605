// Live OpenAlex field queries against the local replay server (tests/e2e/openalex-replay, field-manifest.json):
// autocomplete → count and estimate → fetch in a worker through a 429 and a dropped connection → the graph has every
// author; a reload mid-way resumes from the pages stored in IndexedDB; a dataset that could not be stored opens again
// from its kept pages after a reload. No internet.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_URL, launch, waitForGraph } from './browser.mjs';
import { fieldManifest, response, startReplayServer } from './openalex-replay/server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const fold = (name) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Distinct authors of the recorded field pages, the cut work replaced by its recorded full record. */
function expectedAuthors() {
  const singles = new Map(fieldManifest.filter((m) => m.path.startsWith('/works/')).map((m) => [m.path.slice('/works/'.length), response(m.file)]));
  const keys = new Set();
  let works = 0;
  for (const m of fieldManifest.filter((e) => e.path === '/works' && e.query.cursor)) {
    for (let w of response(m.file).results) {
      works++;
      if (w.is_authors_truncated) w = singles.get(w.id.replace('https://openalex.org/', ''));
      for (const a of w.authorships) keys.add(fold(a.author.display_name));
    }
  }
  return { works, authors: keys.size };
}

async function openFieldTab(browser, replayUrl, page) {
  page ??= await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.addInitScript((url) => localStorage.setItem('coauthor-atlas:openalex-base', url), replayUrl);
  await page.goto(BASE_URL);
  await waitForGraph(page);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('tab', { name: 'Field' }).click();
  return page;
}

async function chooseQuery(page) {
  await page.getByLabel('Find a topic, venue or institution').fill('natural language');
  await page.getByRole('button', { name: 'Add Natural Language Processing Techniques (T10181)' }).click();
  await page.getByLabel('Published from (year)').fill('2019');
  await page.getByLabel('Published until (year)').fill('2021');
  await page.getByRole('button', { name: 'Count works' }).click();
  const count = page.getByRole('region', { name: 'Field query count' });
  await count.getByText('260 works', { exact: true }).waitFor();
  return count;
}

const authorCount = (page) => page.evaluate(() => window.__coauthorAtlas.sigma.getGraph().filterNodes((_n, a) => a.kind === 'author').length);

describe('Live OpenAlex field query (replayed)', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('autocomplete, count and estimate, fetch through a 429 and a dropped connection: every author in the graph', async () => {
    const expected = expectedAuthors();
    assert.equal(expected.works, 260);
    const replay = await startReplayServer();
    try {
      const page = await openFieldTab(browser, replay.url);
      const errors = [];
      page.on('pageerror', (e) => errors.push(e));
      const count = await chooseQuery(page);
      assert.match(await count.textContent(), /260 works match “Natural Language Processing Techniques \(2019–2021\)”: about 2 requests and 0\.7 MB/);
      // Nothing but the count was fetched before the user asks.
      assert.equal(replay.requests.filter((r) => r.key.includes('cursor=')).length, 0);
      await count.getByRole('button', { name: 'Fetch 260 works' }).click();
      const report = page.getByRole('region', { name: 'Import report' });
      await report
        .getByText('Saved in this browser.')
        .waitFor({ timeout: 90_000 })
        .catch(async (e) => {
          await page.screenshot({ path: join(root, 'test-results/openalex-field-failure.png') });
          console.log('page text:', await page.evaluate(() => document.body.innerText.slice(0, 3000)), 'unexpected:', replay.unexpected);
          throw e;
        });
      const text = await report.textContent();
      assert.match(text, /Fetched 260 works of the OpenAlex query “Natural Language Processing Techniques \(2019–2021\)” .* in 3 pages\./);
      assert.match(text, /1 works whose author list OpenAlex cuts at 100 were refetched in full\./);
      assert.match(text, /Read260Imported260Skipped0/);
      await page.waitForFunction((n) => window.__coauthorAtlas.sigma.getGraph().filterNodes((_x, a) => a.kind === 'author').length === n, expected.authors, {
        timeout: 60_000,
      });
      assert.equal(await authorCount(page), expected.authors);
      // Page 2: a 429, the client's retry after Retry-After, a 429, the field fetch's retry; page 3: a drop, a retry.
      const asked = (c) => replay.requests.filter((r) => r.key.includes(`cursor=${c}`)).length;
      assert.equal(asked('*'), 1);
      assert.equal(replay.requests.filter((r) => r.key.includes('cursor=') && !r.key.includes('cursor=*')).length, 5);
      assert.deepEqual(replay.unexpected, []);
      await page.keyboard.press('Escape');
      await page.screenshot({ path: join(root, 'test-results/openalex-field.png') });
      assert.deepEqual(errors, []);
      await page.close();
    } finally {
      await replay.close();
    }
  });

  test('a reload mid-way resumes from the stored pages: page one is not fetched again', async () => {
    const slow = await startReplayServer({ delayMs: 1200 });
    try {
      const page = await openFieldTab(browser, slow.url);
      const count = await chooseQuery(page);
      await count.getByRole('button', { name: 'Fetch 260 works' }).click();
      await page.getByText(/200 of 260 works fetched/).waitFor({ timeout: 60_000 });
      await page.reload();
      await waitForGraph(page);
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByRole('tab', { name: 'Field' }).click();
      const unfinished = page.getByRole('region', { name: 'Unfinished field fetches' });
      await unfinished.getByText(/Unfinished: “Natural Language Processing Techniques \(2019–2021\)”, 200 of 260 works stored\./).waitFor();
      await unfinished.getByRole('button', { name: 'Resume' }).click();
      const report = page.getByRole('region', { name: 'Import report' });
      await report.getByText('Saved in this browser.').waitFor({ timeout: 90_000 });
      assert.match(await report.textContent(), /resumed after 200 works stored before/);
      assert.match(await report.textContent(), /Read260Imported260Skipped0/);
      assert.equal(slow.requests.filter((r) => r.key.includes('cursor=*')).length, 1, 'page one was fetched once, before the reload');
      await page.waitForFunction(
        (n) => window.__coauthorAtlas.sigma.getGraph().filterNodes((_x, a) => a.kind === 'author').length === n,
        expectedAuthors().authors,
        { timeout: 60_000 },
      );
      // Imported: the stored pages are gone, nothing left to resume.
      await page.waitForFunction(() => !document.querySelector('[aria-label="Unfinished field fetches"]'));
      await page.close();
    } finally {
      await slow.close();
    }
  });

  test('a dataset that could not be stored keeps its fetched pages: after a reload it opens from them, with no request', async () => {
    const replay = await startReplayServer();
    try {
      const page = await openFieldTab(browser, replay.url);
      // The dataset store fails as it would after a newer version of the app upgraded this browser's database: the
      // app's own version is then refused (VersionError). The field pages live in a database of their own.
      await page.evaluate(
        () =>
          new Promise((resolve, reject) => {
            const request = indexedDB.open('coauthor-atlas', 99);
            request.onsuccess = () => {
              request.result.close();
              resolve();
            };
            request.onerror = () => reject(request.error);
          }),
      );
      const count = await chooseQuery(page);
      await count.getByRole('button', { name: 'Fetch 260 works' }).click();
      await page
        .getByText(/Storing the dataset failed/)
        .first()
        .waitFor({ timeout: 90_000 });
      const expected = expectedAuthors().authors;
      await page.waitForFunction((n) => window.__coauthorAtlas.sigma.getGraph().filterNodes((_x, a) => a.kind === 'author').length === n, expected, {
        timeout: 60_000,
      });
      const fetchedPages = replay.requests.filter((r) => r.key.includes('cursor=')).length;
      assert.ok(fetchedPages >= 3);

      // The user frees the storage (here: the newer database goes) and reloads: the dataset is gone, its pages are not.
      await page.evaluate(
        () =>
          new Promise((resolve, reject) => {
            const request = indexedDB.deleteDatabase('coauthor-atlas');
            request.onsuccess = () => resolve();
            request.onerror = () => reject(request.error);
          }),
      );
      await page.reload();
      await waitForGraph(page);
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByRole('tab', { name: 'Field' }).click();
      const kept = page.getByRole('region', { name: 'Fetched field queries not saved' });
      await kept
        .getByText('Fetched but not saved as a dataset in this browser: “Natural Language Processing Techniques (2019–2021)”, 260 works kept.')
        .waitFor({ timeout: 30_000 });
      await kept.getByRole('button', { name: 'Open from the kept pages' }).click();
      const report = page.getByRole('region', { name: 'Import report' });
      await report.getByText('Saved in this browser.').waitFor({ timeout: 90_000 });
      assert.match(await report.textContent(), /Read260Imported260Skipped0/);
      await page.waitForFunction((n) => window.__coauthorAtlas.sigma.getGraph().filterNodes((_x, a) => a.kind === 'author').length === n, expected, {
        timeout: 60_000,
      });
      assert.equal(replay.requests.filter((r) => r.key.includes('cursor=')).length, fetchedPages, 'no page was fetched again');
      // Stored now: the kept pages are released and no longer offered.
      await page.waitForFunction(() => !document.querySelector('[aria-label="Fetched field queries not saved"]'), null, { timeout: 30_000 });
      assert.deepEqual(replay.unexpected, []);
      await page.close();
    } finally {
      await replay.close();
    }
  });
});
