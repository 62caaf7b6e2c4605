import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build';
import { resolveDataset } from '../../src/graph/authors';
import { DEFAULT_BUILD_OPTIONS, authorNodeId } from '../../src/graph/types';
import { parseInput } from '../../src/import';
import type { Dataset } from '../../src/model/types';
import { syntheticItems } from '../bench/synthetic';

/**
 * buildGraph saves memory by sharing lists (BENCHMARKS.md, "where the memory goes"): coauthor pairs that met on one
 * paper share that paper's frozen list, a hub's edges share one, authors without affiliations share one frozen empty
 * list. These tests check that the lists still say what they said before (against an independent computation from
 * the resolved papers) and that a shared list cannot be changed through one edge.
 */
const dataset: Dataset = {
  id: 'synthetic',
  title: 'synthetic',
  papers: parseInput(JSON.stringify(syntheticItems(6_000, 3)), 'csl-json').papers,
  aliases: [],
};
const resolved = resolveDataset(dataset);
const graph = buildGraph(dataset, {}, resolved);

/** Each pair's shared papers in paper order, from the resolved papers alone (hub papers excluded). */
function independentPairPapers(): Map<string, string[]> {
  const pairs = new Map<string, string[]>();
  for (const { paper, authorKeys } of resolved.papers) {
    if (authorKeys.length > DEFAULT_BUILD_OPTIONS.hyperauthorCap) continue;
    for (let i = 0; i < authorKeys.length; i++) {
      for (let j = i + 1; j < authorKeys.length; j++) {
        const [a, b] = [authorNodeId(authorKeys[i]), authorNodeId(authorKeys[j])].sort();
        const key = `${a}|${b}`;
        const list = pairs.get(key);
        if (list) list.push(paper.id);
        else pairs.set(key, [paper.id]);
      }
    }
  }
  return pairs;
}

describe('buildGraph: shared paper lists', () => {
  it('gives every coauthor edge the papers its two authors share, in paper order', () => {
    const expected = independentPairPapers();
    let coauthorEdges = 0;
    graph.forEachEdge((_edge, attrs, source, target) => {
      if (attrs.kind !== 'coauthor') return;
      coauthorEdges++;
      const [a, b] = [source, target].sort();
      expect(attrs.paperIds).toEqual(expected.get(`${a}|${b}`));
      expect(attrs.weight).toBe(attrs.paperIds.length);
    });
    expect(coauthorEdges).toBe(expected.size);
    expect(coauthorEdges).toBeGreaterThan(5_000);
  });

  it('shares one frozen list among the pairs that met on one paper only, and gives pairs of several papers lists of their own', () => {
    const singleByPaper = new Map<string, string[]>();
    const multi = new Set<string[]>();
    let shared = 0;
    graph.forEachEdge((_edge, attrs) => {
      if (attrs.kind !== 'coauthor') return;
      const list = attrs.paperIds;
      if (list.length === 1) {
        expect(Object.isFrozen(list)).toBe(true);
        const before = singleByPaper.get(list[0]);
        if (before) {
          expect(list).toBe(before);
          shared++;
        } else singleByPaper.set(list[0], list);
      } else {
        expect(Object.isFrozen(list)).toBe(false);
        expect(multi.has(list)).toBe(false);
        multi.add(list);
      }
    });
    expect(shared).toBeGreaterThan(1_000);
    expect(multi.size).toBeGreaterThan(100);
    const someShared = singleByPaper.values().next().value!;
    expect(() => someShared.push('another paper')).toThrow(TypeError);
  });

  it("shares one frozen list of the hub's paper among a hub's edges", () => {
    const byHub = new Map<string, string[]>();
    graph.forEachEdge((_edge, attrs, _source, target) => {
      if (attrs.kind !== 'authorship') return;
      const hub = graph.getNodeAttributes(target);
      expect(hub.kind).toBe('paper');
      if (hub.kind !== 'paper') return;
      expect(attrs.paperIds).toEqual([hub.paperId]);
      expect(Object.isFrozen(attrs.paperIds)).toBe(true);
      const before = byHub.get(target);
      if (before) expect(attrs.paperIds).toBe(before);
      else byHub.set(target, attrs.paperIds);
    });
    expect(byHub.size).toBeGreaterThan(0);
  });

  it("keeps each author's lists as collected: papers in paper order, no affiliations as one frozen empty list", () => {
    const papersOf = new Map<string, string[]>();
    for (const { paper, authorKeys } of resolved.papers) for (const key of authorKeys) papersOf.set(key, [...(papersOf.get(key) ?? []), paper.id]);
    let empties: string[] | undefined;
    for (const author of resolved.authors.values()) {
      expect(author.paperIds).toEqual(papersOf.get(author.key));
      expect(author.affiliations).toEqual([]);
      empties ??= author.affiliations;
      expect(author.affiliations).toBe(empties);
    }
    expect(Object.isFrozen(empties)).toBe(true);
    const first = resolved.authors.values().next().value!;
    const node = graph.getNodeAttributes(authorNodeId(first.key));
    expect(node.kind === 'author' && node.paperIds).toBe(first.paperIds);
  });
});
