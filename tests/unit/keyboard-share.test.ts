import { describe, expect, it } from 'vitest';
import { pickInDirection, startNode } from '../../src/view/controllers/keyboardNav';
import { decodeShareLink, encodeShareLink, encodeShareLinkFitting, roundedPositions } from '../../src/export/shareLink';
import { createSnapshot } from '../../src/export/snapshot';
import { DEFAULT_BUILD_OPTIONS } from '../../src/graph/types';
import { buildGraph } from '../../src/graph/build';
import { toDisplayGraph } from '../../src/graph/display';
import { indexDataset } from '../../src/graph/dataIndex';
import { resolveDataset } from '../../src/graph/authors';
import { describeNode } from '../../src/app/describeNode';
import { loadDataset } from './helpers';

describe('keyboard moves in the graph', () => {
  // Screen coordinates: y grows downwards.
  const from = { x: 0, y: 0 };
  const around = [
    { id: 'east', x: 10, y: 1 },
    { id: 'far-east', x: 40, y: 0 },
    { id: 'north', x: 0, y: -10 },
    { id: 'south-west', x: -8, y: 9 },
    { id: 'east-ish-near', x: 5, y: 7 },
  ];

  it('goes to the neighbour that lies that way, preferring one straight ahead', () => {
    expect(pickInDirection(from, around, 'right')).toBe('east');
    expect(pickInDirection(from, around, 'up')).toBe('north');
    // south-west is 48° off "down", east-ish-near 35.5° off: both within 60°, the nearer-and-straighter wins.
    expect(pickInDirection(from, around, 'down')).toBe('east-ish-near');
    expect(pickInDirection(from, around, 'left')).toBe('south-west');
  });

  it('goes nowhere when nothing lies within 60° of the arrow', () => {
    expect(pickInDirection(from, [{ id: 'n', x: 0, y: -5 }], 'right')).toBeNull();
    expect(pickInDirection(from, [{ id: 'same', x: 0, y: 0 }], 'left')).toBeNull();
    expect(pickInDirection(from, [], 'up')).toBeNull();
  });

  it('breaks ties by id, so the same screen always gives the same move', () => {
    const twins = [
      { id: 'b', x: 10, y: 2 },
      { id: 'a', x: 10, y: -2 },
    ];
    expect(pickInDirection(from, twins, 'right')).toBe('a');
    expect(pickInDirection(from, [...twins].reverse(), 'right')).toBe('a');
  });

  it('starts on the selected node, else the best connected author', () => {
    const nodes = [
      { id: 'p:hub', degree: 500, isAuthor: false },
      { id: 'a:owner', degree: 90, isAuthor: true },
      { id: 'a:other', degree: 12, isAuthor: true },
    ];
    expect(startNode(nodes, null)).toBe('a:owner');
    expect(startNode(nodes, 'a:other')).toBe('a:other');
    expect(startNode(nodes, 'a:gone')).toBe('a:owner');
    expect(startNode([{ id: 'p:only', degree: 3, isAuthor: false }], null)).toBe('p:only');
    expect(startNode([], null)).toBeNull();
  });
});

describe('share links that fit', () => {
  const view = (n: number) =>
    createSnapshot({
      createdAt: '2025-01-02T03:04:05.000Z',
      datasetRef: 'embedded-full',
      dataset: { id: 'embedded-full', title: 'Profile', papers: [], aliases: [] },
      options: { ...DEFAULT_BUILD_OPTIONS },
      merges: [],
      // Positions that do not compress away.
      positions: Object.fromEntries(
        Array.from({ length: n }, (_, i) => [`a:author ${i}`, [Math.sin(i) * 1234.5678, Math.cos(i * 1.7) * 987.6543] as [number, number]]),
      ),
      camera: { x: 0.4, y: 0.6, ratio: 0.5, angle: 0 },
      filters: {},
      selection: { kind: 'author', key: 'author 3' },
    });

  it('keeps rounded positions when they fit', () => {
    const enc = encodeShareLinkFitting(view(5), 2_000);
    expect(enc.ok && enc.positions).toBe(true);
    const back = enc.ok ? decodeShareLink(enc.hash) : null;
    expect(back?.ok && back.snapshot.positions['a:author 1']).toEqual(roundedPositions(view(5).positions)['a:author 1']);
  });

  it('leaves the positions out when they would pass the limit, keeping the view', () => {
    const s = view(1_000);
    expect(encodeShareLink(s, 2_000).ok).toBe(false);
    const enc = encodeShareLinkFitting(s, 2_000);
    expect(enc.ok).toBe(true);
    expect(enc.ok && enc.hash.length).toBeLessThan(2_000);
    const back = enc.ok ? decodeShareLink(enc.hash) : null;
    expect(back?.ok && back.snapshot).toMatchObject({ positions: {}, camera: s.camera, selection: s.selection, datasetRef: 'embedded-full' });
  });

  it('refuses, with the size, when even the view does not fit', () => {
    const enc = encodeShareLinkFitting(view(1_000), 50);
    expect(enc).toMatchObject({ ok: false, reason: 'too-large', limit: 50 });
    expect(!enc.ok && enc.size).toBeGreaterThan(50);
  });
});

describe('what the live region says about a node', () => {
  const full = loadDataset('profile-full.json');
  const resolved = resolveDataset(full);
  const index = indexDataset(full, resolved);
  const display = toDisplayGraph(buildGraph(full, {}, resolved), 'light');
  const canonical = new Map(full.aliases.map((a) => [a.from, a.to]));
  const nameOf = (n: string) => canonical.get(n) ?? n;

  it('an author: name, coauthors and papers counted from the raw author lists (hub papers included)', () => {
    // Liang Luo: every paper with that name; coauthors are the other distinct (alias-merged) names on them.
    const papers = full.papers.filter((p) => p.authors.some((a) => nameOf(a.name) === 'Liang Luo'));
    const coauthors = new Set(papers.flatMap((p) => p.authors.map((a) => nameOf(a.name))));
    coauthors.delete('Liang Luo');
    expect(papers.length).toBeGreaterThan(1);
    expect(describeNode(display, index, 'a:liang luo')).toBe(`Liang Luo, ${coauthors.size} coauthors, ${papers.length} papers`);
  });

  it('a paper hub: its title and distinct authors; an unknown node: nothing', () => {
    const llama = full.papers.find((p) => p.id === 'seed-01')!;
    const authors = new Set(llama.authors.map((a) => nameOf(a.name))).size;
    expect(describeNode(display, index, 'p:seed-01')).toBe(`${llama.title}, paper, ${authors} authors`);
    expect(describeNode(display, index, 'a:nobody here')).toBe('');
  });
});
