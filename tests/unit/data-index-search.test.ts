import { describe, expect, it } from 'vitest';
import { indexDataset } from '../../src/graph/dataIndex';
import { parseInput } from '../../src/import';
import { syntheticItems } from '../bench/synthetic';

describe('search over a big dataset', () => {
  const dataset = { id: 's', title: 's', papers: parseInput(JSON.stringify(syntheticItems(20_000, 11)), 'csl-json').papers, aliases: [] };
  const queries = ['a', 'e', 'an', 'li', 'wang', 'son', 'zz', 'the'];

  it('gives the first hits of the whole ranked list (the shortcut past the limit changes no answer)', () => {
    const index = indexDataset(dataset);
    for (const q of queries) {
      const all = index.search(q, Number.MAX_SAFE_INTEGER);
      for (const limit of [1, 12, 50]) expect(index.search(q, limit)).toEqual(all.slice(0, limit));
    }
    // A one-letter query matches thousands here, ties of rank included.
    expect(index.search('a', Number.MAX_SAFE_INTEGER).length).toBeGreaterThan(1_000);
  });

  it('answers the same after its keys were folded a slice at a time', () => {
    const fresh = indexDataset(dataset);
    const warmed = indexDataset(dataset);
    let slices = 0;
    while (!warmed.prepareSearch(1_000)) slices++;
    // Every author and every paper folded once: (authors + papers) / 1,000 slices.
    expect(slices).toBe(Math.ceil((warmed.resolved.authors.size + dataset.papers.length) / 1_000) - 1);
    expect(warmed.prepareSearch(1_000)).toBe(true);
    for (const q of queries) expect(warmed.search(q)).toEqual(fresh.search(q));
    // Half folded, then searched: the search folds the rest.
    const half = indexDataset(dataset);
    half.prepareSearch(5_000);
    for (const q of queries) expect(half.search(q)).toEqual(fresh.search(q));
  });
});
