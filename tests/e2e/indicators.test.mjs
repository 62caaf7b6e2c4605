// The Indicators view on the embedded profile: figures against counts taken here from data/profile-full.json,
// one bar per year, CSV downloads, definitions on keyboard focus, Escape closes it and keeps the selection.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openApp, waitForGraph } from './browser.mjs';

const full = JSON.parse(readFileSync(new URL('../../data/profile-full.json', import.meta.url), 'utf8'));
const shown = JSON.parse(readFileSync(new URL('../../data/profile-shown.json', import.meta.url), 'utf8'));
const openalexFixture = new URL('../fixtures/import/openalex.json', import.meta.url).pathname;
const alias = new Map(full.aliases.map((a) => [a.from, a.to]));
// Each paper's distinct names after the aliases: the independent count of authorships.
const teams = full.papers.map((p) => [...new Set(p.authors.map((a) => alias.get(a.name) ?? a.name))]);
const authorships = teams.reduce((s, t) => s + t.length, 0);
const positions = full.papers.reduce((s, p) => s + p.authors.length, 0);
const authors = new Set(teams.flat()).size;
const single = teams.filter((t) => t.length === 1).length;
const multi = teams.filter((t) => t.length > 1);
const yearCounts = new Map();
for (const p of full.papers) {
  const y = Number((p.date ?? String(p.year)).slice(0, 4));
  yearCounts.set(y, (yearCounts.get(y) ?? 0) + 1);
}
const fmt = (n) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const region = (page) => page.getByRole('region', { name: 'Indicators' });
const figure = (page, id) => region(page).locator(`[data-figure="${id}"]`);
/** The figure's own text (its detail span left out). */
const value = (page, id) => figure(page, id).evaluate((el) => el.firstChild.textContent);

/** Minimal RFC 4180 reader. */
function parseCsv(text) {
  const rows = [];
  let row = [],
    cell = '',
    quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

async function download(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: dl.suggestedFilename(), text: readFileSync(await dl.path(), 'utf8') };
}

