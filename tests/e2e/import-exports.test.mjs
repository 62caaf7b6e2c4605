// Import of bibliometric exports through the file input: Web of Science (plain text; tab-delimited in UTF-16),
// Scopus CSV and PubMed. What each file holds is read here by small readers of our own, not by the app.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { launch, openApp, waitForAuthors } from './browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = (name) => join(root, 'tests/fixtures/import', name);

const fold = (name) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
/** "Last, First" → "First Last", folded. */
const person = (name) => {
  const [last, ...rest] = name.split(',');
  return fold(rest.length ? `${rest.join(' ')} ${last}` : last);
};

/**
 * Distinct people among author positions `{ name, ids }`: positions sharing an id are one person; a position
 * without ids joins the one id-person of its name, else stays a name-only person.
 */
function distinctPeople(positions) {
  const parent = new Map();
  const find = (x) => {
    while (parent.get(x) !== x) x = parent.get(x);
    return x;
  };
  const union = (a, b) => parent.set(find(a), find(b));
  for (const p of positions) for (const id of p.ids) if (!parent.has(id)) parent.set(id, id);
  for (const p of positions) for (const id of p.ids.slice(1)) union(p.ids[0], id);
  const idPeopleByName = new Map();
  for (const p of positions) {
    if (!p.ids.length) continue;
    const set = idPeopleByName.get(p.name) ?? new Set();
    set.add(find(p.ids[0]));
    idPeopleByName.set(p.name, set);
  }
  const people = new Set();
  for (const p of positions) {
    if (p.ids.length) people.add(`id:${find(p.ids[0])}`);
    else if (idPeopleByName.get(p.name)?.size === 1) people.add(`id:${[...idPeopleByName.get(p.name)][0]}`);
    else people.add(`name:${p.name}`);
  }
  return people.size;
}

/** Web of Science plain text: records up to `ER`, tags in columns 1-2, continuation lines indented by three spaces. */
function wosPlain(text) {
  const records = [];
  let cur = null;
  let tag = '';
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (line.startsWith('ER')) {
      if (cur) records.push(cur);
      cur = null;
      continue;
    }
    if (line.startsWith('PT ')) cur = {};
    if (!cur) continue;
    if (/^[A-Z][A-Z0-9] /.test(line)) tag = line.slice(0, 2);
    else if (!line.startsWith('   ')) continue;
    (cur[tag] ??= []).push(line.slice(3).trim());
  }
  let papers = 0;
  const positions = [];
  for (const r of records) {
    if (!r.TI?.join('').trim()) continue;
    papers++;
    const ids = new Map();
    for (const list of [r.OI, r.RI]) {
      for (const entry of (list ?? []).join(' ').split(';')) {
        const [name, id] = entry.split('/');
        if (id?.trim()) ids.set(person(name), [...(ids.get(person(name)) ?? []), id.trim().toUpperCase()]);
      }
    }
    for (const n of r.AF ?? r.AU ?? []) positions.push({ name: person(n), ids: ids.get(person(n)) ?? [] });
  }
  return { papers, authors: distinctPeople(positions) };
}

/** PubMed: records from `PMID-`, `FAU` (else `AU`) per author, `AUID- ORCID:` after its author. */
function pubmed(text) {
  let papers = 0;
  const positions = [];
  for (const block of text.replace(/^\uFEFF/, '').split(/\r?\n(?=PMID-)/)) {
    const lines = block.split(/\r?\n/);
    if (!/^PMID- *\d+/.test(lines[0]) || !lines.some((l) => /^TI {2}- \S/.test(l))) continue;
    papers++;
    const full = lines.some((l) => l.startsWith('FAU - '));
    for (const l of lines) {
      if (l.startsWith(full ? 'FAU - ' : 'AU  - ')) positions.push({ name: person(l.slice(6)), ids: [] });
      const orcid = l.match(/^AUID- ORCID: .*?(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dX])\s*$/i);
      if (orcid && positions.length) positions[positions.length - 1].ids.push(orcid.slice(1).join('-').toUpperCase());
    }
  }
  return { papers, authors: distinctPeople(positions) };
}

