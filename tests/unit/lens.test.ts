import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build';
import { toDisplayGraph } from '../../src/graph/display';
import { indexDataset } from '../../src/graph/dataIndex';
import { resolveDataset } from '../../src/graph/authors';
import { authorNodeId, paperNodeId } from '../../src/graph/types';
import { asLensGraph } from '../../src/lenses/filters';
import { filterGraph, pathLens } from '../../src/lenses/compose';
import { visiblePapers } from '../../src/lenses/papers';
import { DEFAULT_LENS, type LensState } from '../../src/lenses/types';
import { readLensState, writeLensState } from '../../src/lenses/url';
import { loadDataset } from './helpers';

const full = loadDataset('profile-full.json');
const resolved = resolveDataset(full);
const index = indexDataset(full, resolved);
const display = toDisplayGraph(buildGraph(full, {}, resolved), 'light');
const graph = asLensGraph(display);

/** Independent identity, straight from the raw lists (fold + alias list), as in build.test.ts. */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const alias = new Map(full.aliases.map((a) => [fold(a.from), fold(a.to)]));
const key = (name: string) => alias.get(fold(name)) ?? fold(name);
const owner = key(full.owner!);
/** Raw author keys per paper (the owner is on every paper of the profile). */
const rawAuthors = new Map(full.papers.map((p) => [p.id, new Set([...p.authors.map((a) => key(a.name)), owner])]));
const rawYear = (id: string) => Number(full.papers.find((p) => p.id === id)!.date!.slice(0, 4));

const lens = (l: Partial<LensState>): LensState => ({ ...DEFAULT_LENS, ...l });
function run(l: Partial<LensState>, ego?: { node: string; depth: number }) {
  const state = lens(l);
  const papers = visiblePapers(full.papers, state);
  return { papers, result: filterGraph(graph, index, papers, 'full', state, ego) };
}
const visibleOf = (hidden: Set<string>, kind: string) => display.filterNodes((n, a) => a.kind === kind && !hidden.has(n));

/** Raw collaboration adjacency among a set of papers: author → coauthor → shared paper ids. */
function rawAdjacency(paperIds: string[]) {
  const adj = new Map<string, Map<string, string[]>>();
  for (const pid of paperIds) {
    for (const a of rawAuthors.get(pid)!) {
      for (const b of rawAuthors.get(pid)!) {
        if (a === b) continue;
        if (!adj.has(a)) adj.set(a, new Map());
        const m = adj.get(a)!;
        m.set(b, [...(m.get(b) ?? []), pid]);
      }
    }
  }
  return adj;
}
function rawBfs(adj: Map<string, Map<string, string[]>>, from: string, maxDepth = Infinity) {
  const dist = new Map([[from, 0]]);
  const queue = [from];
  while (queue.length) {
    const u = queue.shift()!;
    if (dist.get(u)! >= maxDepth) continue;
    for (const v of adj.get(u)?.keys() ?? [])
      if (!dist.has(v)) {
        dist.set(v, dist.get(u)! + 1);
        queue.push(v);
      }
  }
  return dist;
}

