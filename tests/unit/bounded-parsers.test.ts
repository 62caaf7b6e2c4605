// Hostile values every parser must bound (issue #14): years, links, report text, CSV quoting and keys, BOMs in RIS.
// The cost half (stack depth, quadratic scans) is in bounded-parsers-cost.test.ts.
import { describe, expect, it } from 'vitest';
import { parseAclXml } from '../../src/import/acl';
import { parseBibtex } from '../../src/import/bibtex';
import { parseYear, plausibleYear, webUrl, YEAR_RANGE } from '../../src/import/common';
import { parseCsv } from '../../src/import/csv';
import { parseCslJson, parseOpenAlex } from '../../src/import/json';
import { parseProfileText } from '../../src/import/profileText';
import { parseRis } from '../../src/import/ris';
import type { ParseResult } from '../../src/import/types';
import { expectBounded } from './bounded-parsers-report';

/** 1-based line of the first `needle` in `text`, counted here. */
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
const byTitle = (r: ParseResult, title: string) => r.papers.find((p) => p.title === title);

describe('years outside 1000–2200', () => {
  it('plausibleYear and parseYear take whole years in the range only', () => {
    expect(YEAR_RANGE).toEqual({ min: 1000, max: 2200 });
    expect([999, 1000, 2019, 2200, 2201, 2019.5, 1e308, Infinity, NaN, '2019'].map(plausibleYear)).toEqual([
      undefined,
      1000,
      2019,
      2200,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    const dropped: string[] = [];
    const years = [1e308, 2e7, '9999', 'May 0999', '20000000', 'in press', '2019-05-03', 1843].map((v) => parseYear(v, (w) => dropped.push(w)));
    expect(years).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, 2019, 1843]);
    expect(dropped).toEqual(['1e+308', '20000000', '9999', '0999', '20000000']);
  });

  it('OpenAlex publication_year 1e308: the work is kept without a year, with a warning naming it', () => {
    const r = parseOpenAlex(
      JSON.stringify([
        { id: 'https://openalex.org/W1', title: 'Huge year', publication_year: 1e308, publication_date: '2020-01-01' },
        { id: 'https://openalex.org/W2', title: 'Fine year', publication_year: 2021 },
      ]),
    );
    expect(r.papers.map((p) => [p.id, p.year, p.date])).toEqual([
      ['W1', undefined, undefined],
      ['W2', 2021, '2021'],
    ]);
    expect(r.report.warnings).toEqual([{ index: 0, message: expect.stringMatching(/^OpenAlex W1: year "1e\+308" is outside 1000–2200/) }]);
    expect(r.report.noYear).toEqual(['W1']);
  });

  it('CSL-JSON issued 2e7 (and a year 0): dropped, the items kept', () => {
    const r = parseCslJson(
      JSON.stringify([
        { id: 'a', title: 'Far future', issued: { 'date-parts': [[2e7, 1, 1]] } },
        { id: 'b', title: 'Normal', issued: { 'date-parts': [[2019, 5]] } },
        { id: 'c', title: 'Raw year', issued: { raw: '0999' } },
      ]),
    );
    expect(r.papers.map((p) => [p.id, p.year, p.date])).toEqual([
      ['a', undefined, undefined],
      ['b', 2019, '2019-05'],
      ['c', undefined, undefined],
    ]);
    expect(r.report.warnings).toEqual([
      { index: 0, message: expect.stringContaining('CSL-JSON item 1: year "20000000" is outside') },
      { index: 2, message: expect.stringContaining('CSL-JSON item 3: year "0999" is outside') },
    ]);
  });

  it('BibTeX, RIS, CSV, ACL XML and profile text: the same rule, with the record and its line', () => {
    const bib = '@article{far,\n  title = {Far},\n  author = {Doe, Jane},\n  year = {9999}\n}\n@article{ok,\n  title = {Ok},\n  year = {2001}\n}\n';
    const b = parseBibtex(bib);
    expect(b.papers.map((p) => [p.id, p.year])).toEqual([
      ['far', undefined],
      ['ok', 2001],
    ]);
    expect(b.report.warnings).toEqual([
      { index: 0, line: 1, message: expect.stringContaining('@article{far}: year "9999"') },
      { index: 1, line: lineOf(bib, '@article{ok'), message: '@article{ok} has no authors' },
    ]);

    const ris = 'TY  - JOUR\nTI  - Old\nPY  - 0999\nER  - \nTY  - JOUR\nTI  - New\nPY  - 2020///\nER  - \n';
    const rr = parseRis(ris);
    expect(rr.papers.map((p) => [p.title, p.year])).toEqual([
      ['Old', undefined],
      ['New', 2020],
    ]);
    expect(rr.report.warnings).toEqual([{ index: 0, line: 1, message: expect.stringContaining('RIS record 1: year "0999"') }]);

    const csv = 'Title,Year\nA,1e308\nB,2018\n';
    const c = parseCsv(csv);
    expect(c.papers.map((p) => [p.title, p.year])).toEqual([
      ['A', undefined],
      ['B', 2018],
    ]);
    expect(c.report.warnings).toEqual([{ index: 0, line: 2, message: expect.stringContaining('row 1: year "1e308"') }]);

    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<collection id="P18">\n<volume id="1"><meta><year>9999</year></meta>\n' +
      '<paper id="1"><title>In a bad volume</title></paper>\n</volume>\n<volume id="2"><meta><year>2018</year></meta>\n' +
      '<paper id="1"><title>In a good volume</title></paper>\n</volume>\n</collection>\n';
    const a = parseAclXml(xml, { fileName: 'P18.xml' });
    expect(a.papers.map((p) => [p.title, p.year])).toEqual([
      ['In a bad volume', undefined],
      ['In a good volume', 2018],
    ]);
    expect(a.report.warnings).toEqual([{ index: 0, line: 4, message: expect.stringContaining('year "9999" is outside') }]);

    const profile = 'Jane Doe\nLG\nJan 1, 9999\nFuture paper\nJane Doe\n\nLG\nJan 1, 2020\nPast paper\nJane Doe\n';
    const pt = parseProfileText(profile);
    expect(pt.papers.map((p) => [p.title, p.year])).toEqual([
      ['Future paper', undefined],
      ['Past paper', 2020],
    ]);
    expect(pt.report.warnings).toEqual([{ index: 0, line: 3, message: expect.stringContaining('year "9999"') }]);
  });
});

