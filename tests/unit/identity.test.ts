import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aliasKey, identityIds, keyName, resolveDataset } from '../../src/graph/authors';
import { buildGraph, edgeKey } from '../../src/graph/build';
import { authorNodeId } from '../../src/graph/types';
import { parseAclFiles, parseInput, parseNameVariantsYaml } from '../../src/import';
import { findMergeCandidates, mergeAuthors, splitAuthor, toThesaurus } from '../../src/import/merges';
import type { AuthorRef, Dataset, Paper } from '../../src/model/types';

const ref = (name: string, externalId?: string): AuthorRef => (externalId ? { name, externalId } : { name });
const paper = (id: string, authors: AuthorRef[], extra: Partial<Paper> = {}): Paper => ({
  id,
  title: `Paper ${id}`,
  truncated: false,
  year: 2020,
  authors,
  ...extra,
});
const dataset = (papers: Paper[], extra: Partial<Dataset> = {}): Dataset => ({ id: 't', title: 't', papers, aliases: [], ...extra });

/** paper id → its resolved author keys, for comparisons that must not depend on paper order. */
const keysByPaper = (ds: Dataset) => Object.fromEntries(resolveDataset(ds).papers.map((p) => [p.paper.id, p.authorKeys]));
const authorNodes = (g: ReturnType<typeof buildGraph>) => g.filterNodes((_n, a) => a.kind === 'author').sort();

const ORCID = '0000-0002-1825-0097';

describe('identityIds', () => {
  it('normalises OpenAlex ids and ORCIDs in any of their written forms', () => {
    expect(identityIds('A5001')).toEqual(['openalex:A5001']);
    expect(identityIds('https://openalex.org/A5023888391')).toEqual(['openalex:A5023888391']);
    expect(identityIds('openalex:a77')).toEqual(['openalex:A77']);
    expect(identityIds(`https://orcid.org/${ORCID}`)).toEqual([`orcid:${ORCID}`]);
    expect(identityIds('orcid:0000-0001-5109-370x')).toEqual(['orcid:0000-0001-5109-370X']);
    expect(identityIds(`A5001 orcid:${ORCID}`)).toEqual(['openalex:A5001', `orcid:${ORCID}`]);
  });
  it('ignores other source ids (ACL Anthology person ids) and nothing', () => {
    expect(identityIds('bo-li-x')).toEqual([]);
    expect(identityIds('a1')).toEqual([]); // lower-case bare "a…" is not an OpenAlex id
    expect(identityIds('')).toEqual([]);
    expect(identityIds(undefined)).toEqual([]);
  });
  it('alias ends keep an id suffix and fold the name part; plain names give their name key', () => {
    expect(aliasKey('Wei Wang#A1001')).toBe('wei wang#a1001');
    expect(aliasKey('wang, wei#0000-0002-1825-009X')).toBe('wei wang#0000-0002-1825-009x');
    expect(aliasKey('Wei Wang')).toBe('wei wang');
    expect(aliasKey('C# Team')).toBe('c team'); // "#" followed by no id is just punctuation
    expect(keyName('wei wang#a1001')).toBe('wei wang');
  });
});

