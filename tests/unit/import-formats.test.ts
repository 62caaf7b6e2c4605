import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, guessCsvMapping, parseInput, readCsvTable } from '../../src/import';
import { parseBibtex } from '../../src/import/bibtex';
import { combineResults } from '../../src/import/combine';

const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, '../fixtures/import', name), 'utf8');
/** What the import does with one file: parsers never merge duplicates, combineResults does. */
const imported = (r: ReturnType<typeof parseInput>, fileName = 'file') => combineResults([{ fileName, result: r }]);
const names = (r: ReturnType<typeof parseInput>, id: string) => r.papers.find((p) => p.id === id)?.authors.map((a) => a.name);

describe('detectFormat', () => {
  it('detects each fixture from content, BOM included', () => {
    expect(detectFormat(fixture('sample.bib'))).toBe('bibtex');
    expect(detectFormat(fixture('sample.ris'))).toBe('ris');
    expect(detectFormat(fixture('csl.json'))).toBe('csl-json');
    expect(detectFormat(fixture('openalex.json'))).toBe('openalex');
    expect(detectFormat(fixture('sample.csv'))).toBe('csv');
    expect(detectFormat(fixture('sample.tsv'))).toBe('csv');
    expect(detectFormat('<?xml version="1.0"?>\n<collection id="P18"><volume id="1"></volume></collection>')).toBe('acl-xml');
    expect(detectFormat('Jane Doe\nLG\n\nAI\nJul 31, 2024\nA title\nA B et al.\n')).toBe('profile-text');
  });
  it('uses the file name only as a hint', () => {
    expect(detectFormat('some words', 'refs.bib')).toBe('bibtex');
    expect(detectFormat('some words')).toBeNull();
    expect(detectFormat(fixture('sample.ris'), 'wrongname.csv')).toBe('ris');
  });
});

describe('BibTeX', () => {
  const text = fixture('sample.bib');
  const r = parseInput(text);

  it('fixture really has BOM and Windows line ends', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.includes('\r\n')).toBe(true);
  });
  it('counts every entry head as read, skips broken ones with line numbers', () => {
    const heads = (text.match(/^@(article|inproceedings|misc)\{/gim) ?? []).length;
    expect(r.report.read).toBe(heads);
    expect(r.report.skipped.map((s) => s.line)).toEqual([
      text.split(/\r\n/).findIndex((l) => l.startsWith('@article{broken1')) + 1,
      text.split(/\r\n/).findIndex((l) => l.startsWith('@article{notitle')) + 1,
    ]);
    expect(r.report.imported).toBe(heads - 2);
    expect(imported(r).files[0].report.imported).toBe(heads - 2 - 1);
  });
  it('decodes LaTeX accents and Last, First names', () => {
    expect(names(r, 'martin2020')).toEqual(['Roberto Martín-Martín', 'José Gömez', 'Jürgen Müller']);
    expect(r.papers[0].title).toBe('A Nested Brace Deep Title about Čech and Straße');
  });
  it('"and others" marks the list truncated; @string macro and crossref year resolve', () => {
    const p = r.papers.find((x) => x.id === 'smith2019');
    expect(p?.truncated).toBe(true);
    expect(p?.authors).toHaveLength(2);
    expect(p?.venue).toBe('Proceedings of the Association for Computational Linguistics 2019');
    expect(p?.year).toBe(2019);
    expect(r.report.truncated).toEqual(['smith2019']);
  });
  it('keeps arXiv eprint without version, drops empty fields, merges a DOI duplicate', () => {
    expect(r.papers.find((x) => x.id === 'arxivpaper')?.arxiv).toBe('2403.00877');
    expect(r.papers[0].abstract).toBeUndefined();
    const c = imported(r, 'sample.bib');
    // The second record with that DOI (written as a URL, upper case) is the one merged.
    const line = text.split(/\r\n/).findIndex((l) => l.startsWith('@article{dupdoi,')) + 1;
    expect(c.merged).toEqual([expect.objectContaining({ keptId: 'martin2020', droppedFile: 'sample.bib', droppedIndex: 5, droppedLine: line, by: 'doi' })]);
    expect(r.papers.filter((p) => p.doi?.toLowerCase() === '10.1016/j.joi.2020.101')).toHaveLength(2);
    expect(c.papers.filter((p) => p.doi?.toLowerCase() === '10.1016/j.joi.2020.101')).toHaveLength(1);
  });
  it('reads 5,000 authors on one paper', () => {
    const authors = Array.from({ length: 5000 }, (_, i) => `Last${i}, First${i}`);
    const big = `@article{big,\n author = {${authors.join(' and ')}},\n title = {Big}, year = 2020}\n`;
    const res = parseBibtex(big);
    expect(res.papers[0].authors).toHaveLength(big.split(' and ').length);
    expect(res.papers[0].authors[4999].name).toBe('First4999 Last4999');
  });
});

describe('RIS', () => {
  const text = fixture('sample.ris');
  const r = parseInput(text);
  it('reads every TY record; skips the one without title', () => {
    expect(r.report.read).toBe((text.match(/^TY {2}- /gm) ?? []).length);
    expect(r.report.skipped).toHaveLength(1);
    expect(r.report.skipped[0].line).toBe(text.split('\n').findIndex((l) => l.includes('Broken, Record')));
  });
  it('maps tags: authors, AD affiliations, continuation lines, dates, venue, DOI, et al.', () => {
    const p = r.papers[0];
    expect(p.authors.map((a) => a.name)).toEqual(['Roberto Martín-Martín', 'Emilio Delgado López-Cózar']);
    expect(p.authors[1].affiliations).toEqual(['University of Granada, Spain']);
    expect(p.title).toBe("Google Scholar, Microsoft Academic, Scopus, Dimensions, Web of Science, and OpenCitations' COCI");
    expect(p).toMatchObject({ date: '2021-01-15', year: 2021, venue: 'Scientometrics', doi: '10.1007/s11192-020-03690-4' });
    expect(r.papers[1]).toMatchObject({ truncated: true, year: 2018, venue: 'Proc. of Something' });
    expect(r.report.warnings.some((w) => /no ER line/.test(w.message))).toBe(true);
  });
});

