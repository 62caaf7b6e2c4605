// The world map of country collaboration on an imported Web of Science file: the countries and links drawn are
// those of the file's C1 addresses (read here by hand), and choosing a country (click, or Enter) highlights its
// authors on the graph.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launch, openApp, waitForGraph } from './browser.mjs';

const wosFixture = new URL('../fixtures/import/wos-plain.txt', import.meta.url).pathname;

/**
 * tests/fixtures/import/wos-plain.txt, by hand: (1) Gomez ES, Muller ES+England, Zhang "Peoples R China",
 * Okafor "CA 94305 USA"; (2) Aad, Abbott: CERN Switzerland + a US address each; (3) Li, Chen China;
 * (4) Li (another ORCID), Brown Canada; (5) Li, Chen China.
 */
const COUNTRIES = { CN: 3, US: 2, CA: 1, ES: 1, CH: 1, GB: 1 };
const LINKS = ['CH|US', 'CN|ES', 'CN|GB', 'CN|US', 'ES|GB', 'ES|US', 'GB|US'];

const region = (page) => page.getByRole('region', { name: 'Indicators' });
const highlighted = (page) =>
  page.evaluate(() => {
    const s = window.__coauthorAtlas.sigma;
    return s
      .getGraph()
      .filterNodes((n) => s.getNodeDisplayData(n)?.highlighted)
      .sort();
  });

describe('Country map', () => {
  let browser, page, errors;
  before(async () => {
    browser = await launch();
    ({ page, errors } = await openApp(browser));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByLabel('Import papers').setInputFiles(wosFixture);
    await page.getByRole('region', { name: 'Import report' }).waitFor({ timeout: 60_000 });
    await page.keyboard.press('Escape');
    await waitForGraph(page);
  });
  after(async () => {
    await browser?.close();
  });

  test('draws the countries of the addresses, shaded by papers, and the links between them', async () => {
    await page.getByRole('button', { name: 'Indicators', exact: true }).click();
    const map = region(page).getByRole('group', { name: /^World map/ });
    await map.waitFor();
    const drawn = await map.locator('[data-country]').evaluateAll((els) =>
      els.map((el) => ({
        code: el.getAttribute('data-country'),
        fill: el.getAttribute('fill'),
        box: el.getBBox().width,
        label: el.getAttribute('aria-label'),
      })),
    );
    assert.deepEqual(drawn.map((d) => d.code).sort(), Object.keys(COUNTRIES).sort());
    for (const d of drawn) {
      assert.ok(d.box > 0, `${d.code} has a shape`);
      assert.match(d.label, new RegExp(`: ${COUNTRIES[d.code]} papers`));
    }
    // More papers, darker: China (3) against Canada (1).
    const lum = (hex) => {
      const [r, g, b] = hex.match(/\w\w/g).map((h) => parseInt(h, 16));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const fill = (code) =>
      drawn
        .find((d) => d.code === code)
        .fill.replace(/^rgb\((\d+), (\d+), (\d+)\)$/, (_m, r, g, b) => '#' + [r, g, b].map((x) => Number(x).toString(16).padStart(2, '0')).join(''));
    assert.ok(lum(fill('CN')) < lum(fill('CA')), `${fill('CN')} darker than ${fill('CA')}`);
    const links = await map
      .locator('[data-link]')
      .evaluateAll((els) => els.map((el) => [el.getAttribute('data-link'), el.getAttribute('data-papers'), el.getTotalLength()]));
    assert.deepEqual(links.map((l) => l[0]).sort(), LINKS);
    for (const [id, papers, length] of links) {
      assert.equal(papers, '1', id);
      assert.ok(length > 1, `${id} is drawn`);
    }
    mkdirSync('test-results', { recursive: true });
    await region(page).locator('[data-section="countries"]').screenshot({ path: 'test-results/country-map.png' });
  });

  test('Enter on a country selects its authors on the graph; a click does the same', async () => {
    const map = region(page).getByRole('group', { name: /^World map/ });
    await map.locator('[data-country="ES"]').focus();
    // The focused country is outlined (screenshot to look at), and says what it is.
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-country')), 'ES');
    await map.screenshot({ path: 'test-results/country-map-focus.png' });
    await page.keyboard.press('Enter');
    await region(page).waitFor({ state: 'detached' });
    const details = page.getByRole('complementary', { name: 'Details' });
    await details.getByRole('heading', { name: 'Spain' }).waitFor();
    assert.match(page.url(), /[?&]country=ES\b/);
    await page.waitForFunction(() => window.__coauthorAtlas.sigma.getNodeDisplayData('a:jose gomez')?.highlighted);
    assert.deepEqual(await highlighted(page), ['a:jose gomez', 'a:jurgen muller']);
    await page.screenshot({ path: 'test-results/country-map-selected.png' });

    await page.getByRole('button', { name: 'Indicators', exact: true }).click();
    // China's box centre is on China (the United States' is not: Alaska and Hawaii widen its box).
    await region(page).locator('[data-country="CN"]').click();
    await details.getByRole('heading', { name: 'China' }).waitFor();
    await page.waitForFunction(() => window.__coauthorAtlas.sigma.getNodeDisplayData('a:wei zhang')?.highlighted);
    assert.deepEqual(await highlighted(page), ['a:jing li#0000-0003-0000-0001', 'a:wei chen', 'a:wei zhang']);
    assert.deepEqual(errors.map(String), []);
  });
});