describe('links other than http(s)', () => {
  const bad = ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', '/relative', 'https://user:pw@example.org/'];
  it('webUrl keeps http(s) addresses as written and drops the rest', () => {
    expect(webUrl(' https://example.org/a?b=1 ')).toBe('https://example.org/a?b=1');
    expect(webUrl('HTTP://Example.org')).toBe('HTTP://Example.org');
    const dropped: string[] = [];
    expect(bad.map((u) => webUrl(u, (w) => dropped.push(w)))).toEqual(bad.map(() => undefined));
    expect(dropped).toEqual(bad);
  });

  it('every parser drops them with a warning and keeps the paper', () => {
    const bib = parseBibtex('@misc{j,\n  title = {J},\n  author = {A, B},\n  url = {javascript:alert(1)}\n}\n');
    const ris = parseRis('TY  - JOUR\nTI  - J\nUR  - data:text/html,hi\nER  - \n');
    const csl = parseCslJson(
      JSON.stringify([
        { title: 'J', URL: 'javascript:alert(1)' },
        { title: 'K', URL: 'https://example.org/k' },
      ]),
    );
    const oa = parseOpenAlex(JSON.stringify([{ id: 'https://openalex.org/W9', title: 'J', primary_location: { landing_page_url: 'javascript:x' } }]));
    const csv = parseCsv('Title,URL\nJ,javascript:alert(1)\nK,https://example.org/k\n');
    for (const r of [bib, ris, csl, oa, csv]) {
      expect(byTitle(r, 'J')).toBeDefined();
      expect(byTitle(r, 'J')?.url).toBeUndefined();
      expect(r.report.warnings.filter((w) => /is not an http\(s\) address/.test(w.message))).toHaveLength(1);
    }
    expect(byTitle(csl, 'K')?.url).toBe('https://example.org/k');
    expect(byTitle(csv, 'K')?.url).toBe('https://example.org/k');
  });
});