describe('identity from source ids', () => {
  it('the same ORCID under different spellings is one author, labelled by the most common spelling', () => {
    const ds = dataset([
      paper('1', [ref('Ana Ribeiro', `orcid:${ORCID}`), ref('Kim Park')]),
      paper('2', [ref('A. M. Ribeiro', `https://orcid.org/${ORCID}`), ref('Kim Park')]),
      paper('3', [ref('Ribeiro, Ana', ORCID)]),
      paper('4', [ref('Ana Ribeiro', `orcid:${ORCID}`)]),
    ]);
    const r = resolveDataset(ds);
    // Independent count: one ORCID person + Kim Park.
    expect(r.authors.size).toBe(2);
    const ana = r.authors.get('ana ribeiro')!;
    expect(ana.paperIds).toEqual(['1', '2', '3', '4']);
    expect(ana.label).toBe('Ana Ribeiro');
    expect([...ana.spellings].sort()).toEqual(['A. M. Ribeiro', 'Ana Ribeiro', 'Ribeiro, Ana']);
    expect(authorNodes(buildGraph(ds))).toEqual([authorNodeId('ana ribeiro'), authorNodeId('kim park')]);
  });

  it('references sharing any id are one person (an OpenAlex id on one paper, the same id with an ORCID on another)', () => {
    const ds = dataset([
      paper('1', [ref('Lena Fischer', 'A3003')]),
      paper('2', [ref('L. Fischer', `A3003 orcid:${ORCID}`)]),
      paper('3', [ref('Lena Fischer', `orcid:${ORCID}`)]),
    ]);
    const r = resolveDataset(ds);
    expect([...r.authors.keys()]).toEqual(['lena fischer']);
    expect(r.authors.get('lena fischer')!.paperIds).toEqual(['1', '2', '3']);
  });

  describe('two OpenAlex ids with the same name', () => {
    const papers = [
      paper('1', [ref('Wei Wang', 'A1001'), ref('Kim Park', 'A5005')]),
      paper('2', [ref('Wei Wang', 'A2002'), ref('Lena Fischer', 'A3003')]),
      paper('3', [ref('WANG, Wei', 'A1001'), ref('Lena Fischer', 'A3003')]),
    ];
    const ds = dataset(papers);

    it('stay two authors, keyed by name and short id', () => {
      const r = resolveDataset(ds);
      // Independent count: four distinct OpenAlex ids.
      expect(new Set(papers.flatMap((p) => p.authors.map((a) => a.externalId))).size).toBe(4);
      expect([...r.authors.keys()].sort()).toEqual(['kim park', 'lena fischer', 'wei wang#a1001', 'wei wang#a2002']);
      expect(r.authors.get('wei wang#a1001')!.paperIds).toEqual(['1', '3']);
      expect(r.authors.get('wei wang#a2002')!.paperIds).toEqual(['2']);
      expect(r.authors.get('wei wang#a1001')!.label).toBe('Wei Wang');
    });

    it('give two nodes and the right coauthor edges in buildGraph', () => {
      const g = buildGraph(ds);
      const w1 = authorNodeId('wei wang#a1001'),
        w2 = authorNodeId('wei wang#a2002');
      const kim = authorNodeId('kim park'),
        lena = authorNodeId('lena fischer');
      expect(authorNodes(g)).toEqual([kim, lena, w1, w2].sort());
      const coauthorEdges = g.filterEdges((_e, a) => a.kind === 'coauthor').sort();
      expect(coauthorEdges).toEqual([edgeKey(w1, kim), edgeKey(w1, lena), edgeKey(w2, lena)].sort());
      expect(g.getEdgeAttribute(edgeKey(w1, lena), 'paperIds')).toEqual(['3']);
      expect(g.getEdgeAttribute(edgeKey(w2, lena), 'paperIds')).toEqual(['2']);
      expect(g.hasEdge(edgeKey(w2, kim))).toBe(false);
      expect((g.getNodeAttributes(w1) as { authorKey?: string }).authorKey).toBe('wei wang#a1001');
    });

    it('a name-only reference to an ambiguous name stays a separate name-only author', () => {
      const r = resolveDataset(dataset([...papers, paper('4', [ref('Wei Wang'), ref('Kim Park')])]));
      expect([...r.authors.keys()].filter((k) => keyName(k) === 'wei wang').sort()).toEqual(['wei wang', 'wei wang#a1001', 'wei wang#a2002']);
      expect(r.authors.get('wei wang')!.paperIds).toEqual(['4']);
      // Kim Park (A5005) is claimed by one id-person only: the name-only Kim joins them.
      expect(r.authors.get('kim park')!.paperIds).toEqual(['1', '4']);
    });

    it('keys do not depend on paper order', () => {
      const forward = keysByPaper(ds);
      const backward = keysByPaper(dataset([...papers].reverse()));
      expect(backward).toEqual(forward);
      // A tie between spellings of one id-person is broken by the key, not by which paper came first.
      const tie = [paper('a', [ref('J. Smith', 'A9')]), paper('b', [ref('John Smith', 'A9')])];
      expect(keysByPaper(dataset(tie))).toEqual(keysByPaper(dataset([...tie].reverse())));
      expect(keysByPaper(dataset(tie)).a).toEqual(['john smith']);
    });
  });

  it('a name-only reference joins the one id-person whose spellings include its name', () => {
    const ds = dataset([
      paper('1', [ref('Lena Fischer', 'A3003'), ref('Kim Park')]),
      paper('2', [ref('L. Fischer', 'A3003')]),
      paper('3', [ref('lena  fischer'), ref('Kim Park')]),
      paper('4', [ref('L. Fischer')]),
      paper('5', [ref('Mary Major')]),
    ]);
    const r = resolveDataset(ds);
    expect([...r.authors.keys()].sort()).toEqual(['kim park', 'lena fischer', 'mary major']);
    expect(r.authors.get('lena fischer')!.paperIds).toEqual(['1', '2', '3', '4']);
    const g = buildGraph(ds);
    expect(g.getEdgeAttribute(edgeKey(authorNodeId('lena fischer'), authorNodeId('kim park')), 'paperIds')).toEqual(['1', '3']);
  });

  it('the owner is the id-person of their name on the most papers, and is added where lists are cut', () => {
    const ds = dataset(
      [
        paper('1', [ref('Ana Ribeiro', 'A1'), ref('Kim Park', 'A5')]),
        paper('2', [ref('Ana Ribeiro', 'A1'), ref('Ana Ribeiro', 'A7')]),
        paper('3', [ref('Kim Park', 'A5')], { truncated: true }),
      ],
      { owner: 'Ana Ribeiro' },
    );
    const r = resolveDataset(ds);
    expect(r.ownerKey).toBe('ana ribeiro#a1');
    expect(r.authors.get('ana ribeiro#a1')).toMatchObject({ isOwner: true, paperIds: ['1', '2', '3'] });
    expect(r.authors.get('ana ribeiro#a7')).toMatchObject({ isOwner: false, paperIds: ['2'] });
    expect(r.authors.has('ana ribeiro')).toBe(false);
  });
});

