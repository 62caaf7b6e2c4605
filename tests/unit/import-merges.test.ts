import { describe, expect, it } from 'vitest';
import type { Dataset, Paper } from '../../src/model/types';
import { resolveDataset } from '../../src/graph/authors';
import { findMergeCandidates, fromThesaurus, mergeAuthors, splitAuthor, THESAURUS_HEADER, toThesaurus, transliterationKeys } from '../../src/import/merges';

const paper = (id: string, names: string[], affiliations: Record<string, string> = {}): Paper => ({
  id,
  title: `Paper ${id}`,
  truncated: false,
  year: 2020,
  authors: names.map((name) => (affiliations[name] ? { name, affiliations: [affiliations[name]] } : { name })),
});

const dataset = (papers: Paper[], aliases: Dataset['aliases'] = []): Dataset => ({ id: 't', title: 't', papers, aliases });

// J. Smith / John Smith share two coauthors and an affiliation; Jürgen Müller / Juergen Mueller are one name
// transliterated; Ellie Wen is contained in Ellie Dingqiao Wen; Adi Gangidi is a prefix form of Adithya Gangidi;
// Mary Smith shares only the surname; Ann Lee and A. Lee appear on the same paper (two people).
const papers = [
  paper('1', ['John Smith', 'Kim Park', 'Ravi Rao'], { 'John Smith': 'MIT' }),
  paper('2', ['J. Smith', 'Kim Park', 'Ravi Rao'], { 'J. Smith': 'MIT' }),
  paper('3', ['Jürgen Müller', 'Kim Park']),
  paper('4', ['Juergen Mueller', 'Ravi Rao']),
  paper('5', ['Ellie Dingqiao Wen', 'Adithya Gangidi']),
  paper('6', ['Ellie Wen', 'Adi Gangidi', 'Mary Smith']),
  paper('7', ['Ann Lee', 'A. Lee']),
];

describe('merge candidates', () => {
  const found = findMergeCandidates(dataset(papers));
  const pair = (a: string, b: string) => found.find((c) => (c.fromLabel === a && c.toLabel === b) || (c.fromLabel === b && c.toLabel === a));

  it('finds initials, containment and transliteration variants, and nothing else', () => {
    expect(pair('J. Smith', 'John Smith')).toMatchObject({ rule: 'initials', from: 'j smith', to: 'john smith' });
    expect(pair('Juergen Mueller', 'Jürgen Müller')).toMatchObject({ rule: 'transliteration' });
    expect(pair('Ellie Wen', 'Ellie Dingqiao Wen')).toMatchObject({ rule: 'contained', to: 'ellie dingqiao wen' });
    expect(pair('Adi Gangidi', 'Adithya Gangidi')).toMatchObject({ rule: 'contained', to: 'adithya gangidi' });
    expect(pair('A. Lee', 'Ann Lee')).toMatchObject({ rule: 'initials', together: 1 });
    expect(pair('Mary Smith', 'John Smith')).toBeUndefined();
    expect(pair('Mary Smith', 'J. Smith')).toBeUndefined();
    expect(found).toHaveLength(5);
  });
  it('gives evidence: shared coauthors, same affiliation, papers; co-occurring names rank last', () => {
    const c = pair('J. Smith', 'John Smith')!;
    expect(c.sharedCoauthors.sort()).toEqual(['Kim Park', 'Ravi Rao']);
    expect(c.sharedAffiliations).toEqual(['MIT']);
    expect([c.fromPapers, c.toPapers]).toEqual([1, 1]);
    expect(found[0]).toBe(c);
    expect(found[found.length - 1]).toBe(pair('A. Lee', 'Ann Lee'));
  });
  it('leaves out dismissed pairs and pairs already merged', () => {
    const dismissed = findMergeCandidates(dataset(papers), { dismissed: ['j smith|john smith'] });
    expect(dismissed.find((c) => c.from === 'j smith')).toBeUndefined();
    const merged = findMergeCandidates(dataset(papers, mergeAuthors([], 'j smith', 'john smith', 'test')));
    expect(merged.find((c) => c.from === 'j smith' || c.to === 'j smith')).toBeUndefined();
    expect(merged).toHaveLength(4);
  });
  it('transliteration keys fold umlaut spellings and name order', () => {
    expect(transliterationKeys('jurgen muller')).toEqual(transliterationKeys('juergen mueller'));
    expect(transliterationKeys('wei wang')[0]).toBe(transliterationKeys('wang wei')[0]);
  });
});

describe('merge and split', () => {
  it('a merge joins two authors in the graph data; a split undoes it', () => {
    const before = resolveDataset(dataset(papers)).authors.size;
    const aliases = mergeAuthors([], 'j smith', 'john smith', 'initials');
    const after = resolveDataset(dataset(papers, aliases));
    expect(after.authors.size).toBe(before - 1);
    expect(after.authors.get('john smith')?.paperIds).toEqual(['1', '2']);
    expect(resolveDataset(dataset(papers, splitAuthor(aliases, 'j smith'))).authors.size).toBe(before);
  });
  it('merging again replaces the previous target of the same name', () => {
    const a = mergeAuthors(mergeAuthors([], 'Ellie Wen', 'Ellie Dingqiao Wen', 'x'), 'ellie wen', 'Mary Smith', 'y');
    expect(a).toEqual([{ from: 'ellie wen', to: 'Mary Smith', reason: 'y' }]);
  });
});

describe('VOSviewer thesaurus', () => {
  const aliases = [
    { from: 'j smith', to: 'john smith', reason: 'initials' },
    { from: 'Adi Gangidi', to: 'Adithya Gangidi' },
  ];
  const ds = dataset(papers, aliases);
  const text = toThesaurus(ds);

  it('writes a header and one tab-separated line per spelling, replaced by the label', () => {
    expect(text.split('\n')).toEqual([THESAURUS_HEADER, 'J. Smith\tJohn Smith', 'Adi Gangidi\tAdithya Gangidi', '']);
  });
  it('round-trips: the aliases read back give the same authors', () => {
    const read = fromThesaurus(text);
    expect(read.problems).toEqual([]);
    const keysOf = (d: Dataset) => [...resolveDataset(d).authors.keys()].sort();
    expect(keysOf(dataset(papers, read.aliases))).toEqual(keysOf(ds));
  });
  it('reads Windows line ends and a BOM; reports lines without a replacement and without a tab', () => {
    const read = fromThesaurus('\uFEFFlabel\treplace by\r\nJ. Smith\tJohn Smith\r\nstopword\t\r\nno tab here\r\n\r\n');
    expect(read.aliases).toEqual([{ from: 'J. Smith', to: 'John Smith', reason: 'VOSviewer thesaurus' }]);
    expect(read.problems.map((p) => p.line)).toEqual([3, 4]);
  });
});
