import { describe, expect, it } from 'vitest';
import { csvCell, edgesCsv, nodesCsv, toCsv } from '../../src/export/csv';
import { escapeBibtex, splitName, toBibtex, toCslJson } from '../../src/export/bibliography';
import type { Paper } from '../../src/model/types';
import { sampleDataset, sampleGraph, sampleView, TRICKY_LABEL } from '../fixtures/graphfile/sample';

/** Minimal RFC 4180 reader for checking our output. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
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

describe('CSV', () => {
  it('quotes per RFC 4180', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(3.5)).toBe('3.5');
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('a,b\r\n1,x\r\n');
  });

  it('neutralises formula injection in text but keeps negative numbers numeric', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-cmd')).toBe("'-cmd");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell(-7.125)).toBe('-7.125');
  });

  it('writes one row per visible node and edge with shared paper titles', () => {
    const graph = sampleGraph();
    const view = sampleView();
    const nodes = parseCsv(nodesCsv(graph, view));
    expect(nodes[0].slice(0, 3)).toEqual(['id', 'label', 'kind']);
    expect(nodes).toHaveLength(1 + 4);
    const zoe = nodes.find((r) => r[0] === 'a:zoe oneil')!;
    expect(zoe[1]).toBe(TRICKY_LABEL);
    expect(zoe[nodes[0].indexOf('affiliations')]).toBe("'=cmd\\|calc");
    expect(zoe[nodes[0].indexOf('x')]).toBe('-7.125');
    expect(parseCsv(nodesCsv(graph, view, { includeHidden: true }))).toHaveLength(1 + 5);

    const edges = parseCsv(edgesCsv(graph, sampleDataset(), view));
    expect(edges).toHaveLength(1 + 4);
    const e1 = edges.find((r) => r[0] === 'a:ada lovelace' && r[1] === 'a:charles babbage')!;
    const h = edges[0];
    expect(e1[h.indexOf('weight')]).toBe('2');
    expect(e1[h.indexOf('paperIds')]).toBe('p1|p2');
    expect(e1[h.indexOf('paperTitles')]).toBe('Notes on the Analytical Engine | Bernoulli numbers, 100% & $costs_{n}$ with LLMs');
  });
});

describe('bibliography', () => {
  const papers = sampleDataset().papers;

  it('splits names', () => {
    expect(splitName('Ada Lovelace')).toEqual({ family: 'Lovelace', given: 'Ada' });
    expect(splitName('Babbage, Charles')).toEqual({ family: 'Babbage', given: 'Charles' });
    expect(splitName('Ludwig van Beethoven')).toEqual({ family: 'van Beethoven', given: 'Ludwig' });
    expect(splitName('Plato')).toEqual({ literal: 'Plato' });
  });

  it('writes CSL-JSON', () => {
    const csl = toCslJson(papers);
    expect(csl).toHaveLength(3);
    expect(csl[0]).toMatchObject({
      id: 'p1',
      type: 'article-journal',
      title: 'Notes on the Analytical Engine',
      issued: { 'date-parts': [[1843, 9]] },
      'container-title': 'Scientific Memoirs',
      DOI: '10.1000/xyz{1}',
    });
    expect(csl[0].author).toEqual([
      { family: 'Lovelace', given: 'Ada' },
      { family: 'Babbage', given: 'Charles' },
    ]);
    expect(csl[1]).toMatchObject({
      type: 'article',
      publisher: 'arXiv',
      number: '2401.00001',
      URL: 'https://arxiv.org/abs/2401.00001',
      note: expect.stringContaining('truncated'),
    });
    expect(JSON.parse(JSON.stringify(csl))).toEqual(csl);
  });

  it('escapes BibTeX specials and keeps braces balanced', () => {
    expect(escapeBibtex('100% & $x_{n}$ #1 ^ ~ \\')).toBe('100\\% \\& \\$x\\_\\{n\\}\\$ \\#1 \\^{} \\~{} \\textbackslash{}');
    const bib = toBibtex(papers);
    expect(bib).toContain('title = {Bernoulli numbers, 100\\% \\& \\$costs\\_\\{n\\}\\$ with {LLMs}}');
    expect(bib).toContain('author = {Lovelace, Ada and Babbage, Charles and');
    expect(bib).toContain('and others}');
    expect(bib).toContain('doi = {10.1000/xyz%7B1%7D}');
    expect(bib).toContain('eprint = {2401.00001}');
    expect(bib).toContain('primaryClass = {cs.LG}');
    // Every entry's braces balance (ignoring escaped ones).
    for (const entry of bib.split(/\n(?=@)/)) {
      const bare = entry.replace(/\\[{}]/g, '');
      expect(bare.split('{').length).toBe(bare.split('}').length);
    }
  });

  it('makes unique keys', () => {
    const twin: Paper = { id: 'x', title: 'Notes on the Analytical Engine', authors: [{ name: 'Ada Lovelace' }], truncated: false, year: 1843 };
    const bib = toBibtex([twin, { ...twin, id: 'y' }, { ...twin, id: 'z' }]);
    const keys = [...bib.matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]);
    expect(keys).toEqual(['lovelace1843notes', 'lovelace1843notesa', 'lovelace1843notesb']);
    expect(new Set(keys).size).toBe(3);
  });
});
