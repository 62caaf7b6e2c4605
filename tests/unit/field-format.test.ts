/**
 * The field folder as the page reads it (src/field): recognising an index by its content, which tile holds a
 * community, the search shards, and the graphs made of the overview and of one community of a tile.
 */
import { describe, expect, it } from 'vitest';
import { foldName, isFieldIndex, searchShard, shardsOfName, tileFileOf, type FieldIndex, type FieldSearchEntry, type FieldTile } from '../../src/field/format';
import { fieldClusterGraph, fieldOverviewGraph } from '../../src/field/graphs';

const index: FieldIndex = {
  format: 'coauthor-atlas-field',
  version: 1,
  title: 'Test field',
  options: { hyperauthorCap: 2, seed: 42, where: null },
  summary: { works: 4, authorships: 9, authors: 6, edges: 3, clusters: 6, hubs: 1 },
  overview: {
    clusters: [
      { community: 0, label: 'Ana Abe', authors: 3, x: 0, y: 0 },
      { community: 1, label: 'Bo Berg', authors: 1, x: 1, y: 1 },
    ],
    rest: { community: -1, label: '4 smaller groups', authors: 2, x: 2, y: 2 },
    edges: [
      { a: 0, b: 1, weight: 2, fractional: 0.75 },
      { a: -1, b: 0, weight: 1 },
    ],
  },
  tiles: { ownTiles: 2, rest: [{ file: 'clusters/rest-0.json', first: 2, last: 5 }] },
  search: { a: 'search/a.json' },
};

const author = (id: string, label: string, community: number) => ({
  id,
  label,
  community,
  papers: 1,
  firstYear: 2020,
  lastYear: 2021,
  institutions: ['Institute 1'],
  countries: ['US'],
  works: ['W1'],
  x: 0,
  y: 0,
});

/** A rest tile with communities 2 and 3: a pair in 3, one across, and a hub of 3 authors (two of them in 3). */
const tile: FieldTile = {
  format: 'coauthor-atlas-field-tile',
  version: 1,
  communities: [2, 3],
  authors: [author('A1', 'Ana', 3), author('A2', 'Bo', 3), author('A3', 'Chen', 2)],
  edges: [{ a: 'A1', b: 'A2', full: 2, fractional: 1.5, works: ['W1', 'W2'] }],
  hubs: [{ id: 'W9', label: 'A big paper', authorCount: 3, community: 3, authors: ['A1', 'A2'], x: 0, y: 0 }],
};

describe('field folder format', () => {
  it('recognises an index by its format and version, and nothing else', () => {
    expect(isFieldIndex(index)).toBe(true);
    expect(isFieldIndex({ ...index, version: 2 })).toBe(false);
    expect(isFieldIndex({ network: { items: [] } })).toBe(false);
    expect(isFieldIndex(JSON.parse(JSON.stringify(index)))).toBe(true);
  });

  it('finds the tile of a community: its own, a rest tile by range, or none', () => {
    expect(tileFileOf(index, 0)).toBe('clusters/0.json');
    expect(tileFileOf(index, 1)).toBe('clusters/1.json');
    expect(tileFileOf(index, 2)).toBe('clusters/rest-0.json');
    expect(tileFileOf(index, 5)).toBe('clusters/rest-0.json');
    expect(tileFileOf(index, 6)).toBeNull();
    expect(tileFileOf(index, -1)).toBeNull();
  });

  it('shards names by the first letters of their folded words, and searches a shard', () => {
    expect(foldName('Zoltán  Müller-Díaz')).toBe('zoltan muller diaz');
    expect(shardsOfName('Zoltán Müller-Díaz')).toEqual(['z', 'm', 'd']);
    expect(shardsOfName('Øystein 1st')).toEqual(['_', '1']);
    const shard: FieldSearchEntry[] = [
      ['Ana Müller', 'A1', 0],
      ['Müller Ana', 'A2', 1],
      ['Bo Mulan', 'A3', 2],
    ];
    expect(searchShard(shard, 'muller', 10).map((e) => e[1])).toEqual(['A2', 'A1']);
    expect(searchShard(shard, 'mul', 10).map((e) => e[1])).toEqual(['A2', 'A1', 'A3']);
    expect(searchShard(shard, 'ana mu', 10).map((e) => e[1])).toEqual(['A1']);
    expect(searchShard(shard, '', 10)).toEqual([]);
  });

  it('draws the overview: a node per cluster and one for the rest, ties between them', () => {
    const g = fieldOverviewGraph(index);
    expect(g.order).toBe(3);
    expect(g.reduceNodes((s, _n, a) => s + (a.kind === 'cluster' ? a.authorCount : 0), 0)).toBe(6);
    expect(g.size).toBe(2);
    expect(g.getEdgeAttribute('c:0', 'c:1', 'weight')).toBe(2);
    expect(g.getNodeAttribute('c:-1', 'community')).toBe(-1);
    // At the CLI's positions, drawn as they are; the field's works are its papers.
    expect(g.getNodeAttributes('c:1')).toMatchObject({ x: 1, y: 1 });
    expect(g.getAttribute('fieldFolder')).toEqual({ papers: 4 });
  });

  it('weighs the overview’s ties by the counting asked for (full where an older folder has no fractional weight)', () => {
    const g = fieldOverviewGraph(index, 'fractional');
    expect(g.getEdgeAttribute('c:0', 'c:1', 'weight')).toBe(0.75);
    expect(g.getEdgeAttribute('c:-1', 'c:0', 'weight')).toBe(1);
    expect(g.getAttribute('options').counting).toBe('fractional');
  });

  it('counts a community’s papers as the distinct works of its authors', () => {
    const withWorks: FieldTile = { ...tile, authors: tile.authors.map((a, i) => ({ ...a, works: i === 0 ? ['W1', 'W2', 'W9'] : ['W1', 'W9'], x: i, y: -i })) };
    const g = fieldClusterGraph(index, withWorks, 3);
    expect(g.getAttribute('fieldFolder')).toEqual({ papers: 3 });
    expect(g.getNodeAttributes('a:A2')).toMatchObject({ x: 1, y: -1, weights: { Papers: 1 } });
  });

  it('draws one community of a tile: its authors, their pair, its hub linked to its own authors; full or fractional', () => {
    const full = fieldClusterGraph(index, tile, 3);
    expect(full.nodes().sort()).toEqual(['a:A1', 'a:A2', 'p:W9']);
    expect(full.size).toBe(3);
    expect(full.getEdgeAttributes('a:A1', 'a:A2')).toMatchObject({ kind: 'coauthor', weight: 2, paperIds: ['W1', 'W2'] });
    expect(full.getEdgeAttributes('a:A1', 'p:W9')).toMatchObject({ kind: 'authorship', weight: 1 });
    expect(full.getNodeAttributes('a:A1')).toMatchObject({ kind: 'author', label: 'Ana', authorKey: 'A1', affiliations: ['Institute 1', 'Country: US'] });
    const fractional = fieldClusterGraph(index, tile, 3, 'fractional');
    expect(fractional.getEdgeAttribute('a:A1', 'a:A2', 'weight')).toBe(1.5);
    expect(fractional.getEdgeAttribute('a:A1', 'p:W9', 'weight')).toBe(0.5);
    expect(fieldClusterGraph(index, tile, 2).nodes()).toEqual(['a:A3']);
  });
});