describe('CSL-JSON', () => {
  const r = parseInput(fixture('csl.json'));
  it('reads names, dates, venue, DOI and skips bad items', () => {
    expect(r.report.read).toBe(JSON.parse(fixture('csl.json')).length);
    expect(r.report.skipped.map((s) => s.index)).toEqual([2, 3]);
    expect(r.papers[0].authors.map((a) => a.name)).toEqual(['Dheevatsa Mudigere', 'Yuchen Hao', 'Meta AI Research Team', 'Jörg von Müller']);
    expect(r.papers[0]).toMatchObject({ date: '2022-06-18', year: 2022, venue: 'Proceedings of ISCA', doi: '10.1145/3470496.3533727' });
    expect(r.papers[1]).toMatchObject({ year: 2019, date: '2019' });
    expect(r.report.noAuthors).toEqual(['item5']);
    expect(r.report.noYear).toEqual(['item5']);
    expect(r.papers[2].arxiv).toBe('2104.05158');
  });
  it('an unreadable file gives a fatal report, not an exception', () => {
    const bad = parseInput('[{"title": "x"', 'csl-json');
    expect(bad.papers).toEqual([]);
    expect(bad.report.fatal).toMatch(/JSON/);
  });
});

describe('OpenAlex', () => {
  const r = parseInput(fixture('openalex.json'));
  it('reads authorships, institutions, truncation and the abstract index', () => {
    const p = r.papers[0];
    expect(p.id).toBe('W4385245566');
    expect(p.authors).toEqual([
      { name: 'Abhimanyu Dubey', affiliations: ['Meta (United States)'], externalId: 'A5001', countries: ['US'] },
      { name: 'Abhinav Jauhri', affiliations: ['Llama Team, AI @ Meta'], externalId: 'A5002' },
    ]);
    expect(p).toMatchObject({ truncated: true, year: 2024, date: '2024-07-31', venue: 'arXiv (Cornell University)', arxiv: '2407.21783' });
    expect(p.abstract).toBe('Modern artificial intelligence systems are powered by foundation models.');
  });
  it('skips the untitled work and merges the arXiv duplicate without losing authors', () => {
    expect(r.report.read).toBe(3);
    expect(r.report.skipped.map((s) => s.index)).toEqual([1]);
    const c = imported(r);
    expect(c.merged).toEqual([expect.objectContaining({ keptId: 'W4385245566', droppedIndex: 2, by: 'arxiv' })]);
    expect(c.papers[0].authors).toHaveLength(2);
  });
});

describe('CSV / TSV', () => {
  it('guesses the mapping and the author separator', () => {
    const table = readCsvTable(fixture('sample.csv'));
    const m = guessCsvMapping(table.headers, table.rows);
    expect(m).toMatchObject({
      title: 'Title',
      authors: 'Authors',
      year: 'Year',
      venue: 'Source title',
      doi: 'DOI',
      affiliations: 'Affiliations',
      authorSeparator: ';',
    });
  });
  it('parses rows, skips the untitled one, merges the DOI duplicate', () => {
    const text = fixture('sample.csv');
    const r = parseInput(text, undefined, { fileName: 'sample.csv' });
    expect(r.report.read).toBe(text.trim().split(/\r\n/).length - 1);
    expect(r.report.skipped).toEqual([expect.objectContaining({ index: 1, line: 3 })]);
    expect(r.papers[0].authors).toEqual([
      { name: 'Smith, John', affiliations: ['MIT'] },
      { name: 'Lopez, Ana', affiliations: ['Stanford'] },
    ]);
    const c = imported(r, 'sample.csv');
    expect(c.merged).toEqual([expect.objectContaining({ keptId: r.papers[0].id, droppedIndex: 3, droppedLine: 5, by: 'doi' })]);
    expect(c.files[0].report.noYear).toEqual([r.papers[1].id]);
  });
  it('uses a given mapping (TSV, " and " separator)', () => {
    const r = parseInput(fixture('sample.tsv'), 'csv', {
      csvMapping: { title: 'title', authors: 'authors', authorSeparator: ' and ', date: 'publication date', venue: 'venue' },
    });
    expect(r.papers[0]).toMatchObject({ title: 'Tab Paper', date: '1843-10-01', year: 1843, venue: 'Scientific Memoirs' });
    expect(r.papers[0].authors.map((a) => a.name)).toEqual(['Ada Lovelace', 'Charles Babbage']);
  });
});

describe('parseInput', () => {
  it('never throws on garbage; progress is reported', () => {
    const calls: number[] = [];
    for (const fmt of ['bibtex', 'ris', 'csl-json', 'openalex', 'csv', 'acl-xml', 'profile-text'] as const) {
      const r = parseInput('\u0000<<@@{{ not a file', fmt);
      expect(r.papers).toEqual([]);
    }
    parseInput(fixture('sample.ris'), 'ris', { onProgress: (d) => calls.push(d) });
    expect(calls.at(-1)).toBe(4);
    expect(parseInput('', 'bibtex').report.fatal).toBeTruthy();
    expect(parseInput('nothing', null).report.fatal).toMatch(/Unknown/);
  });
});
