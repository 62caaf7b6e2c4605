// Inputs that made a parser overflow the stack or take super-linear time (issue #14): each one now returns, keeps the
// good records and gives a report of bounded size. Sizes and counts are asserted, never times; on the old code these
// inputs threw "Maximum call stack size exceeded" or ran for many seconds (past the test timeout at these sizes).
import { describe, expect, it } from 'vitest';
import { parseAclXml } from '../../src/import/acl';
import { BIBTEX_LIMITS, parseBibtex } from '../../src/import/bibtex';
import { cleanArxiv, cleanDoi, isEtAl } from '../../src/import/common';
import { parseCsv } from '../../src/import/csv';
import { INVERTED_LIMITS, invertedToText, jsonExcerpt, parseCslJson, parseOpenAlex } from '../../src/import/json';
import { parseRis } from '../../src/import/ris';
import { expectBounded } from './bounded-parsers-report';

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
const N = 100_000;

describe('stack depth', () => {
  it('a BibTeX record of 150,000 @ between good ones: that record is skipped with its line, the others kept', () => {
    const text =
      '@article{first,\n  title = {First},\n  author = {Doe, Jane}\n}\n' +
      `@misc{bad,\n  title = {${'@'.repeat(150_000)}}\n}\n` +
      '@article{last,\n  title = {Last},\n  author = {Roe, Rich}\n}\n';
    const r = parseBibtex(text);
    expect(r.report.fatal).toBeUndefined();
    expect(r.papers.map((p) => p.id)).toEqual(['first', 'last']);
    expect(r.report.skipped).toEqual([expect.objectContaining({ line: lineOf(text, '@misc{bad'), reason: expect.stringContaining('@misc{bad}') })]);
    expect(r.report.read).toBe(3);
    expectBounded(r.report);
  });

  it('a BibTeX field nested 10,000 braces deep (the library recurses): that record alone is skipped with its line', () => {
    const text =
      '@article{a, title = {A}, author = {X, Y}}\n' +
      `@article{deep, title = {${'{'.repeat(10_000)}x${'}'.repeat(10_000)}}}\n@article{b, title = {B}, author = {Z, W}}\n`;
    const r = parseBibtex(text);
    expect(r.report.fatal).toBeUndefined();
    expect(r.papers.map((p) => p.id)).toEqual(['a', 'b']);
    expect(r.report.skipped.map((s) => s.line)).toEqual([lineOf(text, '@article{deep')]);
    expectBounded(r.report);
  });

  it('braces nested past the depth limit: that record is skipped with its line and why; nesting under it is read', () => {
    const deep = BIBTEX_LIMITS.maxBraceDepth + 1;
    const text =
      `@article{ok, title = {${'{'.repeat(20)}Nested${'}'.repeat(20)}}, author = {X, Y}}\n` +
      `@article{deep, title = {${'{'.repeat(deep)}x${'}'.repeat(deep)}}, author = {Z, W}}\n@article{b, title = {B}, author = {Z, W}}\n`;
    const r = parseBibtex(text);
    expect(r.papers.map((p) => [p.id, p.title])).toEqual([
      ['ok', 'Nested'],
      ['b', 'B'],
    ]);
    expect(r.report.skipped).toEqual([
      expect.objectContaining({
        line: lineOf(text, '@article{deep'),
        reason: expect.stringContaining(`nests braces more than ${BIBTEX_LIMITS.maxBraceDepth} deep`),
      }),
    ]);
    expectBounded(r.report);
  });

  it('braces past the depth limit in text after a record (not in it): the record is read', () => {
    const text = `@article{ok, title = {Kept}, author = {X, Y}}\n${'{'.repeat(BIBTEX_LIMITS.maxBraceDepth * 3)} trailing garbage\n`;
    const r = parseBibtex(text);
    expect(r.papers.map((p) => p.id)).toEqual(['ok']);
    expect(r.report.skipped).toEqual([]);
  });

  it('a line of 30,000 bare @ after a record on the same chunk: the record is kept, the @ run is one warning', () => {
    const text = `@article{kept, title = {Kept}, author = {Doe, Jane}}\n${'@x'.repeat(30_000)}\n@article{next, title = {Next}}\n`;
    const r = parseBibtex(text);
    expect(r.papers.map((p) => p.id)).toEqual(['kept', 'next']);
    expect(r.report.skipped).toEqual([]);
    expect(r.report.warnings.filter((w) => w.message.includes(`more than ${BIBTEX_LIMITS.maxAtSigns} "@"`))).toHaveLength(1);
  });

  it('a CSL-JSON record nested 10,000 deep: skipped (index 1) with a short excerpt, the others kept', () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const nestedObj = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const text = `[{"title":"Good one","author":[{"family":"Doe"}]},{"title":${deep}},${deep},{"title":${nestedObj}},{"title":"Good two"}]`;
    const r = parseCslJson(text);
    expect(r.report.fatal).toBeUndefined();
    expect(r.papers.map((p) => p.title)).toEqual(['Good one', 'Good two']);
    expect(r.report.skipped.map((s) => [s.index, s.reason])).toEqual([
      [1, 'CSL item has no title'],
      [2, 'record is not an object'],
      [3, 'CSL item has no title'],
    ]);
    expect(r.report.skipped[0].excerpt?.startsWith('{"title":[[[[')).toBe(true);
    expectBounded(r.report);
  });

  it('jsonExcerpt writes a deep value without recursion and stops at its budget', () => {
    let deep: unknown = 'core';
    for (let i = 0; i < 200_000; i++) deep = { k: deep };
    const e = jsonExcerpt(deep, 50);
    expect(e).toBe(`${'{"k":'.repeat(10)}…`);
    expect(jsonExcerpt({ a: [1, 'two', null, true], b: { c: 3 } })).toBe(JSON.stringify({ a: [1, 'two', null, true], b: { c: 3 } }));
  });
});

