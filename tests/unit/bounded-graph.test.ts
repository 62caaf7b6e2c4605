// Bounded cost of building and reading graphs (issue #14): each input is one a red team measured on main.
import { describe, expect, it } from 'vitest';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { resolveDataset } from '../../src/graph/authors';
import { buildGraph } from '../../src/graph/build';
import { GraphBudgetError, graphCost } from '../../src/graph/budget';
import { checkedBuildOptions, DEFAULT_BUILD_OPTIONS, GRAPH_BUDGET, OPTION_RANGES, type AtlasGraph } from '../../src/graph/types';
import { buildRefusal } from '../../src/app/pipeline';
import { decodeShareLink, encodeShareLink } from '../../src/export/shareLink';
import { validateSnapshot } from '../../src/export/snapshot';
import { validateVosviewerJson } from '../../src/export/vosviewer';
import { readGexf, readGraphml, readVosviewer } from '../../src/graphfile';
import { NUMBER_BOUNDS, READ_LIMITS } from '../../src/graphfile/common';
import { MAX_MESSAGES } from '../../src/graphfile/messages';
import { readLensState } from '../../src/lenses/url';
import { MAX_TIMELINE_SPAN, papersPerYear } from '../../src/lenses/papers';
import { colourNodes } from '../../src/lenses/style';
import type { Dataset, Paper } from '../../src/model/types';
import { validSnapshot } from '../fuzz/targets';

const paper = (id: string, authors: string[], extra: Partial<Paper> = {}): Paper => ({
  id,
  title: `Paper ${id}`,
  authors: authors.map((name) => ({ name })),
  truncated: false,
  ...extra,
});
const dataset = (papers: Paper[]): Dataset => ({ id: 'bounded', title: 'Bounded', papers, aliases: [] });
const names = (n: number, prefix = 'Author') => Array.from({ length: n }, (_, i) => `${prefix} ${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}`);
const heapMB = () => process.memoryUsage().heapUsed / 2 ** 20;

describe('build options from links and snapshots keep to the UI ranges', () => {
  const withOptions = (options: object) => ({ ...JSON.parse(JSON.stringify(validSnapshot())), options: { ...DEFAULT_BUILD_OPTIONS, ...options } });

  it('a share link raising the hyperauthor cap to 1,000,000 is refused', () => {
    const link = encodeShareLink(withOptions({ hyperauthorCap: 1_000_000 }), 1_000_000);
    if (!link.ok) throw new Error('link too large');
    const r = decodeShareLink(link.hash);
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors.join('\n')).toContain('$.options.hyperauthorCap: greater than 10000');
  });

  it("the UI's own bounds are accepted, one past them refused (cap, seed)", () => {
    const { min, max } = OPTION_RANGES.hyperauthorCap;
    expect([min, max].map((c) => validateSnapshot(withOptions({ hyperauthorCap: c })).ok)).toEqual([true, true]);
    expect([min - 1, max + 1, 2.5].map((c) => validateSnapshot(withOptions({ hyperauthorCap: c })).ok)).toEqual([false, false, false]);
    expect([-1, 2 ** 32, 0.5].map((seed) => validateSnapshot(withOptions({ seed })).ok)).toEqual([false, false, false]);
  });

  it('stored workspace options outside the ranges fall back to the defaults, one by one', () => {
    const o = checkedBuildOptions({ hyperauthorCap: 1_000_000, counting: 'fractional', seed: Number.NaN, allPapersAsHubs: 'yes' as unknown as boolean });
    expect(o).toEqual({ ...DEFAULT_BUILD_OPTIONS, counting: 'fractional' });
    expect(checkedBuildOptions({ hyperauthorCap: 40, seed: 7 })).toEqual({ ...DEFAULT_BUILD_OPTIONS, hyperauthorCap: 40, seed: 7 });
  });

  it('URL lens parameters outside the ranges are ignored', () => {
    const lens = readLensState(`?minPapers=${'9'.repeat(400)}&minShared=10001&ego=9&years=0000-99999&path=${'x'.repeat(5000)}|y&cat=${'c'.repeat(2000)}`);
    expect(lens).toEqual({ colorBy: 'community', sizeBy: 'papers', unit: 'author' });
    const inRange = readLensState('?minPapers=10000&minShared=3&ego=3&years=1990-2000');
    expect(inRange).toMatchObject({ minPapers: 10000, minShared: 3, egoDepth: 3, years: [1990, 2000] });
  });
});