describe('merge assistant with id-disambiguated authors', () => {
  const papers = [
    paper('1', [ref('Wei Wang', 'A1001'), ref('Kim Park')]),
    paper('2', [ref('Wei Wang', 'A2002'), ref('Kim Park')]),
    paper('3', [ref('W. Wang'), ref('Lena Fischer')]),
  ];

  it('suggests the same-name pair (with their ids) and the initials variant on the name part of the keys', () => {
    const found = findMergeCandidates(dataset(papers));
    const same = found.find((c) => keyName(c.from) === 'wei wang' && keyName(c.to) === 'wei wang');
    expect(same).toBeDefined();
    expect(same!.why).toMatch(/same name but different source ids/);
    expect(same!.why).toMatch(/a1001/);
    expect(same!.sharedCoauthors).toEqual(['Kim Park']);
    const initials = found.filter((c) => c.from === 'w wang');
    expect(initials.map((c) => [c.rule, c.to]).sort()).toEqual([
      ['initials', 'wei wang#a1001'],
      ['initials', 'wei wang#a2002'],
    ]);
  });

  it('merging two ids joins their nodes; splitting separates them again', () => {
    const before = resolveDataset(dataset(papers));
    expect(before.authors.size).toBe(5);
    const aliases = mergeAuthors([], 'wei wang#a2002', 'wei wang#a1001', 'same person');
    const merged = resolveDataset(dataset(papers, { aliases }));
    expect(merged.authors.size).toBe(4);
    expect(merged.authors.get('wei wang#a1001')!.paperIds).toEqual(['1', '2']);
    const g = buildGraph(dataset(papers, { aliases }));
    expect(g.hasNode(authorNodeId('wei wang#a2002'))).toBe(false);
    expect(g.getEdgeAttribute(edgeKey(authorNodeId('wei wang#a1001'), authorNodeId('kim park')), 'paperIds')).toEqual(['1', '2']);
    const split = splitAuthor(aliases, 'Wei Wang#A2002');
    expect(split).toEqual([]);
    expect(resolveDataset(dataset(papers, { aliases: split })).authors.size).toBe(5);
  });

  it('a name-only variant merges into one of the id-persons, and the thesaurus lists its spelling', () => {
    const aliases = mergeAuthors([], 'w wang', 'wei wang#a1001', 'initials');
    const r = resolveDataset(dataset(papers, { aliases }));
    expect(r.authors.has('w wang')).toBe(false);
    expect(r.authors.get('wei wang#a1001')!.paperIds).toEqual(['1', '3']);
    expect(r.authors.get('wei wang#a2002')!.paperIds).toEqual(['2']);
    expect(toThesaurus(dataset(papers, { aliases }))).toBe('label\treplace by\nW. Wang\tWei Wang\n');
  });
});

