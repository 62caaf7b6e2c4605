import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build';
import { toDisplayGraph } from '../../src/graph/display';
import { indexDataset } from '../../src/graph/dataIndex';
import { resolveDataset } from '../../src/graph/authors';
import { summariseClusters } from '../../src/graph/clusters';
import { COLOUR_NAMES, communityColour, HUB_COLOUR, OTHER_CLUSTER_COLOUR } from '../../src/graph/palette';
import { asLensGraph } from '../../src/lenses/filters';
import { filterGraph, styleLens } from '../../src/lenses/compose';
import { visiblePapers } from '../../src/lenses/papers';
import { visibleSummary } from '../../src/lenses/visibleSummary';
import { legendEntries } from '../../src/export/scope';
import { DEFAULT_LENS } from '../../src/lenses/types';
import { loadDataset } from './helpers';

const full = loadDataset('profile-full.json');
const resolved = resolveDataset(full);
const index = indexDataset(full, resolved);
const source = buildGraph(full, {}, resolved);
const display = toDisplayGraph(source, 'light');
const graph = asLensGraph(display);
const clusters = summariseClusters(source);

// Independent identity from the raw lists: folded names after the alias list; the owner is on every paper.
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const alias = new Map((full.aliases ?? []).map((a) => [fold(a.from), fold(a.to)]));
const key = (n: string) => alias.get(fold(n)) ?? fold(n);
const papersPerAuthor = new Map<string, number>();
for (const p of full.papers) {
  const keys = new Set(p.authors.map((a) => key(a.name)));
  keys.add(key(full.owner!));
  for (const k of keys) papersPerAuthor.set(k, (papersPerAuthor.get(k) ?? 0) + 1);
}

describe('the side panel counts what is drawn', () => {
  it('no filter: every author, coauthor link and hub; every cluster with its size', () => {
    const f = filterGraph(graph, index, null, 'full', {});
    const s = visibleSummary(display, clusters, f.hiddenNodes, f.hiddenEdges);
    expect(s.filtered).toBe(false);
    expect(s.authors).toBe(papersPerAuthor.size);
    expect(s.clusters.map((c) => c.shown)).toEqual(clusters.map((c) => c.size));
  });

  it('Min papers 2: the authors with two papers or more, clusters counted by their kept authors', () => {
    const f = filterGraph(graph, index, null, 'full', { minPapers: 2 });
    const s = visibleSummary(display, clusters, f.hiddenNodes, f.hiddenEdges);
    const expected = [...papersPerAuthor.values()].filter((n) => n >= 2).length;
    expect(s.filtered).toBe(true);
    expect(s.authors).toBe(expected);
    expect(s.authors).toBeLessThan(80);
    expect(s.clusters.reduce((sum, c) => sum + c.shown, 0)).toBe(expected);
    expect(s.clusters.every((c) => c.shown > 0 && c.shown <= c.size)).toBe(true);
    // Coauthor links between two kept authors, counted from the graph itself.
    let links = 0;
    display.forEachEdge((e, a, x, y) => {
      if (a.kind === 'coauthor' && !f.hiddenEdges.has(e) && (papersPerAuthor.get(x.slice(2)) ?? 0) >= 2 && (papersPerAuthor.get(y.slice(2)) ?? 0) >= 2) links++;
    });
    expect(s.coauthorLinks).toBe(links);
  });

  it('one cluster drilled into: its own authors and the links between them, that one cluster alone', () => {
    const cluster = clusters[1];
    const members = new Set(cluster.nodes);
    const s = visibleSummary(display, clusters, new Set(), new Set(), (n) => members.has(n));
    expect(s.filtered).toBe(true);
    expect(s.authors).toBe(cluster.nodes.filter((n) => n.startsWith('a:')).length);
    expect(s.clusters.map((c) => [c.community, c.shown])).toEqual([[cluster.community, s.authors]]);
    let links = 0;
    display.forEachEdge((_e, a, x, y) => {
      if (a.kind === 'coauthor' && members.has(x) && members.has(y)) links++;
    });
    expect(s.coauthorLinks).toBe(links);
  });
});

describe('sizes under a year range keep the whole graph’s scale', () => {
  it('each kept author is at most its unfiltered size; one with all its papers kept keeps its size', () => {
    const papers = visiblePapers(full.papers, { ...DEFAULT_LENS, years: [2025, 2026] });
    const f = filterGraph(graph, index, papers, 'full', {});
    const style = styleLens({ graph, filter: f, papersFiltered: true, colorBy: 'community', sizeBy: 'papers' });
    const sizes = style.nodeSizes!;
    expect(sizes.size).toBe(f.actors.length);
    let unchanged = 0;
    for (const [n, size] of sizes) {
      const attrs = display.getNodeAttributes(n);
      const whole = attrs.size;
      expect(size).toBeLessThanOrEqual(whole + 1e-9);
      if (attrs.kind === 'author' && f.papersOf(n).length === attrs.paperIds.length) {
        expect(size).toBeCloseTo(whole, 9);
        unchanged++;
      }
    }
    expect(unchanged).toBeGreaterThan(0);
  });
});

describe('palette and legend words agree', () => {
  it('hubs, the eighth cluster and the clusters past it are three different colours in each theme', () => {
    for (const theme of ['light', 'dark'] as const) {
      const c = communityColour(theme);
      const colours = [HUB_COLOUR[theme], c(7), c(8), OTHER_CLUSTER_COLOUR[theme]];
      expect(c(8)).toBe(OTHER_CLUSTER_COLOUR[theme]);
      expect(new Set(colours.slice(0, 3)).size).toBe(3);
      // Far enough apart in lightness to tell apart (greys: one channel tells the lightness).
      const light = (hex: string) => parseInt(hex.slice(1, 3), 16);
      const [hub, eighth, rest] = colours.slice(0, 3).map(light);
      expect(Math.min(Math.abs(hub - eighth), Math.abs(hub - rest), Math.abs(eighth - rest))).toBeGreaterThanOrEqual(40);
    }
    expect(COLOUR_NAMES.light.eighth).toBe('black');
    expect(communityColour('light')(7)).toBe('#000000');
    expect(COLOUR_NAMES.dark.eighth).toBe('white');
    expect(communityColour('dark')(7)).toBe('#ffffff');
  });

  it('the PNG legend says "1 more cluster" for one, "N more clusters" for more', () => {
    expect(clusters.length).toBe(9);
    expect(legendEntries(clusters, display, 'light').map((e) => e.label)).toContain('1 more cluster');
    expect(legendEntries(clusters, display, 'light', { max: 7 }).map((e) => e.label)).toContain('2 more clusters');
  });

  it('shared papers are listed newest first', () => {
    const owner = key(full.owner!);
    for (const co of index.coauthorsOf(owner).slice(0, 20)) {
      const dates = index.sharedPapers(owner, co.key).map((p) => p.date ?? '');
      expect(dates).toEqual([...dates].sort().reverse());
    }
    expect(index.sharedPapers(owner, 'liang luo').length).toBeGreaterThan(2);
  });
});
