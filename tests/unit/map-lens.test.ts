import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build';
import { toDisplayGraph } from '../../src/graph/display';
import { indexDataset } from '../../src/graph/dataIndex';
import { resolveDataset } from '../../src/graph/authors';
import { asLensGraph } from '../../src/lenses/filters';
import { filterGraph } from '../../src/lenses/compose';
import { mapLens, mapLensFromFilters, mapLensToFilters, readMapLens } from '../../src/lenses/mapLens';
import { DEFAULT_LENS } from '../../src/lenses/types';
import { readLensState, writeLensState } from '../../src/lenses/url';
import { tableRows } from '../../src/lenses/table';
import { nodesCsv } from '../../src/export/csv';
import { toVosviewerJson } from '../../src/export/vosviewer';
import { createSnapshot, validateSnapshot } from '../../src/export/snapshot';
import { loadDataset } from './helpers';

const full = loadDataset('profile-full.json');
const resolved = resolveDataset(full);
const index = indexDataset(full, resolved);
const display = toDisplayGraph(buildGraph(full, {}, resolved), 'light');
const graph = asLensGraph(display);
const paperSize = (p: string) => index.authorsOf(p).length;
const unfiltered = filterGraph(graph, index, null, 'full', {});

/**
 * Independent answers from the resolved papers (not the graph, not its hubs): with full counting an author's total
 * link strength is Σ over their papers of (authors − 1), with fractional counting the number of their papers with
 * two or more authors; Links is the number of distinct coauthors.
 */
function expected(keep: (key: string) => boolean = () => true) {
  const out = new Map<string, { links: Set<string>; full: number; fractional: number }>();
  for (const p of resolved.papers) {
    const authors = [...new Set(p.authorKeys)].filter(keep);
    for (const a of authors) {
      const e = out.get(a) ?? { links: new Set(), full: 0, fractional: 0 };
      for (const b of authors) if (b !== a) e.links.add(b);
      e.full += authors.length - 1;
      if (authors.length > 1) e.fractional += (authors.length - 1) / (p.authorKeys.length - 1);
      out.set(a, e);
    }
  }
  return out;
}

describe('map lens on the embedded profile', () => {
  it('Links and total link strength of every author match the papers (hub papers included), both countings', () => {
    const want = expected();
    const { strengths } = mapLens(graph, unfiltered, {}, 'full', paperSize);
    expect(strengths.size).toBe(want.size);
    for (const [key, e] of want) {
      const got = strengths.get(`a:${key}`)!;
      expect(got.links, key).toBe(e.links.size);
      expect(got.strength, key).toBeCloseTo(e.full, 9);
    }
    // Fractional counting is a build option: the graph's own coauthor weights are then 1/(n−1) per paper.
    const fg = asLensGraph(toDisplayGraph(buildGraph(full, { counting: 'fractional' }, resolved), 'light'));
    const fractional = mapLens(fg, filterGraph(fg, index, null, 'fractional', {}), {}, 'fractional', paperSize).strengths;
    for (const [key, e] of want) expect(fractional.get(`a:${key}`)!.strength, key).toBeCloseTo(e.fractional, 9);
  });

  it('Links equal the table’s Coauthors (the filters’ ties), and the table carries Links and strength', () => {
    const { strengths, filter } = mapLens(graph, unfiltered, {}, 'full', paperSize);
    const rows = tableRows(graph, filter, index, undefined, strengths);
    expect(rows.length).toBeGreaterThan(700);
    for (const r of rows) {
      expect(r.links, r.label).toBe(r.coauthors);
      expect(r.strength, r.label).toBe(strengths.get(r.node)!.strength);
    }
  });

  it('top N by total link strength after min papers (VOSviewer’s wizard order): the N greatest strengths among authors with ≥ 2 papers', () => {
    const filtered = filterGraph(graph, index, null, 'full', { minPapers: 2 });
    const result = mapLens(graph, filtered, { topStrength: 5 }, 'full', paperSize);
    expect(result.filter.actors).toHaveLength(5);
    const twoPapers = (k: string) => (index.author(k)?.paperIds.length ?? 0) >= 2;
    const strengths = [...expected(twoPapers).values()].map((e) => e.full).sort((a, b) => b - a);
    const kept = result.filter.actors.map((n) => n.slice(2));
    const keptStrengths = kept.map((k) => expected(twoPapers).get(k)!.full).sort((a, b) => b - a);
    expect(keptStrengths).toEqual(strengths.slice(0, 5));
    // The rest is hidden with its edges; Links and strengths are recounted among the five.
    for (const n of filtered.actors) expect(result.filter.hiddenNodes.has(n)).toBe(!result.filter.actors.includes(n));
    const among = expected((k) => kept.includes(k));
    for (const k of kept) expect(result.strengths.get(`a:${k}`)!.strength).toBeCloseTo(among.get(k)!.full, 9);
    display.forEachEdge((e, _a, s, t) => {
      if (result.filter.hiddenNodes.has(s) || result.filter.hiddenNodes.has(t)) expect(result.filter.hiddenEdges.has(e)).toBe(true);
    });
    expect(result.filter.notes.join(' ')).toMatch(/Top 5 of \d+ authors by total link strength/);
  });

  it('normalisation gives every shown coauthor edge a width and a layout weight; none gives neither', () => {
    const none = mapLens(graph, unfiltered, {}, 'full', paperSize);
    expect(none.edgeSizes).toBeUndefined();
    const assoc = mapLens(graph, unfiltered, { normalization: 'association' }, 'full', paperSize);
    const coauthorEdges = display.filterEdges((_e, a) => a.kind === 'coauthor');
    expect(assoc.edgeSizes!.size).toBe(coauthorEdges.length);
    expect(assoc.layoutWeights!.size).toBe(coauthorEdges.length);
    const widths = [...assoc.edgeSizes!.values()];
    expect(Math.max(...widths)).toBeCloseTo(3.5, 9);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(0.4);
    // Association strength and fractionalization rank links differently: their widths differ.
    const frac = mapLens(graph, unfiltered, { normalization: 'fractionalization' }, 'full', paperSize);
    expect(coauthorEdges.some((e) => Math.abs(frac.edgeSizes!.get(e)! - assoc.edgeSizes!.get(e)!) > 0.05)).toBe(true);
  });
});

