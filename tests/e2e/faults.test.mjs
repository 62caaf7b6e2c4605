// A rendering error: real app code throws while drawing (the test breaks a built-in the details panel uses), and the
// page shows a recoverable message instead of going blank, exports the data shown, and comes back on "Try again".
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openApp, waitForGraph } from './browser.mjs';

const full = JSON.parse(readFileSync(new URL('../../data/profile-full.json', import.meta.url), 'utf8'));

describe('Rendering errors', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('a throw while rendering the details panel: message with Try again and Export the data; the export holds the papers; Try again recovers', async () => {
    const { page } = await openApp(browser);
    const before = await page.evaluate(() => window.__coauthorAtlas.sigma.getGraph().order);
    const search = page.getByRole('combobox', { name: 'Search' });
    await search.fill('Yuchen Hao');
    const option = page.getByRole('option', { name: /Yuchen Hao/ }).first();
    await option.waitFor();
    // The author panel sorts the author's papers by date with String.prototype.localeCompare while it renders.
    await page.evaluate(() => {
      window.__localeCompare = String.prototype.localeCompare;
      String.prototype.localeCompare = function broken() {
        throw new Error('localeCompare broken by the test');
      };
    });
    await option.click();

    const alert = page.getByRole('alert').filter({ hasText: 'Something went wrong while drawing the network' });
    await alert.waitFor();
    assert.match(await alert.textContent(), /localeCompare broken by the test/);
    // Not a blank page: the message and the top bar are there.
    assert.ok(await page.getByRole('button', { name: 'Try again' }).isVisible());
    assert.ok(await page.getByRole('button', { name: 'Export the data' }).isVisible());
    assert.ok(await search.isVisible(), 'the top bar stays');
    assert.ok((await page.evaluate(() => document.body.innerText.trim().length)) > 100, 'the page is not blank');
    await page.screenshot({ path: 'test-results/render-error.png' });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the data' }).click()]);
    const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.match(download.suggestedFilename(), /^coauthor-atlas-data-.*\.json$/);
    assert.equal(saved.format, 'coauthor-atlas-rescue');
    const papers = saved.data.dataset.papers;
    assert.equal(papers.length, full.papers.length);
    assert.deepEqual(papers.map((p) => p.id).sort(), full.papers.map((p) => p.id).sort());
    assert.deepEqual(
      papers.map((p) => p.authors.length),
      full.papers.map((p) => p.authors.length),
    );
    await page.getByRole('status').filter({ hasText: 'downloaded as a JSON file' }).waitFor();

    await page.evaluate(() => {
      String.prototype.localeCompare = window.__localeCompare;
    });
    await page.getByRole('button', { name: 'Try again' }).click();
    await waitForGraph(page);
    assert.equal(await alert.count(), 0);
    assert.equal(await page.evaluate(() => window.__coauthorAtlas.sigma.getGraph().order), before);
    assert.equal(await page.getByRole('complementary', { name: 'Details' }).getByRole('heading').first().textContent(), 'Yuchen Hao');
    await page.close();
  });
});