describe('OpenAlex works JSON through the real parser', () => {
  const authorship = (id: string | null, name: string, orcid: string | null = null) => ({
    author: { id: id ? `https://openalex.org/${id}` : null, display_name: name, orcid: orcid ? `https://orcid.org/${orcid}` : null },
    institutions: [],
  });
  const work = (id: string, year: number, authorships: unknown[]) => ({
    id: `https://openalex.org/${id}`,
    title: `Work ${id}`,
    publication_year: year,
    authorships,
  });
  const text = JSON.stringify({
    meta: { count: 4 },
    results: [
      work('W1', 2021, [authorship('A5000000001', 'Wei Wang', ORCID), authorship('A5000000003', 'João Gonçalves')]),
      work('W2', 2022, [authorship('A5000000002', 'Wei Wang'), authorship('A5000000003', 'Joao Goncalves')]),
      work('W3', 2023, [authorship('A5000000001', 'Wei Wang', ORCID), authorship(null, 'Marta Silva', '0000-0001-5109-3700')]),
      work('W4', 2024, [authorship(null, 'M. Silva', '0000-0001-5109-3700'), authorship(null, 'Kenji Watanabe')]),
    ],
  });
  const r = parseInput(text, null, { fileName: 'works.json' });

  it('is read as OpenAlex and keeps author ids (ORCID where there is no OpenAlex id)', () => {
    expect(r.report.format).toBe('openalex');
    expect(r.papers.map((p) => p.authors.map((a) => a.externalId ?? null))).toEqual([
      ['A5000000001', 'A5000000003'],
      ['A5000000002', 'A5000000003'],
      ['A5000000001', 'orcid:0000-0001-5109-3700'],
      ['orcid:0000-0001-5109-3700', null],
    ]);
  });

  it('gives id-based identity in the dataset and the graph', () => {
    const ds = dataset(r.papers);
    const res = resolveDataset(ds);
    // Independent count: 3 OpenAlex ids + 1 ORCID-only person + 1 name-only person.
    expect(res.authors.size).toBe(5);
    expect([...res.authors.keys()].sort()).toEqual(['joao goncalves', 'kenji watanabe', 'marta silva', 'wei wang#a5000000001', 'wei wang#a5000000002']);
    expect(res.authors.get('joao goncalves')!.spellings.sort()).toEqual(['Joao Goncalves', 'João Gonçalves']);
    expect(res.authors.get('marta silva')!.paperIds).toEqual(['W3', 'W4']);
    expect(res.authors.get('wei wang#a5000000001')!.paperIds).toEqual(['W1', 'W3']);
    const g = buildGraph(ds);
    expect(authorNodes(g)).toHaveLength(5);
    expect(g.hasEdge(edgeKey(authorNodeId('wei wang#a5000000002'), authorNodeId('joao goncalves')))).toBe(true);
    expect(g.hasEdge(edgeKey(authorNodeId('wei wang#a5000000001'), authorNodeId('marta silva')))).toBe(true);
    expect(g.hasEdge(edgeKey(authorNodeId('wei wang#a5000000002'), authorNodeId('marta silva')))).toBe(false);
  });
});

const aclDir = path.resolve(__dirname, '../../../shared/datasets/acl-anthology-2019');
(existsSync(path.join(aclDir, 'xml')) ? describe : describe.skip)('ACL Anthology ids do not drive identity', () => {
  it('the author count is the same with and without ACL person ids, and fast', () => {
    const files = readdirSync(path.join(aclDir, 'xml'))
      .filter((f) => f.endsWith('.xml'))
      .map((name) => ({ name, text: readFileSync(path.join(aclDir, 'xml', name), 'utf8') }));
    const parsed = parseAclFiles(files);
    const aliases = parseNameVariantsYaml(readFileSync(path.join(aclDir, 'yaml/name_variants.yaml'), 'utf8'));
    expect(parsed.papers.some((p) => p.authors.some((a) => a.externalId))).toBe(true);
    const withIds = dataset(parsed.papers, { aliases });
    const withoutIds = dataset(
      parsed.papers.map((p) => ({ ...p, authors: p.authors.map((a) => ({ name: a.name })) })),
      { aliases },
    );
    const t0 = performance.now();
    const a = resolveDataset(withIds);
    const ms = performance.now() - t0;
    const b = resolveDataset(withoutIds);
    console.log(`ACL: resolveDataset ${Math.round(ms)} ms, ${a.authors.size} authors`);
    expect(a.authors.size).toBe(b.authors.size);
    expect([...a.authors.keys()].every((k) => !k.includes('#'))).toBe(true);
    expect(ms).toBeLessThan(5_000);
  });
});

describe('institution network with id-based identity', () => {
  it('counts two people who share a name (two OpenAlex ids) as two members of their institution', async () => {
    const { buildInstitutionGraph } = await import('../../src/lenses/institutions');
    const aff = (name: string, id: string): AuthorRef => ({ name, externalId: id, affiliations: ['Example University'] });
    const ds = dataset([
      paper('p1', [aff('Wei Wang', 'A1001'), aff('Ana Costa', 'A2002')]),
      paper('p2', [aff('Wei Wang', 'A1003'), aff('Ana Costa', 'A2002')]),
    ]);
    const g = buildInstitutionGraph(ds, 'institution', buildGraph(ds).getAttribute('options'), resolveDataset(ds))!;
    const node = g.findNode((_n, a) => a.label === 'Example University')!;
    // Wei Wang (A1001), another Wei Wang (A1003) and Ana Costa: three people (by name alone, two).
    expect((g.getNodeAttributes(node) as { authorCount: number }).authorCount).toBe(3);
    expect(resolveDataset(ds).authors.size).toBe(3);
  });
});