/** Scopus CSV, read with papaparse here: a paper per titled row, a person per Scopus author id. */
function scopusCsv(text) {
  const rows = Papa.parse(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data.filter((r) => r.Title?.trim());
  const ids = rows.map((r) =>
    (r['Author(s) ID'] ?? '')
      .split(';')
      .map((s) => s.trim())
      .filter((s) => /^\d+$/.test(s)),
  );
  return { papers: rows.length, withAuthors: ids.filter((l) => l.length).length, authors: new Set(ids.flat()).size };
}

const graphCounts = (page) =>
  page.evaluate(() => {
    const g = window.__coauthorAtlas.sigma.getGraph();
    const papers = new Set();
    let authors = 0;
    g.forEachNode((_n, a) => {
      if (a.kind !== 'author') return;
      authors++;
      for (const id of a.paperIds ?? []) papers.add(id);
    });
    return { authors, withAuthors: papers.size };
  });

async function importFile(page, file) {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByLabel('Import papers').setInputFiles(file);
  await page.getByRole('region', { name: 'Import report' }).waitFor({ timeout: 60_000 });
}

const CASES = [
  { file: 'wos-plain.txt', format: /\(Web of Science/, expected: () => wosPlain(readFileSync(fixture('wos-plain.txt'), 'utf8')) },
  // The same records as the UTF-8 tab-delimited file, written in UTF-16 LE with a BOM.
  { file: 'wos-tab-utf16.txt', format: /\(Web of Science/, expected: () => wosTab(readFileSync(fixture('wos-tab.txt'), 'utf8')) },
  { file: 'scopus.csv', format: /\(Scopus CSV\)/, expected: () => scopusCsv(readFileSync(fixture('scopus.csv'), 'utf8')) },
  { file: 'pubmed.nbib', format: /\(PubMed \/ MEDLINE\)/, expected: () => pubmed(readFileSync(fixture('pubmed.nbib'), 'utf8')) },
];

/** Web of Science tab-delimited: a header row of tags, one record a row, lists split by "; ". */
function wosTab(text) {
  const [header, ...rows] = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim());
  const cols = header.split('\t');
  const at = (cells, tag) => cells[cols.indexOf(tag)] ?? '';
  let papers = 0;
  const positions = [];
  for (const row of rows) {
    const cells = row.split('\t');
    if (cells[0] === 'PT' || !at(cells, 'TI').trim()) continue;
    papers++;
    const groups = new Set(at(cells, 'CA').split('; ').map(fold).filter(Boolean));
    const ids = new Map();
    for (const entry of `${at(cells, 'OI')};${at(cells, 'RI')}`.split(';')) {
      const [name, id] = entry.split('/');
      if (id?.trim()) ids.set(person(name), [...(ids.get(person(name)) ?? []), id.trim().toUpperCase()]);
    }
    const names = (at(cells, 'AF') || at(cells, 'AU')).split('; ').filter((n) => n.trim() && !groups.has(fold(n)));
    for (const n of names) positions.push({ name: person(n), ids: ids.get(person(n)) ?? [] });
  }
  return { papers, authors: distinctPeople(positions) };
}

describe('Import: bibliometric exports', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  for (const c of CASES) {
    test(`${c.file} through the file input becomes the displayed graph`, async () => {
      const expected = c.expected();
      assert.ok(expected.papers >= 3 && expected.authors >= 5, `the fixture has papers and authors (${JSON.stringify(expected)})`);
      const { page, errors } = await openApp(browser);
      await importFile(page, fixture(c.file));
      const report = page.getByRole('region', { name: 'Import report' });
      await waitForAuthors(page, expected.authors);
      assert.deepEqual(await graphCounts(page), { authors: expected.authors, withAuthors: expected.withAuthors ?? expected.papers });
      assert.match(await report.textContent(), new RegExp(`Imported${expected.papers}`));
      // The file's own report names the format it was read as.
      assert.match(
        await report
          .getByRole('region', { name: `Report for ${c.file}` })
          .getByRole('heading')
          .textContent(),
        c.format,
      );
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