describe('OpenAlex abstract_inverted_index', () => {
  it('position 4294967294 in a 60-byte record: returns at once; positions past the cap are left out', () => {
    const rec = '[{"title":"T","abstract_inverted_index":{"Hi":[0],"there":[4294967294]}}]';
    expect(rec.length).toBeLessThan(80);
    const r = parseOpenAlex(rec);
    expect(r.papers[0].abstract).toBe('Hi');
  });

  it('words in position order, a repeated position keeps its last word, the word count is capped', () => {
    expect(invertedToText({ world: [1, 3], Hello: [0], again: [2], x: [1.5, -1, 'a'] })).toBe('Hello world again world');
    expect(invertedToText({ first: [0], second: [0], third: [1] })).toBe('second third');
    const many: Record<string, number[]> = {};
    for (let i = 0; i < INVERTED_LIMITS.maxWords + 1000; i++) many[`w${i}`] = [i];
    expect(invertedToText(many)?.split(' ')).toHaveLength(INVERTED_LIMITS.maxWords);
  });
});

describe('linear scans', () => {
  it('cleanDoi: a DOI followed by 200,000 dots (then text, or at the end)', () => {
    const dots = '.'.repeat(200_000);
    expect(cleanDoi(`10.1234/abc${dots}`)).toBe('10.1234/abc');
    expect(cleanDoi(`10.1234/abc${dots}x`)).toHaveLength(200_000 + 12);
    expect(cleanDoi(`10.1234/abc${';,.'.repeat(50_000)}`)).toBe('10.1234/abc');
    const r = parseRis(`TY  - JOUR\nTI  - Dotty\nDO  - 10.1234/abc${dots}\nER  - \n`);
    expect(r.papers[0].doi).toBe('10.1234/abc');
  });

  it('one RIS record with 50,000 AU lines keeps all 50,000 authors', () => {
    const text = `TY  - JOUR\nTI  - Many authors\n${Array.from({ length: 50_000 }, (_, i) => `AU  - Last${i}, First`).join('\n')}\nER  - \n`;
    const r = parseRis(text);
    expect(r.papers[0].authors).toHaveLength(50_000);
    expect(r.papers[0].authors[49_999].name).toBe('First Last49999');
  });

  it('RIS: 5,000 authors and 4,999 AD lines are not multiplied into 25 million affiliations', () => {
    const au = Array.from({ length: 5000 }, (_, i) => `AU  - A${i}, B`).join('\n');
    const ad = Array.from({ length: 4999 }, (_, i) => `AD  - Place ${i}`).join('\n');
    const r = parseRis(`TY  - JOUR\nTI  - Lopsided\n${au}\n${ad}\nER  - \n`);
    expect(r.papers[0].authors).toHaveLength(5000);
    expect(r.papers[0].authors.reduce((n, a) => n + (a.affiliations?.length ?? 0), 0)).toBe(0);
    expect(r.report.warnings).toEqual([{ index: 0, line: 1, message: '4999 AD lines for 5000 authors: not assigned' }]);
  });

  it('an ACL paper with 100,000 attributes is read (fast scanner), and one with repeated ones (saxes) keeps its papers', () => {
    const wrap = (attrs: string) =>
      '<?xml version="1.0" encoding="UTF-8"?>\n<collection id="P18"><volume id="1"><meta><year>2018</year></meta>' +
      `<paper id="1"${attrs}><title>Wide</title><author><first>A</first><last>B</last></author></paper>` +
      '<paper id="2"><title>Plain</title></paper></volume></collection>\n';
    const distinct = parseAclXml(wrap(Array.from({ length: N }, (_, i) => ` a${i}="x"`).join('')));
    expect(distinct.papers.map((p) => p.title)).toEqual(['Wide', 'Plain']);
    expect(distinct.report.warnings).toEqual([]);
    const repeated = parseAclXml(wrap(Array.from({ length: N }, (_, i) => ` a${i % 2 ? i : 0}="x"`).join('')));
    expect(repeated.papers.map((p) => p.title)).toEqual(['Wide', 'Plain']);
    // One line per error up to 50, then one line counting the rest: N / 2 - 1 repeats of a0.
    expect(repeated.report.warnings).toHaveLength(51);
    expect(repeated.report.warnings[50].message).toBe(`XML: ${N / 2 - 1 - 50} more XML errors not listed`);
  });

  it('ARXIV_OLD on 100,000 letters, and an old-style id after a long run', () => {
    const letters = 'a'.repeat(N);
    expect(cleanArxiv(letters)).toBeUndefined();
    expect(cleanArxiv(`${letters} hep-th/9901001v2`)).toBe('hep-th/9901001');
    expect(cleanArxiv(`${'a-'.repeat(N / 2)}/123`)).toBeUndefined();
    expect(cleanArxiv('arXiv:math.GT/0309136')).toBe('math.GT/0309136');
  });

  it('et al. checks on 100,000 spaces', () => {
    const spaces = ' '.repeat(N);
    expect(isEtAl(`${spaces}et al.${spaces}`)).toBe(true);
    expect(isEtAl(`${spaces}et al${spaces}x`)).toBe(false);
    const csv = parseCsv(`Title,Authors\nT,"Doe${spaces}; et al.${spaces}"\n`);
    expect(csv.papers[0]).toMatchObject({ truncated: true, authors: [{ name: 'Doe' }] });
  });

  it('the " and " author separator on 100,000 spaces followed by "andx"', () => {
    const spaces = ' '.repeat(N);
    const mapping = { title: 'Title', authors: 'Authors', authorSeparator: ' and ' };
    // Without a mapping the separator is guessed from the raw cells (not yet collapsed).
    const guessed = parseCsv(`Title,Authors\nT,"Doe${spaces}andx"\n`);
    expect(guessed.papers[0].authors.map((a) => a.name)).toEqual(['Doe andx']);
    const one = parseCsv(`Title,Authors\nT,"Doe${spaces}andx"\n`, { csvMapping: mapping });
    expect(one.papers[0].authors.map((a) => a.name)).toEqual(['Doe andx']);
    const two = parseCsv(`Title,Authors\nT,"Doe${spaces}and${spaces}Roe and and Poe"\n`, { csvMapping: mapping });
    // As String.split(/\s+and\s+/) reads it: the second "and" has no white space of its own before it.
    expect(two.papers[0].authors.map((a) => a.name)).toEqual(['Doe', 'Roe', 'and Poe']);
    expect(parseCsv(`Title,Authors\nT,"A${spaces}and${spaces}B"\n`).papers[0].authors.map((a) => a.name)).toEqual(['A', 'B']);
  });
});
