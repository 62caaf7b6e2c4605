import { describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { buildGraph } from '../../src/graph/build';
import { resolveDataset } from '../../src/graph/authors';
import { asLensGraph } from '../../src/lenses/filters';
import { AUTO_LINES, drawnLines, linesLimit } from '../../src/lenses/drawnLines';
import { mapLensFromFilters, mapLensToFilters, readMapLens } from '../../src/lenses/mapLens';
import { readLensState, writeLensState } from '../../src/lenses/url';
import { DEFAULT_LENS } from '../../src/lenses/types';
import { lensForNewWorkspace } from '../../src/app/state/reducer';
import { loadDataset } from './helpers';

const full = loadDataset('profile-full.json');
const profile = asLensGraph(buildGraph(full, {}, resolveDataset(full)));
const none = { hiddenNodes: new Set<string>(), hiddenEdges: new Set<string>() };

/** The answer by brute force: every shown coauthor link with its strength, strongest first, ties by the graph's order. */
function strongest(graph: Graph, limit: number, hiddenNodes: Set<string>, hiddenEdges: Set<string>, strengths?: Map<string, number>) {
  const links: { e: string; w: number; at: number }[] = [];
  let at = 0;
  for (const e of graph.edges()) {
    const [s, t] = graph.extremities(e);
    const a = graph.getEdgeAttributes(e);
    if (a.kind === 'coauthor' && !hiddenEdges.has(e) && !hiddenNodes.has(s) && !hiddenNodes.has(t))
      links.push({ e, w: strengths?.get(e) ?? a.weight, at: at++ });
  }
  links.sort((x, y) => y.w - x.w || x.at - y.at);
  return { shown: links.length, drawn: new Set(links.slice(0, limit).map((l) => l.e)) };
}

describe('lines drawn (VOSviewer’s Max. lines)', () => {
  const links = profile.filterEdges((_e, a) => a.kind === 'coauthor').length;

  it('draws every link of the embedded profile by default (1,086 links, under auto’s limit)', () => {
    expect(links).toBe(1086);
    expect(links).toBeLessThan(AUTO_LINES);
    expect(drawnLines(profile, none, undefined)).toBeNull();
    expect(drawnLines(profile, none, 'all')).toBeNull();
    expect(drawnLines(profile, none, links)).toBeNull();
  });

  it('draws the strongest N coauthor links, the same ones as a brute-force sort', () => {
    for (const n of [1, 10, 100, 500, links - 1]) {
      const got = drawnLines(profile, none, n)!;
      const want = strongest(profile as unknown as Graph, n, new Set(), new Set());
      expect(got.shown).toBe(links);
      expect(got.drawn.size).toBe(n);
      expect([...got.drawn].sort()).toEqual([...want.drawn].sort());
      // Never an authorship (hub) or affiliation edge: those are always drawn.
      for (const e of got.drawn) expect(profile.getEdgeAttribute(e, 'kind')).toBe('coauthor');
    }
    // The strongest link of the profile is drawn with N = 1.
    const max = Math.max(...profile.filterEdges((_e, a) => a.kind === 'coauthor').map((e) => profile.getEdgeAttribute(e, 'weight')));
    const [only] = drawnLines(profile, none, 1)!.drawn;
    expect(profile.getEdgeAttribute(only, 'weight')).toBe(max);
  });

  it('leaves hidden links and the links of hidden nodes out, and ranks by the lenses’ strengths when given', () => {
    const coauthors = profile.filterEdges((_e, a) => a.kind === 'coauthor');
    const hiddenEdges = new Set(coauthors.slice(0, 300));
    const hiddenNodes = new Set(profile.filterNodes((n, a) => a.kind === 'author' && n < 'a:m'));
    // Strengths that reverse the graph's order: the last links become the strongest.
    const strengths = new Map(coauthors.map((e, i) => [e, i]));
    const got = drawnLines(profile, { hiddenNodes, hiddenEdges, strengths }, 50)!;
    const want = strongest(profile as unknown as Graph, 50, hiddenNodes, hiddenEdges, strengths);
    expect(got.shown).toBe(want.shown);
    expect(got.shown).toBeLessThan(links - 300);
    expect([...got.drawn].sort()).toEqual([...want.drawn].sort());
    for (const e of got.drawn) {
      expect(hiddenEdges.has(e)).toBe(false);
      expect(profile.extremities(e).some((n) => hiddenNodes.has(n))).toBe(false);
    }
  });

  it('auto draws the strongest AUTO_LINES of a bigger graph; equal strengths keep the graph’s order', () => {
    const g = new Graph({ type: 'undirected' });
    for (let i = 0; i < 200; i++) g.addNode(`a:${i}`, { kind: 'author' });
    let k = 0;
    for (let i = 0; i < 200; i++)
      for (let j = i + 1; j < 200 && k < 3000; j++, k++) g.addEdgeWithKey(`e${k}`, `a:${i}`, `a:${j}`, { kind: 'coauthor', weight: k % 7 === 0 ? 2 : 1 });
    const got = drawnLines(asLensGraph(g), none, undefined)!;
    expect(got.shown).toBe(3000);
    expect(got.drawn.size).toBe(AUTO_LINES);
    const want = strongest(g, AUTO_LINES, new Set(), new Set());
    expect([...got.drawn].sort()).toEqual([...want.drawn].sort());
    // Every weight-2 link (429 of them) is drawn; the rest are the first weight-1 links in the graph's order.
    expect(got.drawn.has('e7')).toBe(true);
    expect(got.drawn.has('e1')).toBe(true);
    expect(got.drawn.has('e2999')).toBe(false);
    expect(linesLimit(undefined)).toBe(AUTO_LINES);
    expect(linesLimit('all')).toBe(Infinity);
  });
});

describe('lines in the URL, snapshots and the next workspace', () => {
  it('round-trips lines= (a number or all) and refuses anything else', () => {
    for (const maxLines of [1000, 'all'] as const) {
      const lens = { ...DEFAULT_LENS, maxLines };
      const search = writeLensState(lens, '?author=x');
      expect(search).toContain(`lines=${maxLines}`);
      expect(readLensState(search)).toEqual(lens);
    }
    expect(writeLensState(DEFAULT_LENS, '?lines=500&author=x')).toBe('?author=x');
    for (const bad of ['lines=0', 'lines=-5', 'lines=1.5', 'lines=99999999', 'lines=<b>', 'lines=All'])
      expect(readMapLens(new URLSearchParams(bad))).toEqual({});
  });

  it('a snapshot keeps the lines in `filters`, validated on the way back', () => {
    expect(mapLensFromFilters(JSON.parse(JSON.stringify(mapLensToFilters({ maxLines: 5000 }))))).toEqual({ maxLines: 5000 });
    expect(mapLensFromFilters(mapLensToFilters({ maxLines: 'all' }))).toEqual({ maxLines: 'all' });
    expect(mapLensFromFilters({ maxLines: 'everything' })).toEqual({});
    expect(mapLensFromFilters({ maxLines: 0 })).toEqual({});
  });

  it('carries over to the next workspace unless that one brings its own', () => {
    const previous = { ...DEFAULT_LENS, maxLines: 500 as const };
    expect(lensForNewWorkspace(previous, { kind: 'embedded' } as never).maxLines).toBe(500);
    expect(lensForNewWorkspace(previous, { kind: 'embedded', lens: { maxLines: 'all' } } as never).maxLines).toBe('all');
  });
});