describe('map lens state in the URL and the snapshot', () => {
  it('round-trips norm= and top= through the lens URL codec, keeping the other parameters', () => {
    const lens = { ...DEFAULT_LENS, minPapers: 2, normalization: 'association' as const, topStrength: 50 };
    const search = writeLensState(lens, '?author=x');
    expect(search).toContain('norm=association');
    expect(search).toContain('top=50');
    expect(search).toContain('author=x');
    expect(readLensState(search)).toEqual(lens);
    expect(writeLensState(DEFAULT_LENS, search)).toBe('?author=x');
  });

  it('refuses values outside the control’s choices', () => {
    expect(readMapLens(new URLSearchParams('norm=<script>&top=0'))).toEqual({});
    expect(readMapLens(new URLSearchParams('norm=none&top=-3'))).toEqual({});
    expect(readMapLens(new URLSearchParams('top=99999999'))).toEqual({});
    expect(readMapLens(new URLSearchParams('norm=fractionalization&top=12'))).toEqual({ normalization: 'fractionalization', topStrength: 12 });
  });

  it('a snapshot keeps the normalisation and top N in `filters`, and gives them back validated', () => {
    const filters = mapLensToFilters({ normalization: 'fractionalization', topStrength: 20 });
    const snap = createSnapshot({
      dataset: full,
      options: {} as never,
      merges: [],
      positions: {},
      camera: { x: 0.5, y: 0.5, ratio: 1, angle: 0 },
      filters,
      selection: null,
    });
    const parsed = JSON.parse(JSON.stringify(snap));
    expect(
      validateSnapshot({ ...parsed, options: { hyperauthorCap: 25, counting: 'full', allPapersAsHubs: false, includeAffiliations: true, seed: 42 } }).ok,
    ).toBe(true);
    expect(mapLensFromFilters(parsed.filters)).toEqual({ normalization: 'fractionalization', topStrength: 20 });
    expect(mapLensFromFilters({ normalization: 'x', topStrength: 1.5 })).toEqual({});
    expect(mapLensToFilters({})).toEqual({});
  });
});

describe('exports carry Links and total link strength', () => {
  it('nodes CSV and the VOSviewer map give each author the values the panel shows', () => {
    const { strengths } = mapLens(graph, unfiltered, {}, 'full', paperSize);
    const g = display as never;
    const csv = nodesCsv(g, undefined, { linkStrengths: strengths }).trim().split('\r\n');
    const head = csv[0].split(',');
    const owner = csv.find((l) => l.startsWith('a:yuchen hao,'))!.split(',');
    const mine = strengths.get('a:yuchen hao')!;
    expect(owner[head.indexOf('links')]).toBe(String(mine.links));
    expect(Number(owner[head.indexOf('totalLinkStrength')])).toBeCloseTo(mine.strength, 4);
    const vos = toVosviewerJson(g, undefined, { linkStrengths: strengths });
    const item = vos.network.items.find((i) => i.label === 'Yuchen Hao')!;
    expect(item.weights).toMatchObject({ Links: mine.links, 'Total link strength': mine.strength });
  });
});