describe('Indicators', () => {
  let browser, page, errors;
  before(async () => {
    browser = await launch();
    ({ page, errors } = await openApp(browser, '?author=liang%20luo'));
  });
  after(async () => {
    await browser?.close();
  });

  test('opens from the toolbar with the keyboard and shows the main figures', async () => {
    const details = page.getByRole('complementary', { name: 'Details' });
    await details.getByRole('heading', { name: 'Liang Luo' }).first().waitFor();
    await page.getByRole('button', { name: 'Indicators', exact: true }).focus();
    await page.keyboard.press('Enter');
    await region(page).waitFor();
    assert.equal(await value(page, 'papers'), String(full.papers.length));
    assert.equal(await value(page, 'authors'), authors.toLocaleString('en-US'));
    assert.equal(await value(page, 'authorships'), authorships.toLocaleString('en-US'));
    assert.equal(await value(page, 'authorPositions'), positions.toLocaleString('en-US'));
    assert.equal(await value(page, 'coauthorsPerPaper'), fmt(authorships / full.papers.length));
    assert.equal(await value(page, 'authorsPerPaper'), fmt(authors / full.papers.length));
    assert.equal(await value(page, 'singleAuthoredShare'), `${(single / full.papers.length) * 100}%`);
    assert.equal(await value(page, 'collaborationIndex'), fmt(multi.reduce((s, t) => s + t.length, 0) / multi.length));
    // No paper of the profile has a cut list: no lower-bound warning.
    assert.equal(full.papers.filter((p) => p.truncated).length, 0);
    assert.equal(await region(page).getByRole('note').count(), 0);
  });

  test('annual production: one bar per year present, tallest for the busiest year', async () => {
    const bars = await region(page)
      .locator('rect.ind-bar')
      .evaluateAll((rs) => rs.map((r) => ({ year: Number(r.dataset.year), h: Number(r.getAttribute('height')), title: r.textContent })));
    assert.deepEqual(
      bars.map((b) => b.year),
      [...yearCounts.keys()].sort((a, b) => a - b),
    );
    for (const b of bars) assert.equal(b.title, `${b.year}: ${yearCounts.get(b.year)} paper${yearCounts.get(b.year) === 1 ? '' : 's'}`);
    const busiest = [...yearCounts].sort((a, b) => b[1] - a[1])[0][0];
    assert.equal(bars.reduce((m, b) => (b.h > m.h ? b : m)).year, busiest);
    assert.ok(await region(page).getByText('Year', { exact: true }).isVisible());
  });

  test('the owner leads the authors; Lotka and dominance are drawn', async () => {
    const firstRow = region(page).getByRole('table', { name: 'Most productive authors' }).locator('tbody tr').first();
    assert.equal(await firstRow.locator('th').textContent(), 'Yuchen Hao');
    assert.equal(await firstRow.locator('td').nth(1).textContent(), String(full.papers.length));
    await region(page).getByRole('radio', { name: 'Fractional counting' }).check();
    const frac = teams.reduce((s, t) => s + (t.includes('Yuchen Hao') ? 1 / t.length : 0), 0);
    assert.equal(await firstRow.locator('td').nth(2).textContent(), fmt(frac));
    const perAuthor = new Map();
    for (const t of teams) for (const n of t) perAuthor.set(n, (perAuthor.get(n) ?? 0) + 1);
    assert.equal(await region(page).locator('circle.ind-point').count(), new Set(perAuthor.values()).size);
    assert.equal(await region(page).locator('path.ind-fit').count(), 1);
    assert.equal(await region(page).getByRole('table', { name: 'Author dominance' }).locator('tbody tr').count(), 10);
  });

  test('a definition shows on keyboard focus, with its reference', async () => {
    const info = region(page).getByRole('button', { name: 'What is “Collaboration index”?' });
    await info.focus();
    const tip = region(page).getByRole('tooltip').filter({ hasText: 'Elango & Rajendran (2012)' });
    assert.ok(await tip.isVisible());
  });

  test('CSV: all tables in one file, and one table alone', async () => {
    const all = await download(page, () => region(page).getByRole('button', { name: 'Download all tables (CSV)' }).click());
    assert.match(all.name, /indicators\.csv$/);
    const rows = parseCsv(all.text);
    assert.deepEqual(rows[0], ['Main information']);
    assert.ok(rows.some((r) => r[0] === 'Authorships' && r[1] === String(authorships)));
    assert.ok(rows.some((r) => r[0] === 'Papers' && r[1] === String(full.papers.length)));
    const annualSection = region(page).locator('[data-section="annual"]');
    const annual = await download(page, () => annualSection.getByRole('button', { name: 'CSV' }).click());
    assert.match(annual.name, /annual-production\.csv$/);
    assert.deepEqual(parseCsv(annual.text), [['year', 'papers'], ...[...yearCounts].sort((a, b) => a[0] - b[0]).map(([y, n]) => [String(y), String(n)])]);
  });

  test('Escape closes it, the selection stays, focus returns to the button', async () => {
    await region(page).getByRole('button', { name: 'Close indicators' }).focus();
    await page.keyboard.press('Escape');
    await region(page).waitFor({ state: 'detached' });
    assert.match(page.url(), /author=liang(%20|\+)luo/);
    const heading = page.getByRole('complementary', { name: 'Details' }).getByRole('heading').first();
    assert.equal(await heading.textContent(), 'Liang Luo');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Indicators');
    assert.deepEqual(errors.map(String), []);
  });

  test('the profile as shown: every list is cut, so the counts are said to be lower bounds', async () => {
    const { page: p, errors: errs } = await openApp(browser, '?dataset=shown');
    await p.getByRole('button', { name: 'Indicators', exact: true }).click();
    const cut = shown.papers.filter((x) => x.truncated).length;
    const note = `${cut} of ${shown.papers.length} papers have cut author lists (“et al.”): author counts are lower bounds.`;
    assert.equal(await region(p).getByRole('note').textContent(), note);
    // The owner counts on every paper, listed or not.
    const owned = shown.papers.reduce((s, x) => s + new Set([...x.authors.map((a) => alias.get(a.name) ?? a.name), shown.owner]).size, 0);
    assert.equal(await value(p, 'authorships'), String(owned));
    // A cut list is never single-authored.
    assert.equal(await value(p, 'singleAuthoredShare'), '0%');
    assert.deepEqual(errs.map(String), []);
    await p.close();
  });

  test('countries from an imported OpenAlex file (institution country codes)', async () => {
    const { page: p, errors: errs } = await openApp(browser);
    await p.getByRole('button', { name: 'Import', exact: true }).click();
    await p.getByLabel('Import papers').setInputFiles(openalexFixture);
    await p.getByRole('region', { name: 'Import report' }).waitFor({ timeout: 60_000 });
    await p.keyboard.press('Escape');
    await waitForGraph(p);
    await p.getByRole('button', { name: 'Indicators', exact: true }).click();
    // The fixture’s one kept work: two authors, one at an institution with country_code "US" (shown by its name).
    const table = region(p).getByRole('table', { name: 'Countries' });
    // The view loads when first opened (a chunk of its own): wait for its rows.
    await table.locator('tbody tr').first().waitFor();
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    assert.deepEqual(rows, [['United States', '1', '1.00', '1', '0', '0.00']]);
    assert.deepEqual(errs.map(String), []);
    await p.close();
  });
});