describe('buildGraph refuses a graph past the budget before allocating it', () => {
  // One 10,000-author paper under a cap of 10,000 is 49,995,000 coauthor pairs; two small papers beside it.
  const big = paper('big', names(10_000));
  const small = [paper('s1', ['Ada Lovelace', 'Charles Babbage']), paper('s2', ['Ada Lovelace', 'Mary Somerville', 'Charles Babbage'])];
  const data = dataset([big, ...small]);
  const pairs = (n: number) => (n * (n - 1)) / 2;

  it('counts the pairs it would make (Σ n(n−1)/2 over papers under the cap) and refuses with a message', () => {
    const options = { ...DEFAULT_BUILD_OPTIONS, hyperauthorCap: 10_000 };
    const resolved = resolveDataset(data);
    expect(graphCost(resolved, options).coauthorPairs).toBe(pairs(10_000) + pairs(2) + pairs(3));
    const before = heapMB();
    expect(() => buildGraph(data, options, resolved)).toThrow(GraphBudgetError);
    // The refused build allocated nothing of the size of its graph (1.1M edges took 2.9 GB on main).
    expect(heapMB() - before).toBeLessThan(100);
    const refusal = buildRefusal(options, 'author', resolved);
    expect(refusal).toContain('49,995,004 coauthor ties');
    expect(refusal).toContain(`${GRAPH_BUDGET.maxCoauthorEdges.toLocaleString('en-US')}`);
    expect(refusal).toContain('lower the hyperauthor cap');
  });

  it('at the default cap the same papers build: the big paper is one hub, the small ones keep their ties', () => {
    const resolved = resolveDataset(data);
    expect(buildRefusal(DEFAULT_BUILD_OPTIONS, 'author', resolved)).toBeNull();
    const g = buildGraph(data, DEFAULT_BUILD_OPTIONS, resolved);
    expect(g.filterNodes((_n, a) => a.kind === 'paper')).toEqual(['p:big']);
    expect(g.filterEdges((_e, a) => a.kind === 'authorship')).toHaveLength(10_000);
    expect(g.filterEdges((_e, a) => a.kind === 'coauthor')).toHaveLength(3);
    expect(g.getEdgeAttribute(g.edge('a:ada lovelace', 'a:charles babbage')!, 'weight')).toBe(2);
  });

  it('the institution network is refused the same way when its ties are past the budget', () => {
    const affs = names(3_200, 'Institute');
    const authors = affs.map((aff, i) => ({ name: `Person ${i}`, affiliations: [aff] }));
    const wide = dataset([{ ...paper('wide', []), authors }]);
    const resolved = resolveDataset(wide);
    expect(buildRefusal(DEFAULT_BUILD_OPTIONS, 'institution', resolved)).toContain(`${pairs(3_200).toLocaleString('en-US')} ties`);
  });
});

