// Import: the profile page's own text pasted, many files and their total, a format we do not read, Escape.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openApp, waitForAuthors } from './browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const seedPath = join(root, '../shared/data/seed-profile-page.txt');
const hasSeed = existsSync(seedPath);
if (!hasSeed) console.log(`${seedPath} not found: the pasted profile page test is skipped.`);

// Independent identity rule for these simple names: case, punctuation and spacing folded.
const fold = (name) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The owner (first line) and the authors shown on the page (the lines that end their list with "et al."). */
function pageAuthors(text) {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const shown = lines.filter((l) => / et al\.( · |$)/.test(l)).flatMap((l) => l.split(' et al.')[0].split(', '));
  return { owner: lines[0], keys: new Set([fold(lines[0]), ...shown.map(fold)]) };
}

/** Small BibTeX files written here; what they hold is counted from these records, not by the app. */
const FILES = [
  [
    { key: 'a1', title: 'Alpha', year: 2020, doi: '10.1000/alpha', authors: ['Ann Lee', 'Bo Chen'] },
    { key: 'a2', title: 'Beta', year: 2021, authors: ['Bo Chen', 'Cy Diaz'] },
  ],
  [
    { key: 'b1', title: 'Gamma', year: 2022, authors: ['Dee Evans', 'Ann Lee'] },
    { key: 'b2', year: 2022, authors: ['Xavier Untitled'] },
  ],
  [
    // The same DOI as a1 (case aside): merged across files.
    { key: 'c1', title: 'Alpha again', year: 2020, doi: '10.1000/ALPHA', authors: ['Ann Lee', 'Bo Chen'] },
    { key: 'c2', title: 'Delta', year: 2023, authors: ['Fay Gold'] },
  ],
  [{ key: 'd1', title: 'Epsilon', year: 2019, authors: ['Gus Hill', 'Cy Diaz'] }],
];
const bibtex = (records) =>
  records
    .map(
      (r) =>
        `@article{${r.key},\n  author = {${r.authors.join(' and ')}},\n${r.title ? `  title = {${r.title}},\n` : ''}` +
        `  year = {${r.year}},\n${r.doi ? `  doi = {${r.doi}},\n` : ''}}\n`,
    )
    .join('\n');

function expectedTotals(files) {
  const all = files.flat();
  const titled = all.filter((r) => r.title);
  const dois = new Set();
  let merged = 0;
  const names = new Set();
  for (const r of titled) {
    const doi = r.doi?.toLowerCase();
    if (doi && dois.has(doi)) {
      merged++;
      continue;
    }
    if (doi) dois.add(doi);
    for (const a of r.authors) names.add(a);
  }
  return { files: files.length, read: all.length, imported: titled.length - merged, skipped: all.length - titled.length, merged, authors: names.size };
}

const openImport = (page) => page.getByRole('button', { name: 'Import', exact: true }).click();
const report = (page) => page.getByRole('region', { name: 'Import report' });

describe('Import: pasted page text, many files, unknown formats, Escape', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  const skipSeed = { skip: !hasSeed && '../shared absent' };
  test('the profile page text pasted (format detected) becomes the 12 papers with the owner on all of them', skipSeed, async () => {
    const { page, errors } = await openApp(browser);
    const text = readFileSync(seedPath, 'utf8');
    const { owner, keys } = pageAuthors(text);
    assert.equal(owner, 'Yuchen Hao');
    await openImport(page);
    assert.equal(await page.getByLabel('Format', { exact: true }).inputValue(), '', 'no format chosen: detected from the content');
    await page.getByLabel('Paste papers').fill(text);
    await page.getByRole('button', { name: 'Import pasted text' }).click();
    await report(page).getByText('Saved in this browser.').waitFor({ timeout: 30_000 });
    assert.match(await report(page).textContent(), /Profile page text.*Read12Imported12Skipped0/);
    await waitForAuthors(page, keys.size);
    const graph = await page.evaluate((name) => {
      const g = window.__coauthorAtlas.sigma.getGraph();
      const ownerNode = g.filterNodes((_n, a) => a.kind === 'author' && a.label === name);
      const papers = new Set();
      g.forEachNode((_n, a) => {
        for (const id of a.paperIds ?? []) papers.add(id);
      });
      return { owners: ownerNode.length, ownerPapers: ownerNode.length ? g.getNodeAttribute(ownerNode[0], 'paperIds').length : 0, papers: papers.size };
    }, owner);
    assert.deepEqual(graph, { owners: 1, ownerPapers: 12, papers: 12 });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('many files: a summary of the whole import first, the per-file reports folded under it', async () => {
    const { page, errors } = await openApp(browser);
    const want = expectedTotals(FILES);
    assert.deepEqual(want, { files: 4, read: 7, imported: 5, skipped: 1, merged: 1, authors: 6 });
    await openImport(page);
    const files = FILES.map((records, i) => ({ name: `part-${i + 1}.bib`, mimeType: 'text/plain', buffer: Buffer.from(bibtex(records)) }));
    await page.getByLabel('Import papers').setInputFiles(files);
    await report(page).getByText('Saved in this browser.').waitFor({ timeout: 30_000 });
    const summary = page.getByRole('region', { name: 'Import summary' });
    assert.equal(
      await summary.locator('dl').textContent(),
      `Files${want.files}Papers read${want.read}Imported${want.imported}Skipped${want.skipped}Duplicates merged${want.merged}Authors${want.authors}`,
    );
    // The summary comes before the reports, which are folded (4 files > 3).
    const folded = report(page).locator('details.import-file-reports');
    assert.equal(await folded.evaluate((d) => d.open), false);
    assert.equal(
      await report(page)
        .getByRole('region', { name: /^Report for / })
        .count(),
      0,
    );
    await folded.locator('summary').click();
    await report(page).getByRole('region', { name: 'Report for part-4.bib' }).waitFor();
    assert.equal(
      await report(page)
        .getByRole('region', { name: /^Report for / })
        .count(),
      4,
    );
    assert.equal(
      await report(page)
        .locator('.import-total')
        .evaluate((s) => s === s.parentElement.querySelector('section')),
      true,
    );
    await waitForAuthors(page, want.authors);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a file in no format we read is told the formats we read', async () => {
    const { page } = await openApp(browser);
    await openImport(page);
    const notes = { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Shopping list\nmilk, eggs\nbread\n') };
    await page.getByLabel('Import papers').setInputFiles(notes);
    const review = page.getByRole('region', { name: 'Check the files' });
    await review.waitFor();
    const said = await review.textContent();
    for (const f of ['BibTeX', 'RIS', 'CSL-JSON', 'OpenAlex', 'CSV', 'Web of Science', 'Scopus CSV', 'PubMed/MEDLINE', 'ACL Anthology', 'profile page']) {
      assert.ok(said.includes(f), `${f} is named in: ${said}`);
    }
    assert.doesNotMatch(said, /category/);
    await page.close();
  });

  test('Escape closes the Import dialog and keeps the selection; outside the dialog it still clears it', async () => {
    const { page } = await openApp(browser, '?author=liang%20luo');
    const heading = page.getByRole('complementary', { name: 'Details' }).getByRole('heading').first();
    assert.equal(await heading.textContent(), 'Liang Luo');
    await openImport(page);
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForTimeout(200);
    assert.match(page.url(), /author=liang(%20|\+)luo/);
    assert.equal(await heading.textContent(), 'Liang Luo');
    // With no dialog open, Escape is the page's again.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !new URLSearchParams(location.search).has('author'));
    await page.close();
  });
});
