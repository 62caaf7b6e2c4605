// Live OpenAlex against the local replay server (tests/e2e/openalex-replay): search, pick, fetch with cursor paging,
// refetch of the work whose author list OpenAlex cut at 100, import; ORCID search and cancel. No internet.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_URL, launch, waitForGraph } from './browser.mjs';
import { manifest, response, startReplayServer } from './openalex-replay/server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

// Independent identity rule (as the app's): diacritics, case, punctuation and spacing folded.
const fold = (name) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Distinct authors of the recorded works, each truncated work replaced by its recorded single-work response. */
function expectedAuthors() {
  const singles = new Map(manifest.filter((m) => m.path.startsWith('/works/')).map((m) => [m.path.slice('/works/'.length), response(m.file)]));
  const keys = new Set();
  let truncated = 0;
  let biggest = 0;
  for (const m of manifest.filter((e) => e.path === '/works')) {
    for (let w of response(m.file).results) {
      if (w.is_authors_truncated) {
        truncated++;
        w = singles.get(w.id.replace('https://openalex.org/', ''));
      }
      biggest = Math.max(biggest, w.authorships.length);
      for (const a of w.authorships) keys.add(fold(a.author.display_name));
    }
  }
  return { count: keys.size, truncated, biggest };
}

async function openWithReplay(browser, replayUrl) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(new Error(m.text()));
  });
  await page.addInitScript((url) => localStorage.setItem('coauthor-atlas:openalex-base', url), replayUrl);
  await page.goto(BASE_URL);
  await waitForGraph(page);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('tab', { name: 'OpenAlex' }).click();
  return { page, errors };
}

const authorCount = (page) => page.evaluate(() => window.__coauthorAtlas.sigma.getGraph().filterNodes((_n, a) => a.kind === 'author').length);

describe('Live OpenAlex (replayed)', () => {
  let browser;
  let replay;
  before(async () => {
    browser = await launch();
    replay = await startReplayServer();
  });
  after(async () => {
    await browser?.close();
    await replay?.close();
  });

  test('search → pick → fetch all pages → the graph has every author, the 120-author work in full', async () => {
    const expected = expectedAuthors();
    assert.equal(expected.truncated, 1, 'the recording has one truncated work');
    assert.equal(expected.biggest, 120);
    assert.equal(expected.count, 125, 'the recording has 125 distinct authors once folded');
    const { page, errors } = await openWithReplay(browser, replay.url);
    await page.getByLabel('OpenAlex e-mail or API key').fill('tester@example.org');
    await page.getByLabel('Search OpenAlex authors').fill('Ana Ribeiro');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const found = page.getByRole('region', { name: 'OpenAlex authors found' });
    await found.getByText('2 authors found: pick one').waitFor();
    assert.match(await found.textContent(), /University of Toronto \(CA\)/);
    await found.getByRole('button', { name: 'Import the works of Ana Ribeiro, Universidade de Lisboa (PT) (A5001234501)' }).click();

    const report = page.getByRole('region', { name: 'Import report' });
    await report
      .getByText('Saved in this browser.')
      .waitFor({ timeout: 60_000 })
      .catch(async (e) => {
        // Leave evidence for people: what the page showed and what the replay server was asked.
        await page.screenshot({ path: join(root, 'test-results/openalex-failure.png') });
        console.log('page text:', await page.evaluate(() => document.body.innerText.slice(0, 3000)));
        console.log('requests:', JSON.stringify(replay.requests), 'unexpected:', replay.unexpected, 'page errors:', errors);
        throw e;
      });
    const text = await report.textContent();
    assert.match(text, /Fetched 6 works of Ana Ribeiro \(OpenAlex A5001234501\) from OpenAlex in 4 requests\./);
    assert.match(text, /1 work whose author list OpenAlex cuts at 100 was refetched in full\./);
    assert.match(text, /Read6Imported6Skipped0/);
    assert.doesNotMatch(text, /Truncated author lists/);

    await page.waitForFunction((n) => window.__coauthorAtlas.sigma.getGraph().filterNodes((_x, a) => a.kind === 'author').length === n, expected.count, {
      timeout: 60_000,
    });
    await waitForGraph(page);
    assert.equal(await authorCount(page), expected.count);
    // The consortium paper is a hub (over the default cap of 25) linked to all 120 of its authors.
    const hubDegree = await page.evaluate(() => {
      const g = window.__coauthorAtlas.sigma.getGraph();
      return g.hasNode('p:W4391000003') ? g.neighbors('p:W4391000003').filter((n) => g.getNodeAttribute(n, 'kind') === 'author').length : -1;
    });
    assert.equal(hubDegree, 120);
    assert.equal(await page.locator('.dataset-title').textContent(), 'OpenAlex: Ana Ribeiro (A5001234501)');

    assert.deepEqual(replay.unexpected, [], 'the app asked only for recorded responses');
    assert.equal(replay.requests.length, 5, 'one search, three cursor pages, one single work');
    assert.ok(replay.requests.every((r) => r.mailto === 'tester@example.org'));
    await page.keyboard.press('Escape');
    await page.screenshot({ path: join(root, 'test-results/openalex-import.png') });

    // The e-mail is kept in this browser.
    assert.equal(await page.evaluate(() => localStorage.getItem('coauthor-atlas:openalex-contact')), 'tester@example.org');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('an ORCID finds the one author; Cancel stops the fetch and changes nothing', async () => {
    const slow = await startReplayServer({ delayMs: 1500 });
    try {
      const { page, errors } = await openWithReplay(browser, slow.url);
      const before = await authorCount(page);
      await page.getByLabel('Search OpenAlex authors').fill('https://orcid.org/0000-0002-1825-0097');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      const found = page.getByRole('region', { name: 'OpenAlex authors found' });
      await found.getByText('1 author found: pick one').waitFor();
      await found.getByRole('button', { name: /^Import the works of Ana Ribeiro/ }).click();
      await page.getByLabel('OpenAlex progress').waitFor();
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.getByText('Fetching cancelled: nothing was imported.').waitFor();
      await page.waitForTimeout(2000);
      assert.equal(await authorCount(page), before);
      assert.equal(await page.getByRole('region', { name: 'Import report' }).count(), 0);
      assert.deepEqual(slow.unexpected, []);
      assert.ok(slow.requests.length <= 2, `at most the search and the first page were asked for (${slow.requests.length})`);
      assert.deepEqual(errors, []);
      await page.close();
    } finally {
      await slow.close();
    }
  });
});