describe('report text stays short', () => {
  it('a 200 KB header line gives a fatal reason of at most 300 characters', () => {
    const r = parseCsv(`${Array.from({ length: 20_000 }, (_, i) => `column${i}`).join(',')}\n1,2\n`);
    expect(r.report.fatal).toMatch(/^No title column found among: column0, column1/);
    expectBounded(r.report);
  });
  it('a skipped RIS record of 200 KB has a short excerpt', () => {
    const r = parseRis(`TY  - JOUR\nAB  - ${'word '.repeat(40_000)}\nER  - \nTY  - JOUR\nTI  - Kept\nER  - \n`);
    expect(r.papers.map((p) => p.title)).toEqual(['Kept']);
    expect(r.report.skipped).toHaveLength(1);
    expectBounded(r.report);
  });
});

describe('CSV keys and quotes', () => {
  it('a column named __proto__ can be the title column', () => {
    const r = parseCsv('__proto__,constructor,Authors\nFirst,x,Doe; Roe\nSecond,y,Poe\n', {
      csvMapping: { title: '__proto__', authors: 'Authors', authorSeparator: ';', venue: 'constructor' },
    });
    expect(r.papers.map((p) => [p.title, p.venue, p.authors.map((a) => a.name)])).toEqual([
      ['First', 'x', ['Doe', 'Roe']],
      ['Second', 'y', ['Poe']],
    ]);
  });

  it('an unclosed quote that runs on to a later quoted field: its row is skipped with its line, every other row kept', () => {
    const rows = ['Title,Authors', 'Before,A', '"Multi', 'line",B', 'Broken,"never closed', 'After one,C', 'After two,"D; E"', '', 'After three,F'];
    const text = `${rows.join('\n')}\n`;
    const r = parseCsv(text);
    expect(r.papers.map((p) => p.title)).toEqual(['Before', 'Multi line', 'After one', 'After two', 'After three']);
    expect(r.report.read).toBe(6);
    expect(r.report.skipped).toEqual([expect.objectContaining({ index: 2, line: lineOf(text, 'Broken'), reason: expect.stringMatching(/unclosed quote/) })]);
    expect(r.papers.find((p) => p.title === 'After two')?.authors.map((a) => a.name)).toEqual(['D', 'E']);
    expect(r.report.warnings).toEqual([]);
    expectBounded(r.report);
  });

  it('a quote that never closes: the rows after it are read with quoting off, with their lines', () => {
    const rows = ['Title,Authors,Year', 'Before,A,2001', 'Broken,"never closed,2002', 'After one,C,2003', 'After two,D', 'After three,E,2005'];
    const text = `${rows.join('\n')}\n`;
    const r = parseCsv(text);
    expect(r.papers.map((p) => [p.title, p.year])).toEqual([
      ['Before', 2001],
      ['After one', 2003],
      ['After two', undefined],
      ['After three', 2005],
    ]);
    expect(r.report.skipped).toEqual([expect.objectContaining({ index: 1, line: 3, reason: 'unclosed quote (") on line 3: the row is not read' })]);
    expect(r.report.warnings).toEqual([{ index: 3, line: lineOf(text, 'After two'), message: 'Too few fields: expected 3 fields but parsed 2' }]);
  });

  it('CRLF lines and an unclosed quote on the last row', () => {
    const r = parseCsv('Title,Authors\r\nOne,A\r\nTwo,"B\r\n');
    expect(r.papers.map((p) => p.title)).toEqual(['One']);
    expect(r.report.skipped).toEqual([expect.objectContaining({ index: 1, line: 3 })]);
  });
});

describe('RIS: a BOM at a line start', () => {
  it('two RIS files joined, the second starting with U+FEFF: both records are read', () => {
    const one = '\uFEFFTY  - JOUR\nTI  - First file\nAU  - Doe, Jane\nER  - \n';
    const two = '\uFEFFTY  - JOUR\nTI  - Second file\nAU  - Roe, Rich\nER  - \n';
    const r = parseRis(one + two);
    expect(r.papers.map((p) => [p.title, p.authors[0].name])).toEqual([
      ['First file', 'Jane Doe'],
      ['Second file', 'Rich Roe'],
    ]);
    expect(r.report.warnings).toEqual([]);
  });
});
