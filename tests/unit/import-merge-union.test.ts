import { describe, expect, it } from 'vitest';
import { parseInput } from '../../src/import';
import { IdMaker } from '../../src/import/common';
import { combineResults, type FileResult } from '../../src/import/combine';
import { dedupe } from '../../src/import/dedupe';
import { readGraphFile } from '../../src/graphfile';
import type { Paper } from '../../src/model/types';

/** Independent fold: NFKD, no marks, lower case, punctuation to space, "Last, First" turned round. */
function fold(name: string): string {
  const turned = /^[^,]+,[^,]+$/.test(name) ? name.split(',').reverse().join(' ') : name;
  return turned
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const file = (fileName: string, text: string): FileResult => ({ fileName, result: parseInput(text, null, { fileName }) });

// Seven authors, "First Last" (BibTeX `and`-separated names), with an arXiv eprint.
const BIB_7 = `@article{union7,
  author = {Ana Lopez and Bo Li and Chen Wei and Dana Kim and Eli Cohen and Fay Wong and Gus Hall},
  title = {A Shared Paper on Merging},
  journal = {Journal of Tests},
  year = {2021},
  doi = {10.5555/merge.1},
  eprint = {2101.00001},
  archivePrefix = {arXiv}
}
`;
// Four of them, "Last, First" (RIS AU), in another order, with one person the longer list lacks and an AD line per author.
const RIS_4 = `TY  - JOUR
AU  - Li, Bo
AU  - López, Ana
AU  - Quinn, Zoe
AU  - Wong, Fay
AD  - Peking University
AD  - University of Granada
AD  - MIT
AD  - HKU
TI  - A shared paper on merging
JO  - Journal of Tests
PY  - 2021
DO  - 10.5555/MERGE.1
UR  - https://example.org/merge
ER  - 
`;

describe('a merged duplicate keeps everything both records had', () => {
  const ris = file('short.ris', RIS_4);
  const bib = file('long.bib', BIB_7);
  const c = combineResults([ris, bib]);
  const shortNames = ris.result.papers[0].authors.map((a) => a.name);
  const longNames = bib.result.papers[0].authors.map((a) => a.name);

  it('every author of both lists, once: the longer list in its order, then the shorter one’s extra people', () => {
    const longKeys = new Set(longNames.map(fold));
    const expected = [...longNames, ...shortNames.filter((n) => !longKeys.has(fold(n)))];
    expect(longNames).toHaveLength(7);
    expect(shortNames).toHaveLength(4);
    expect(c.papers).toHaveLength(1);
    expect(c.papers[0].authors.map((a) => a.name)).toEqual(expected);
    expect(expected).toHaveLength(8);
    expect(expected.at(-1)).toBe('Zoe Quinn');
  });
  it('affiliations only the shorter record had stay with their person', () => {
    const affs = Object.fromEntries(c.papers[0].authors.map((a) => [a.name, a.affiliations]));
    expect(affs).toMatchObject({ 'Ana Lopez': ['University of Granada'], 'Bo Li': ['Peking University'], 'Fay Wong': ['HKU'], 'Zoe Quinn': ['MIT'] });
    expect(affs['Gus Hall']).toBeUndefined();
  });
  it('identifiers and sources united', () => {
    expect(c.papers[0]).toMatchObject({ doi: '10.5555/MERGE.1', arxiv: '2101.00001', url: 'https://example.org/merge', venue: 'Journal of Tests', year: 2021 });
    expect(c.papers[0].sources).toEqual([...ris.result.papers[0].sources!, ...bib.result.papers[0].sources!]);
  });
  it('the report names both records and the rule', () => {
    const line = BIB_7.split('\n').findIndex((l) => l.startsWith('@article{union7')) + 1;
    const entry = {
      keptId: ris.result.papers[0].id,
      keptTitle: 'A shared paper on merging',
      keptFile: 'short.ris',
      droppedFile: 'long.bib',
      droppedIndex: 0,
      droppedLine: line,
      droppedTitle: 'A Shared Paper on Merging',
      by: 'doi',
      authorsAdded: 8 - 4,
    };
    expect(c.merged).toEqual([entry]);
    expect(c.files.map((f) => [f.fileName, f.report.read, f.report.imported, f.report.duplicatesMerged])).toEqual([
      ['short.ris', 1, 1, []],
      ['long.bib', 1, 0, [entry]],
    ]);
  });
  it('without a DOI, the same title and year with a shared author is the rule, and the report says so', () => {
    const noDoi = (t: string) =>
      t
        .replace(/^\s*doi = .*\n/m, '')
        .replace(/^DO {2}- .*\n/m, '')
        .replace(/^\s*eprint = .*\n/m, '');
    const t = combineResults([file('short.ris', noDoi(RIS_4)), file('long.bib', noDoi(BIB_7))]);
    expect(t.merged.map((m) => m.by)).toEqual(['title-year-author']);
    expect(t.papers[0].authors).toHaveLength(8);
  });
  it('keep duplicates apart: both papers stay, ids unique, nothing merged', () => {
    const k = combineResults([ris, bib], undefined, { keepApart: true });
    expect(k.papers.map((p) => p.authors.length)).toEqual([4, 7]);
    expect(k.merged).toEqual([]);
    expect(k.keptApart).toBe(true);
    expect(k.files.map((f) => f.report.imported)).toEqual([1, 1]);
    const same = combineResults([ris, ris], undefined, { keepApart: true });
    expect(new Set(same.papers.map((p) => p.id)).size).toBe(2);
  });
});

describe('merging: people by identity, per-paper fields', () => {
  const base = (extra: Partial<Paper>): Paper => ({ id: 'x', title: 'Trial of things', year: 2020, doi: '10.5555/t', truncated: false, authors: [], ...extra });
  const a = base({
    id: 'a',
    truncated: true,
    citations: 5,
    ids: { wos: 'WOS:000000000000001' },
    groupAuthors: ['Consortium X'],
    authors: [
      { name: 'Ann Lee', externalId: 'orcid:0000-0001-0000-0001' },
      { name: 'Wei Wang', externalId: 'orcid:0000-0001-0000-0002' },
    ],
  });
  const b = base({
    id: 'b',
    citations: 9,
    ids: { pmid: '123', scopus: '2-s2.0-1' },
    groupAuthors: ['Consortium Y'],
    authors: [
      { name: 'Lee, A.', externalId: 'scopus:57190000001 orcid:0000-0001-0000-0001', countries: ['USA'] },
      { name: 'Wei Wang', externalId: 'orcid:0000-0001-0000-0003' },
      { name: 'Bo Li' },
    ],
  });
  const res = (papers: Paper[]) => ({ papers, report: parseInput('', 'csv').report });
  const c = combineResults([
    { fileName: 'a.json', result: res([a]) },
    { fileName: 'b.json', result: res([b]) },
  ]);
  const p = c.papers[0];

  it('same externalId token is one person (names differ); same name with disagreeing ids is two', () => {
    expect(p.authors).toEqual([
      { name: 'Lee, A.', externalId: 'scopus:57190000001 orcid:0000-0001-0000-0001', countries: ['USA'] },
      { name: 'Wei Wang', externalId: 'orcid:0000-0001-0000-0003' },
      { name: 'Bo Li' },
      { name: 'Wei Wang', externalId: 'orcid:0000-0001-0000-0002' },
    ]);
    expect(c.merged[0].authorsAdded).toBe(4 - 2);
  });
  it('database ids, group authors united; citations the larger; complete when one list is complete', () => {
    expect(p.ids).toEqual({ wos: 'WOS:000000000000001', pmid: '123', scopus: '2-s2.0-1' });
    expect(p.groupAuthors).toEqual(['Consortium X', 'Consortium Y']);
    expect(p.citations).toBe(9);
    expect(p.truncated).toBe(false);
    const cut = combineResults([
      { fileName: 'a', result: res([a]) },
      { fileName: 'b', result: res([{ ...b, truncated: true }]) },
    ]);
    expect(cut.papers[0].truncated).toBe(true);
  });
  it('the dataset added to: its papers never merge with each other; a new record merges into the first of them', () => {
    const twin = { ...a, id: 'a2' };
    const c2 = combineResults([{ fileName: 'b.json', result: res([b]) }], { papers: [a, twin], aliases: [] });
    expect(c2.papers.map((q) => q.id)).toEqual(['a', 'a2']);
    expect(c2.papers[1]).toBe(twin);
    expect(c2.merged).toEqual([expect.objectContaining({ keptId: 'a', droppedFile: 'b.json', by: 'doi' })]);
    expect(c2.merged[0].keptFile).toBeUndefined();
    expect(c2.added).toBe(0);
  });
  it('the inputs are not changed', () => {
    expect(a.authors).toHaveLength(2);
    expect(a.ids).toEqual({ wos: 'WOS:000000000000001' });
  });
});

describe('bounded cost: 20,000 identical rows', () => {
  const N = 20_000;
  const csv = `Title,Authors,Year\n${Array.from({ length: N }, () => 'One paper again,Ann Lee; Bo Li; Cy Wu,2020').join('\n')}\n`;
  const rows = file('rows.csv', csv);

  it('merge to one paper that keeps every row as a source', () => {
    expect(rows.result.papers).toHaveLength(N);
    const c = combineResults([rows]);
    expect(c.papers).toHaveLength(1);
    expect(c.papers[0].authors.map((x) => x.name)).toEqual(['Ann Lee', 'Bo Li', 'Cy Wu']);
    expect(c.papers[0].sources).toHaveLength(N);
    expect(c.merged).toHaveLength(N - 1);
    expect(c.merged.every((m) => m.by === 'title-year-author' && m.keptId === 'row-1')).toBe(true);
    expect(c.merged.at(-1)).toMatchObject({ droppedIndex: N - 1, droppedLine: N + 1 });
  });
  it('cost a few steps per author position, not one per pair of rows', () => {
    // Each row: its 3 names looked up, 3 claimed, 3 people compared with the kept paper's (one each).
    const positions = rows.result.papers.reduce((n, p) => n + p.authors.length, 0);
    expect(positions).toBe(3 * N);
    const d = dedupe(rows.result.papers);
    expect(d.papers).toHaveLength(1);
    expect(d.steps).toBeLessThanOrEqual(3 * positions);
  });
  it('kept apart, stay 20,000 papers with unique ids', () => {
    const k = combineResults([rows, rows], undefined, { keepApart: true });
    expect(k.papers).toHaveLength(2 * N);
    expect(new Set(k.papers.map((p) => p.id)).size).toBe(2 * N);
  });
  it('20,000 equal preferred ids are numbered one after the other', () => {
    const ids = new IdMaker();
    const made = Array.from({ length: N }, () => ids.make('same', 'fallback'));
    expect(made.slice(0, 3)).toEqual(['same', 'same-2', 'same-3']);
    expect(made.at(-1)).toBe(`same-${N}`);
    // One numbered variant tried per repeat (the old loop tried 2, 3, … each time: 200 million).
    expect(ids.probes).toBe(N - 1);
    // An id taken before its number comes up is skipped, not reused.
    const more = new IdMaker();
    expect([more.make('k-2', ''), more.make('k', ''), more.make('k', ''), more.make('k', '')]).toEqual(['k-2', 'k', 'k-3', 'k-4']);
  });
  it('a graph file with 10,000 nodes of one name keeps them all, numbered', () => {
    const n = N / 2;
    const nodes = Array.from({ length: n }, (_, i) => `<node id="n${i}" label="Ann Lee"/>`).join('');
    const gexf =
      `<?xml version="1.0" encoding="UTF-8"?><gexf xmlns="http://gexf.net/1.3" version="1.3">` +
      `<graph defaultedgetype="undirected"><nodes>${nodes}</nodes><edges/></graph></gexf>`;
    const r = readGraphFile(gexf, 'same.gexf');
    expect(r.ok && r.graph.order).toBe(n);
    expect(r.ok && r.graph.hasNode(`a:ann lee#${n}`)).toBe(true);
  });
});

describe('BibTeX: a proceedings file whose papers do not name it', () => {
  // PMLR's layout: one @Proceedings record, then @InProceedings records with no year, booktitle or crossref.
  const paper = (key: string, extra = '') => `@InProceedings{${key},
  title = {Paper ${key}},
  author = {Liu, Karen and Kulic, Dana},
  pages = {1-10},
  abstract = {Text.}${extra}
}
`;
  const proc = `@Proceedings{CoRL-2022,
  booktitle = {Proceedings of The 6th Conference on Robot Learning},
  name = {Conference on Robot Learning},
  shortname = {CoRL},
  editor = {Liu, Karen and Kulic, Dana and Ichnowski, Jeff},
  volume = {205},
  year = {2022},
  start = {2022-12-14},
  end = {2022-12-18},
  address = {Auckland, New Zealand}
}
`;
  it('papers without a year take the year and venue of the file’s one proceedings record, with a warning', () => {
    const text = `${proc}\n${paper('a23a')}\n${paper('b23a')}\n${paper('c23a', ',\n  year = {2021}')}`;
    const r = parseInput(text, 'bibtex');
    expect(r.papers.map((p) => [p.year, p.venue])).toEqual([
      [2022, 'Proceedings of The 6th Conference on Robot Learning'],
      [2022, 'Proceedings of The 6th Conference on Robot Learning'],
      [2021, undefined],
    ]);
    expect(r.report.noYear).toEqual([]);
    const message = expect.stringMatching(/^2 papers without a year.*2022.*@proceedings\{CoRL-2022\}/);
    expect(r.report.warnings).toEqual([expect.objectContaining({ line: 1, message })]);
  });
  it('with two proceedings records nothing is guessed', () => {
    const r = parseInput(`${proc}\n${proc.replace('CoRL-2022', 'Other-2021').replace('2022}', '2021}')}\n${paper('a23a')}`, 'bibtex');
    expect(r.papers[0].year).toBeUndefined();
    expect(r.report.noYear).toEqual([r.papers[0].id]);
  });
});

describe('RIS: people run together with no-break spaces', () => {
  it('are flagged with the record’s line; a no-break space inside one name is not', () => {
    const text = `TY  - JOUR\nTI  - Fine\nAU  - van\u00a0Berg, Jan\nER  - \n\nTY  - JOUR\nTI  - Joined\nAU  - Smith, J.\u00a0Doe, K.\u00a0Roe, L.\nER  - \n`;
    const r = parseInput(text, 'ris');
    const line = text.split('\n').findIndex((l, i, all) => l.startsWith('TY') && all[i + 1] === 'TI  - Joined') + 1;
    expect(r.papers).toHaveLength(2);
    expect(r.report.warnings).toEqual([expect.objectContaining({ index: 1, line, message: expect.stringContaining('several people run together') })]);
  });
});