describe('graph files: bounded numbers, counts and messages', () => {
  const gexf = (edges: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="undirected">` +
    '<nodes><node id="0" label="Ada Lovelace"/><node id="1" label="Alan Turing"/><node id="2" label="Grace Hopper"/></nodes>' +
    `<edges>${edges}</edges></graph></gexf>`;
  const finiteLayout = (g: AtlasGraph) => {
    forceAtlas2.assign(g, { iterations: 20, getEdgeWeight: 'weight', settings: { ...forceAtlas2.inferSettings(g), edgeWeightInfluence: 1 } });
    return g
      .mapNodes((_n, a) => [a.x, a.y])
      .flat()
      .every(Number.isFinite);
  };

  it('parallel edges of weight 1e308 saturate at the bound (GEXF, GraphML, VOSviewer) and lay out to finite positions', () => {
    const huge =
      Array.from({ length: 4 }, (_, i) => `<edge id="e${i}" source="0" target="1" weight="1e308"/>`).join('') +
      '<edge id="x" source="1" target="2" weight="2"/>';
    const graphml =
      '<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">' +
      '<key id="w" for="edge" attr.name="weight" attr.type="double"/>' +
      `<graph id="G" edgedefault="undirected"><node id="0"/><node id="1"/><node id="2"/>` +
      `${'<edge source="0" target="1"><data key="w">1e308</data></edge>'.repeat(4)}<edge source="1" target="2"><data key="w">2</data></edge></graph></graphml>`;
    const links = [...Array(4).fill({ source_id: 0, target_id: 1, strength: 1e308 }), { source_id: 1, target_id: 2, strength: 2 }];
    const vos = JSON.stringify({ network: { items: [0, 1, 2].map((id) => ({ id, label: `N${id}` })), links } });
    for (const r of [readGexf(gexf(huge)), readGraphml(graphml), readVosviewer(vos)]) {
      if (!r.ok) throw new Error(r.error);
      const weights = r.graph.mapEdges((_e, a) => a.weight).sort((a, b) => a - b);
      expect(weights).toEqual([2, NUMBER_BOUNDS.maxWeight]);
      expect(finiteLayout(r.graph)).toBe(true);
    }
  });

  it('a GraphML with more edges than the limit is refused before it is parsed', () => {
    const edges = READ_LIMITS.maxEdges + 1;
    const text = `<graphml><graph edgedefault="undirected"><node id="a"/><node id="b"/>${'<edge source="a" target="b"/>'.repeat(edges)}</graph></graphml>`;
    const before = heapMB();
    const r = readGraphml(text);
    expect(r).toEqual({ ok: false, format: 'graphml', error: `more than ${READ_LIMITS.maxEdges} edges` });
    // The text itself is ~58 MB; parsing it all took 1.5 GB on main.
    expect(heapMB() - before).toBeLessThan(200);
    expect(readGexf(gexf('<edge source="0" target="1"/>'.repeat(edges)))).toMatchObject({ ok: false, error: `more than ${READ_LIMITS.maxEdges} edges` });
  });

  it('a VOSviewer file of 10M nulls is refused by its item count; 150k bad items give 100 messages and a count', () => {
    const tenMillion = `{"network":{"items":[${'null,'.repeat(10_000_000 - 1)}null]}}`;
    expect(readVosviewer(tenMillion)).toEqual({ ok: false, format: 'vosviewer', error: `more than ${READ_LIMITS.maxNodes} items` });
    const bad = 150_000;
    const r = validateVosviewerJson({ network: { items: Array(bad).fill(null) } });
    if (r.ok) throw new Error('accepted');
    expect(r.errors).toHaveLength(MAX_MESSAGES + 1);
    expect(r.errors[MAX_MESSAGES]).toBe(`… and ${(bad - MAX_MESSAGES).toLocaleString('en-US')} more`);
  });

  it('20,000 nodes mapping to one id are all kept, with at most 101 warnings', () => {
    const nodes = Array.from({ length: 20_000 }, (_, i) => `<node id="${i}" label="Same Name"/>`).join('');
    const r = readGexf(`<gexf version="1.3"><graph><nodes>${nodes}</nodes></graph></gexf>`);
    if (!r.ok) throw new Error(r.error);
    expect(r.graph.order).toBe(20_000);
    expect(r.graph.hasNode('a:same name#20000')).toBe(true);
    expect(r.warnings.length).toBeLessThanOrEqual(MAX_MESSAGES + 1);
  });
});

describe('year counts stay bounded whatever the years', () => {
  it('a stray year 10^15 among real ones gives one bin per year with papers, not 10^15 bins', () => {
    const papers = [paper('a', ['A']), paper('b', ['B']), paper('c', ['C']), paper('d', ['D'])];
    papers[0].year = 2001;
    papers[1].year = 2003;
    papers[2].year = 2003;
    papers[3].year = 1e15;
    expect(papersPerYear(papers)).toEqual([
      { year: 2001, count: 1 },
      { year: 2003, count: 2 },
      { year: 1e15, count: 1 },
    ]);
  });

  it('years past 2^53 (where y + 1 === y) give their bins and end (the walk counts its steps)', () => {
    const papers = [paper('a', ['A'], { year: 2 ** 53 }), paper('b', ['B'], { year: 2 ** 53 }), paper('c', ['C'], { year: 2 ** 53 + 2 })];
    expect(
      papersPerYear(papers)
        .map((b) => b.count)
        .reduce((s, c) => s + c, 0),
    ).toBe(3);
    expect(papersPerYear(papers.slice(0, 2))).toEqual([{ year: 2 ** 53, count: 2 }]);
  });

  it('a span within MAX_TIMELINE_SPAN still fills its gaps with zeros', () => {
    const papers = [paper('a', ['A'], { year: 1000 }), paper('b', ['B'], { year: 1000 + MAX_TIMELINE_SPAN })];
    const bins = papersPerYear(papers);
    expect(bins).toHaveLength(MAX_TIMELINE_SPAN + 1);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(2);
  });

  it('the first-year colour legend of authors active in year 10^20 has at most 10 stops', () => {
    const g = buildGraph(dataset([paper('a', ['Ann One', 'Bob Two'], { year: 2000 })]));
    g.forEachNode((n) => g.mergeNodeAttributes(n, { firstYear: 1e20 }));
    const colouring = colourNodes(g, 'firstYear', g.nodes());
    expect(colouring?.legend.stops.length).toBeLessThanOrEqual(10);
    expect(colouring?.colors.size).toBe(2);
  });
});
