// The state store and the URL codec, as a user meets them: opening another dataset resets the lens filters and keeps
// colour and parameters the app does not own; back restores the dataset, the selection and the filters.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launch, openApp, waitForGraph } from './browser.mjs';

const shots = new URL('../../test-results/', import.meta.url);
mkdirSync(shots, { recursive: true });

const details = (page) => page.getByRole('complementary', { name: 'Details' });
const params = (page) => new URL(page.url()).searchParams;
/** Nodes the lens hides now, and the graph's size. */
const drawn = (page) =>
  page.evaluate(() => {
    const s = window.__coauthorAtlas.sigma;
    let hidden = 0;
    s.getGraph().forEachNode((n) => {
      if (s.getNodeDisplayData(n)?.hidden) hidden++;
    });
    return { hidden, order: s.getGraph().order };
  });

describe('state and URL', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('opening the other author lists resets the filters and keeps the colour and a foreign parameter; back restores all', async () => {
    const { page, errors } = await openApp(browser, '?utm_source=mail&minPapers=2&color=firstYear&author=yuchen%20hao');
    await page.waitForFunction(() => document.querySelector('aside[aria-label="Details"] h2')?.textContent === 'Yuchen Hao');
    const first = await drawn(page);
    assert.ok(first.hidden > 0, `minPapers=2 hides authors with one paper (${first.hidden} of ${first.order})`);
    assert.equal(await page.getByLabel('Colour by').inputValue(), 'firstYear');

    // Deselect, then choose the other author lists: openWorkspace from the page.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !/[?&]author=/.test(location.search));
    await details(page)
      .getByRole('radio', { name: /As the profile shows them/ })
      .check();
    await page.waitForURL(/dataset=shown/);
    await waitForGraph(page);
    assert.equal(params(page).get('minPapers'), null, 'the filter made for the previous data is dropped');
    assert.equal(params(page).get('color'), 'firstYear', 'the colour carries over');
    assert.equal(params(page).get('utm_source'), 'mail', 'a parameter the app does not own is kept');
    const shown = await drawn(page);
    assert.equal(shown.hidden, 0, 'no filter hides anything on the new data');
    assert.notEqual(shown.order, first.order, 'the other author lists draw another graph');
    await page.screenshot({ path: new URL('state-url-shown.png', shots).pathname });

    // Back: the full lists again, with the filter (the entry before the switch).
    await page.goBack();
    await page.waitForFunction(() => !/[?&]dataset=/.test(location.search));
    await page.waitForFunction((n) => window.__coauthorAtlas?.sigma.getGraph().order === n, first.order, { timeout: 60_000 });
    await waitForGraph(page);
    assert.equal(params(page).get('minPapers'), '2');
    assert.equal((await drawn(page)).hidden, first.hidden, 'back restores the filter');
    assert.ok(
      await details(page)
        .getByRole('radio', { name: /Full \(sourced\)/ })
        .isChecked(),
    );
    // Back once more: the selection the page opened with.
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('aside[aria-label="Details"] h2')?.textContent === 'Yuchen Hao');
    assert.equal(params(page).get('utm_source'), 'mail');
    await page.screenshot({ path: new URL('state-url-back.png', shots).pathname });
    assert.deepEqual(errors, []);
    await page.close();
  });
});
