/**
 * The CLI's positions (scripts/field/layout.ts): each community laid out by a seeded ForceAtlas2, the same whatever
 * order the ties come in, and in the folder's tiles a real layout (coauthors drawn closer than any two members).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { iterationsFor, layOutCommunities } from '../../scripts/field/layout';
import { layOutCommunitiesInParallel } from '../../scripts/field/layout-parallel';
import { runField } from '../../scripts/field/pipeline';
import { makeSnapshot } from '../bench/make-snapshot';
import type { FieldTile } from '../../src/field/format';

const root = mkdtempSync(join(tmpdir(), 'field-layout-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * Mean distance over the tied pairs (weighted by their shared works), and over every pair of members: a random scatter
 * gives both the same; a layout draws coauthors closer.
 */
function spread(points: Map<string, { x: number; y: number }>, ties: [string, string, number][]) {
  const d = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
  const list = [...points.values()];
  let all = 0;
  let n = 0;
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) {
      all += d(list[i], list[j]);
      n++;
    }
  const tied = ties.reduce((s, [a, b, w]) => s + w * d(points.get(a)!, points.get(b)!), 0) / ties.reduce((s, t) => s + t[2], 0);
  return { tied, all: all / n };
}

/** Two communities of 60 nodes: each a ring with chords (seeded), plus a few ties between them. */
function twoGroups(seed: number) {
  const rng = seedrandom(String(seed));
  const n = 120;
  const community = new Int32Array(n).map((_x, v) => (v < 60 ? 0 : 1));
  const edges: [number, number, number][] = [];
  for (let g = 0; g < 2; g++)
    for (let k = 0; k < 60; k++) {
      edges.push([g * 60 + k, g * 60 + ((k + 1) % 60), 1]);
      edges.push([g * 60 + k, g * 60 + Math.floor(rng() * 60), 1 + Math.floor(rng() * 3)]);
    }
  edges.push([0, 60, 1], [10, 70, 1]);
  return { n, community, edges };
}

const arrays = (edges: [number, number, number][]): [Int32Array, Int32Array, Float64Array] => [
  Int32Array.from(edges.map((e) => e[0])),
  Int32Array.from(edges.map((e) => e[1])),
  Float64Array.from(edges.map((e) => e[2])),
];

describe('layOutCommunities', () => {
  const { n, community, edges } = twoGroups(5);

  it('lays each community out around (0, 0), ties closer than members on average', () => {
    const { x, y, work } = layOutCommunities(n, ...arrays(edges), community, 42);
    expect(work).toBe(n * iterationsFor(60));
    for (const c of [0, 1]) {
      const members = [...Array(n).keys()].filter((v) => community[v] === c);
      const points = new Map(members.map((v) => [String(v), { x: x[v], y: y[v] }]));
      const cx = members.reduce((s, v) => s + x[v], 0) / members.length;
      const cy = members.reduce((s, v) => s + y[v], 0) / members.length;
      expect(Math.abs(cx)).toBeLessThan(1e-3);
      expect(Math.abs(cy)).toBeLessThan(1e-3);
      const own = edges
        .filter(([a, b]) => community[a] === c && community[b] === c && a !== b)
        .map(([a, b, w]) => [String(a), String(b), w] as [string, string, number]);
      const { tied, all } = spread(points, own);
      expect(tied).toBeLessThan(0.6 * all);
    }
  });

  it('is the same for the same seed whatever order the ties come in, and differs with the seed', () => {
    const a = layOutCommunities(n, ...arrays(edges), community, 42);
    const shuffled = [...edges].reverse().map(([s, t, w], i) => (i % 2 ? [t, s, w] : [s, t, w]) as [number, number, number]);
    const b = layOutCommunities(n, ...arrays(shuffled), community, 42);
    expect(Array.from(b.x)).toEqual(Array.from(a.x));
    expect(Array.from(b.y)).toEqual(Array.from(a.y));
    const c = layOutCommunities(n, ...arrays(edges), community, 7);
    expect(Array.from(c.x)).not.toEqual(Array.from(a.x));
  });

  it('gives the same positions on worker threads as on one', async () => {
    const one = layOutCommunities(n, ...arrays(edges), community, 42);
    const two = await layOutCommunitiesInParallel(n, ...arrays(edges), community, 42, 2, 0);
    expect(two.threads).toBe(2);
    expect(two.work).toBe(one.work);
    expect(Array.from(two.x)).toEqual(Array.from(one.x));
    expect(Array.from(two.y)).toEqual(Array.from(one.y));
  });

  it('runs fewer iterations as communities grow, none for one or two nodes', () => {
    expect(iterationsFor(1)).toBe(0);
    expect(iterationsFor(2)).toBe(0);
    const sizes = [3, 100, 101, 1_000, 1_001, 10_000, 10_001, 1_000_000];
    const its = sizes.map(iterationsFor);
    for (let i = 1; i < its.length; i++) expect(its[i]).toBeLessThanOrEqual(its[i - 1]);
    expect(its.at(-1)).toBeGreaterThan(0);
  });
});

describe('the folder’s positions', () => {
  it('are a layout in every tile: coauthors closer than two members at random', async () => {
    const snapshot = join(root, 'snapshot');
    await makeSnapshot({ out: snapshot, works: 500, authors: 300, seed: 11, hyperShare: 0.02 });
    const out = join(root, 'out');
    await runField({ works: `${snapshot}/works/updated_date=*/part_*.gz`, out });
    const tiles = readdirSync(join(out, 'clusters')).map((f) => JSON.parse(readFileSync(join(out, 'clusters', f), 'utf8')) as FieldTile);
    const ratios: number[] = [];
    for (const tile of tiles)
      for (const c of tile.communities) {
        const authors = tile.authors.filter((a) => a.community === c);
        for (const node of [...authors, ...tile.hubs]) expect(Number.isFinite(node.x) && Number.isFinite(node.y)).toBe(true);
        if (authors.length < 20) continue;
        const points = new Map(authors.map((a) => [a.id, { x: a.x, y: a.y }]));
        const ties = tile.edges.filter((e) => points.has(e.a)).map((e) => [e.a, e.b, e.full] as [string, string, number]);
        const { tied, all } = spread(points, ties);
        // A random scatter gives ~1 (the CLI's positions before it laid clusters out); these groups are dense.
        expect(tied / all, `community ${c}`).toBeLessThan(0.9);
        ratios.push(tied / all);
      }
    expect(ratios.length).toBeGreaterThan(2);
    expect(ratios.reduce((s, r) => s + r, 0) / ratios.length).toBeLessThan(0.8);
  });
});