describe('year range', () => {
  it('2024 keeps exactly the papers dated 2024 and their authors', () => {
    const { papers, result } = run({ years: [2024, 2024] });
    const expected = full.papers.filter((p) => p.date!.startsWith('2024')).map((p) => p.id);
    expect(expected.length).toBe(4);
    expect([...papers!].sort()).toEqual(expected.sort());
    const authors = new Set(expected.flatMap((pid) => [...rawAuthors.get(pid)!]).map(authorNodeId));
    expect(new Set(visibleOf(result.hiddenNodes, 'author'))).toEqual(authors);
    // Hubs: only those of 2024 papers (Llama 3).
    expect(visibleOf(result.hiddenNodes, 'paper')).toEqual([paperNodeId('seed-01')]);
  });

  it('recomputes coauthor weights from the papers in range and hides edges with none', () => {
    const { result } = run({ years: [2024, 2024] });
    let checked = 0;
    display.forEachEdge((e, a) => {
      if (a.kind !== 'coauthor') return;
      const inRange = a.paperIds.filter((p) => rawYear(p) === 2024);
      expect(result.hiddenEdges.has(e)).toBe(inRange.length === 0);
      if (inRange.length) {
        expect(result.edgeWeights!.get(e)).toBe(inRange.length);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(50);
    // Fractional counting: 1/(n−1) per paper in range.
    const frac = filterGraph(graph, index, visiblePapers(full.papers, lens({ years: [2024, 2024] })), 'fractional', {});
    const e = display.edge(authorNodeId(owner), authorNodeId(key('Maxim Naumov')))!;
    const expectedW = display
      .getEdgeAttribute(e, 'paperIds')
      .filter((p) => rawYear(p) === 2024)
      .reduce((w, p) => w + 1 / (rawAuthors.get(p)!.size - 1), 0);
    expect(frac.edgeWeights!.get(e)).toBeCloseTo(expectedW, 10);
  });
});

describe('structural filters', () => {
  it('min shared papers hides coauthor edges with fewer shared papers (hub papers counted)', () => {
    const { result } = run({ minShared: 3 });
    const adj = rawAdjacency(full.papers.map((p) => p.id));
    let visible = 0;
    display.forEachEdge((e, a, s, t) => {
      if (a.kind !== 'coauthor') return;
      const shared = adj.get(s.slice(2))!.get(t.slice(2))!.length;
      expect(result.hiddenEdges.has(e), `${e}`).toBe(shared < 3);
      if (shared >= 3) visible++;
    });
    expect(visible).toBeGreaterThan(10);
  });

  it('min papers keeps authors with at least that many papers', () => {
    const { result } = run({ minPapers: 4 });
    const counts = new Map<string, number>();
    for (const s of rawAuthors.values()) for (const a of s) counts.set(a, (counts.get(a) ?? 0) + 1);
    const expected = [...counts]
      .filter(([, c]) => c >= 4)
      .map(([a]) => authorNodeId(a))
      .sort();
    expect(visibleOf(result.hiddenNodes, 'author').sort()).toEqual(expected);
  });

  it('largest component only: exactly the largest component of the raw ties', () => {
    const { papers, result } = run({ years: [2021, 2022], minShared: 1, largestComponent: true });
    const adj = rawAdjacency([...papers!]);
    // Components of the raw adjacency, largest kept.
    const seen = new Set<string>();
    let largest = 0;
    for (const a of adj.keys()) {
      if (seen.has(a)) continue;
      const comp = rawBfs(adj, a);
      for (const n of comp.keys()) seen.add(n);
      largest = Math.max(largest, comp.size);
    }
    expect(visibleOf(result.hiddenNodes, 'author').length).toBe(largest);
    // With min shared 2, the graph splits: still exactly the largest component.
    const split = run({ minShared: 2, largestComponent: true }).result;
    const adj2 = new Map([...rawAdjacency(full.papers.map((p) => p.id))].map(([a, m]) => [a, new Map([...m].filter(([, ps]) => ps.length >= 2))]));
    const ownerComp = rawBfs(adj2, owner);
    expect(new Set(visibleOf(split.hiddenNodes, 'author'))).toEqual(new Set([...ownerComp.keys()].map(authorNodeId)));
  });

  it('ego network at depth 1 and 2', () => {
    const adj = rawAdjacency(full.papers.filter((p) => [2022, 2023].includes(rawYear(p.id))).map((p) => p.id));
    const centre = key('Jay Li');
    for (const depth of [1, 2]) {
      const { result } = run({ years: [2022, 2023] }, { node: authorNodeId(centre), depth });
      const expected = [...rawBfs(adj, centre, depth).keys()].map(authorNodeId).sort();
      expect(visibleOf(result.hiddenNodes, 'author').sort()).toEqual(expected);
    }
    expect(run({ years: [2022, 2023] }, { node: authorNodeId(centre), depth: 1 }).result.actors.length).toBe(rawAuthors.get('seed-03')!.size);
  });

  it('affiliation filter keeps the authors with that affiliation', () => {
    const { result } = run({ affiliation: 'Meta' });
    const expected = new Set(full.papers.flatMap((p) => p.authors.filter((a) => a.affiliations?.includes('Meta')).map((a) => authorNodeId(key(a.name)))));
    expect(expected.size).toBeGreaterThan(3);
    expect(new Set(visibleOf(result.hiddenNodes, 'author'))).toEqual(expected);
  });

  it('category filter keeps the papers of that category', () => {
    const { papers } = run({ categories: ['DC'] });
    expect([...papers!].sort()).toEqual(
      full.papers
        .filter((p) => p.category === 'DC')
        .map((p) => p.id)
        .sort(),
    );
  });
});

describe('shortest collaboration path', () => {
  const all = full.papers.map((p) => p.id);
  const adj = rawAdjacency(all);

  for (const [from, to] of [
    ['Jay Li', 'Quanyu Zhu'],
    ['Jay Li', 'Guna Lakshminarayanan'],
  ]) {
    it(`${from} → ${to}: BFS length, real shared papers per hop, strongest ties`, () => {
      const [a, b] = [key(from), key(to)];
      const { result } = run({});
      const { path } = pathLens(graph, result, [a, b], index);
      expect(path).not.toBeNull();
      expect(path!.hops.length).toBe(rawBfs(adj, a).get(b));
      expect(path!.hops.length).toBe(2);
      for (const hop of path!.hops) expect([...hop.paperIds].sort()).toEqual([...adj.get(hop.from.slice(2))!.get(hop.to.slice(2))!].sort());
      // Among the 2-hop paths, the chosen middle has the most shared papers (ties: smallest id).
      const middles = [...adj.get(a)!.keys()].filter((m) => adj.get(m)!.has(b));
      const score = (m: string) => adj.get(a)!.get(m)!.length + adj.get(m)!.get(b)!.length;
      const best = Math.max(...middles.map(score));
      const expected = middles
        .filter((m) => score(m) === best)
        .map(authorNodeId)
        .sort()[0];
      expect(path!.nodes[1]).toBe(expected);
    });
  }

  it('the tie-break case is a real one: middles of Jay Li → Guna Lakshminarayanan differ in strength', () => {
    const [a, b] = [key('Jay Li'), key('Guna Lakshminarayanan')];
    const scores = new Set([...adj.get(a)!.keys()].filter((m) => adj.get(m)!.has(b)).map((m) => adj.get(a)!.get(m)!.length + adj.get(m)!.get(b)!.length));
    expect(scores.size).toBeGreaterThan(1);
  });

  it('a path within a year range', () => {
    // Compared with a BFS over the raw ties of the papers in range.
    const { papers, result } = run({ years: [2025, 2026] });
    const ranged = rawAdjacency([...papers!]);
    const a = key('Zheng Wang');
    const b = key('Minghao Li');
    const { path } = pathLens(graph, result, [a, b], index);
    expect(path!.hops.length).toBe(rawBfs(ranged, a).get(b));
  });

  it('says "no path" when one end is filtered out', () => {
    const { result } = run({ years: [2022, 2022] });
    const out = pathLens(graph, result, [key('Jay Li'), key('Quanyu Zhu')], index);
    expect(out.path).toBeNull();
    expect(out.note).toMatch(/^No collaboration path between Jay Li and Quanyu Zhu/);
  });
});

describe('URL state', () => {
  it('round-trips every field and keeps the parameters it does not own', () => {
    const state: LensState = {
      years: [2022, 2024],
      categories: ['LG', 'DC'],
      venues: ['ICML 2024, x'],
      minPapers: 2,
      minShared: 3,
      largestComponent: true,
      affiliation: 'Meta',
      colorBy: 'firstYear',
      sizeBy: 'pagerank',
      egoDepth: 2,
      path: ['jay li', 'quanyu zhu'],
      unit: 'institution',
    };
    const search = writeLensState(state, '?author=yuchen%20hao&affiliation=f%3Ameta&dataset=shown&foo=1');
    expect(readLensState(search)).toEqual(state);
    const params = new URLSearchParams(search);
    expect(params.get('author')).toBe('yuchen hao');
    expect(params.get('affiliation')).toBe('f:meta');
    expect(params.get('dataset')).toBe('shown');
    expect(params.get('foo')).toBe('1');
  });

  it('leaves defaults out and reads junk as defaults', () => {
    expect(writeLensState(DEFAULT_LENS, '?author=x')).toBe('?author=x');
    expect(writeLensState({ ...DEFAULT_LENS }, '')).toBe('');
    expect(readLensState('?years=abc&color=pink&ego=7&minPapers=-1')).toEqual(DEFAULT_LENS);
  });
});
