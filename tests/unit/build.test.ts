import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/graph/build';
import { authorNodeId, paperNodeId } from '../../src/graph/types';
import { nameKey } from '../../src/model/names';
import type { Dataset } from '../../src/model/types';
import { loadDataset } from './helpers';

const full = loadDataset('profile-full.json');
const shown = loadDataset('profile-shown.json');

/** An independent count, straight from the raw lists: distinct folded names after the alias list. */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
function independentKey(ds: Dataset): (name: string) => string {
  const alias = new Map(ds.aliases.map((a) => [fold(a.from), fold(a.to)]));
  return (name) => alias.get(fold(name)) ?? fold(name);
}
function independentAuthorKeys(ds: Dataset): Set<string> {
  const key = independentKey(ds);
  return new Set(ds.papers.flatMap((p) => p.authors.map((a) => key(a.name))));
}

const count = (g: ReturnType<typeof buildGraph>, kind: string, what: 'node' | 'edge') => {
  let n = 0;
  if (what === 'node')
    g.forEachNode((_k, a) => {
      if (a.kind === kind) n++;
    });
  else
    g.forEachEdge((_k, a) => {
      if (a.kind === kind) n++;
    });
  return n;
};

describe('buildGraph on the embedded profile', () => {
  const g = buildGraph(full);

  it('has one author node per distinct person (757 names less the alias merges)', () => {
    const expected = independentAuthorKeys(full).size;
    expect(expected).toBe(755);
    expect(count(g, 'author', 'node')).toBe(expected);
  });

  it('turns the 3 papers above the cap of 25 into hubs linked to each author', () => {
    expect(count(g, 'paper', 'node')).toBe(3);
    const llama = full.papers.find((p) => p.title.startsWith('The Llama 3'))!;
    // 559 entries, 2 names listed twice, 1 alias pair (Adi/Adithya) on the same paper
    const distinct = new Set(llama.authors.map((a) => nameKey(a.name === 'Adi Gangidi' ? 'Adithya Gangidi' : a.name)));
    expect(g.degree(paperNodeId(llama.id))).toBe(distinct.size);
  });

  it('expands papers under the cap into cliques: coauthor edges = distinct pairs over those papers', () => {
    const pairs = new Set<string>();
    let pairSum = 0;
    const key = independentKey(full);
    for (const p of full.papers) {
      const keys = [...new Set([...p.authors.map((a) => key(a.name)), key('Yuchen Hao')])];
      if (keys.length > 25) continue;
      pairSum += (keys.length * (keys.length - 1)) / 2;
      for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) pairs.add([keys[i], keys[j]].sort().join('|'));
    }
    expect(count(g, 'coauthor', 'edge')).toBe(pairs.size);
    let weightSum = 0;
    g.forEachEdge((_e, a) => {
      if (a.kind === 'coauthor') weightSum += a.weight;
    });
    expect(weightSum).toBe(pairSum); // full counting: each paper adds n(n-1)/2 units of weight
    expect(pairs.size).toBeGreaterThan(1000);
    expect(pairs.size).toBeLessThan(1200);
  });

  it('counts shared papers of two named authors on the edge', () => {
    const a = authorNodeId(nameKey('Buyun Zhang'));
    const b = authorNodeId(nameKey('Liang Luo'));
    const expected = full.papers
      .filter((p) => p.authors.length <= 25 && p.authors.some((x) => x.name === 'Buyun Zhang') && p.authors.some((x) => x.name === 'Liang Luo'))
      .map((p) => p.id);
    expect(expected.length).toBeGreaterThan(1);
    const edge = g.getEdgeAttributes(g.edge(a, b)!);
    expect(edge.paperIds).toEqual(expected);
    expect(edge.weight).toBe(expected.length);
  });

  it('merges aliases and labels with the most common spelling', () => {
    const ellie = g.getNodeAttributes(authorNodeId(nameKey('Ellie Wen')));
    expect(ellie.kind).toBe('author');
    expect(g.hasNode(authorNodeId(nameKey('Ellie Dingqiao Wen')))).toBe(false);
    if (ellie.kind === 'author') {
      expect([...ellie.spellings].sort()).toEqual(['Ellie Dingqiao Wen', 'Ellie Wen']);
      const counts = new Map<string, number>();
      for (const p of full.papers) for (const x of p.authors) if (x.name.startsWith('Ellie')) counts.set(x.name, (counts.get(x.name) ?? 0) + 1);
      const top = [...counts.entries()].sort((p, q) => q[1] - p[1])[0][0];
      expect(ellie.label).toBe(top);
    }
  });

  it('links the owner to all 12 papers and marks them', () => {
    const owner = g.getNodeAttributes(authorNodeId(nameKey('Yuchen Hao')));
    expect(owner.kind === 'author' && owner.isOwner).toBe(true);
    if (owner.kind === 'author') expect(owner.paperIds).toHaveLength(12);
  });

  it('adds affiliation nodes linked to their authors (WLB-LLM)', () => {
    const meta = g.filterNodes((_n, a) => a.kind === 'affiliation' && a.label === 'Meta');
    expect(meta).toHaveLength(1);
    expect(g.degree(meta[0])).toBe(full.papers.find((p) => p.title.startsWith('WLB'))!.authors.filter((a) => a.affiliations?.includes('Meta')).length);
  });

  it('uses fractional counting when asked: 1/(n-1) per paper', () => {
    const fg = buildGraph(full, { counting: 'fractional' });
    const fsdp = full.papers.find((p) => p.title.startsWith('PyTorch FSDP'))!;
    const [x, y] = fsdp.authors.slice(0, 2).map((a) => authorNodeId(nameKey(a.name)));
    const edge = fg.getEdgeAttributes(fg.edge(x, y)!);
    const expected = edge.paperIds.reduce((s, id) => s + 1 / (new Set(full.papers.find((p) => p.id === id)!.authors.map((a) => nameKey(a.name))).size - 1), 0);
    expect(edge.weight).toBeCloseTo(expected, 12);
    expect(edge.weight).toBeLessThan(edge.paperIds.length);
  });

  it('shows every paper as a hub when asked, with no coauthor edges', () => {
    const hg = buildGraph(full, { allPapersAsHubs: true });
    expect(count(hg, 'paper', 'node')).toBe(12);
    expect(count(hg, 'coauthor', 'edge')).toBe(0);
  });

  it('is deterministic: same input and options give the same graph, communities and positions', () => {
    const again = buildGraph(full);
    expect(again.export()).toEqual(g.export());
    expect(g.getAttribute('communityCount')).toBeGreaterThan(1);
    const other = buildGraph(full, { seed: 7 });
    let moved = 0;
    other.forEachNode((n, a) => {
      if (a.x !== g.getNodeAttribute(n, 'x')) moved++;
    });
    expect(moved).toBeGreaterThan(0);
  });

  it('links the owner to truncated papers of the shown profile', () => {
    const sg = buildGraph(shown);
    const owner = sg.getNodeAttributes(authorNodeId(nameKey('Yuchen Hao')));
    if (owner.kind !== 'author') throw new Error('owner missing');
    expect(owner.paperIds).toHaveLength(12);
    // 12 papers × 3 shown authors; the owner is shown once (seed-12) and added to the 11 others.
    const shownKeys = new Set(shown.papers.flatMap((p) => p.authors.map((a) => nameKey(a.name))));
    shownKeys.add(nameKey('Yuchen Hao'));
    expect(count(sg, 'author', 'node')).toBe(shownKeys.size);
  });
});
