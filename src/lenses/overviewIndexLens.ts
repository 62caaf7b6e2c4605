/** The filter lenses answered from the compact overview index (overviewIndex.ts): masks, then sums per cluster. */
import type { Counting } from '../graph/types';
import { clusterResult, isActive, type OverviewLensResult } from './overviewLens';
import type { FilterLens } from './compose';
import type { OverviewIndex } from './overviewIndex';
import { topByStrength, type LinkStrength } from './linkStrength';

export interface LensMasks {
  keptPaper: Uint8Array;
  visible: Uint8Array;
  edgeKept: Uint8Array;
  edgeKeptWeight: Float64Array;
  hubKept: Uint8Array;
}

/** An author's affiliations by its index in the overview index (the index keeps no strings: the page's graph has them). */
export type AffiliationsOf = (author: number) => readonly string[];

/**
 * Which papers, authors, ties and hub memberships a lens keeps (steps 1–4 of overviewLens). The affiliation filter
 * needs `affiliationsOf` (see indexAnswers).
 */
export function lensMasks(ix: OverviewIndex, papers: Set<string> | null, f: FilterLens, counting: Counting, affiliationsOf?: AffiliationsOf): LensMasks {
  if (f.affiliation && !affiliationsOf) throw new Error("the affiliation filter needs the authors' affiliations");
  const nPapers = ix.papers.length;
  const keptPaper = new Uint8Array(nPapers);
  for (let p = 0; p < nPapers; p++) keptPaper[p] = papers === null || papers.has(ix.papers[p]) ? 1 : 0;
  const minPapers = f.minPapers ?? 0;
  const minShared = Math.max(1, f.minShared ?? 1);
  const nAuthors = ix.authorCluster.length;

  // 1. Authors kept by their papers and affiliation.
  const visible = new Uint8Array(nAuthors);
  for (let a = 0; a < nAuthors; a++) {
    if (f.affiliation && !affiliationsOf!(a).includes(f.affiliation)) continue;
    let count = 0;
    for (let k = ix.authorPaperStart[a]; k < ix.authorPaperStart[a + 1]; k++) count += keptPaper[ix.authorPaperList[k]];
    if (papers !== null && count === 0) continue;
    if (minPapers > 1 && count < minPapers) continue;
    visible[a] = 1;
  }

  // 2. Ties from kept papers.
  const nEdges = ix.edgeA.length;
  const edgeKept = new Uint8Array(nEdges);
  const edgeKeptWeight = new Float64Array(nEdges);
  for (let e = 0; e < nEdges; e++) {
    if (!visible[ix.edgeA[e]] || !visible[ix.edgeB[e]]) continue;
    const start = ix.edgePaperStart[e];
    const end = ix.edgePaperStart[e + 1];
    let count = 0;
    let weight = 0;
    if (start === end) {
      if (papers !== null) continue;
      count = 1;
      weight = ix.edgeWeight[e];
    } else {
      for (let k = start; k < end; k++) {
        const p = ix.edgePaperList[k];
        if (!keptPaper[p]) continue;
        count++;
        weight += counting === 'fractional' ? 1 / Math.max(1, ix.paperSize[p] - 1) : 1;
      }
    }
    if (count >= minShared) {
      edgeKept[e] = 1;
      edgeKeptWeight[e] = weight;
    }
  }
  const nHubs = ix.hubAuthor.length;
  const hubKept = new Uint8Array(nHubs);
  for (let h = 0; h < nHubs; h++) hubKept[h] = visible[ix.hubAuthor[h]] && keptPaper[ix.hubPaper[h]] ? 1 : 0;

  // 3. Largest connected component: union-find over authors, hub papers as extra elements.
  if (f.largestComponent) {
    const parent = new Int32Array(nAuthors + nPapers);
    for (let i = 0; i < parent.length; i++) parent[i] = i;
    const find = (x: number): number => {
      while (parent[x] !== x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    };
    const union = (x: number, y: number) => {
      const rx = find(x);
      const ry = find(y);
      if (rx !== ry) parent[rx] = ry;
    };
    for (let e = 0; e < nEdges; e++) if (edgeKept[e]) union(ix.edgeA[e], ix.edgeB[e]);
    for (let h = 0; h < nHubs; h++) if (hubKept[h]) union(ix.hubAuthor[h], nAuthors + ix.hubPaper[h]);
    const sizes = new Int32Array(parent.length);
    for (let a = 0; a < nAuthors; a++) if (visible[a]) sizes[find(a)]++;
    // Among equally large components, the one met first in author order (as the reference pass picks).
    let best = -1;
    for (let a = 0; a < nAuthors; a++) if (visible[a] && (best < 0 || sizes[find(a)] > sizes[best])) best = find(a);
    for (let a = 0; a < nAuthors; a++) if (visible[a] && find(a) !== best) visible[a] = 0;
  }

  // 4. Top N authors by total link strength among those kept (VOSviewer's map wizard), as linkStrengths counts them.
  if (f.topStrength) {
    const top = topByStrength(strengthsFromMasks(ix, visible, edgeKept, edgeKeptWeight, hubKept, counting), f.topStrength);
    for (let a = 0; a < nAuthors; a++) if (visible[a] && !top.has(ix.authorNodes[a])) visible[a] = 0;
  }
  return { keptPaper, visible, edgeKept, edgeKeptWeight, hubKept };
}

/**
 * Links and total link strength of every kept author, from the masks: the answer of linkStrengths (linkStrength.ts)
 * on the source graph with the same authors, ties and hub papers shown. A kept tie counts its kept weight; every two
 * kept authors of a kept hub paper are linked by the paper's weight (1, or 1/(k−1) under fractional counting), a link
 * counted once per pair of authors not already tied.
 */
function strengthsFromMasks(
  ix: OverviewIndex,
  visible: Uint8Array,
  edgeKept: Uint8Array,
  edgeKeptWeight: Float64Array,
  hubKept: Uint8Array,
  counting: Counting,
): Map<string, LinkStrength> {
  const nAuthors = visible.length;
  const links = new Int32Array(nAuthors);
  const strength = new Float64Array(nAuthors);
  // Kept authors per kept hub paper.
  const members = new Map<number, number[]>();
  const inHub = new Uint8Array(nAuthors);
  for (let h = 0; h < ix.hubAuthor.length; h++) {
    const a = ix.hubAuthor[h];
    if (!hubKept[h] || !visible[a]) continue;
    inHub[a] = 1;
    const list = members.get(ix.hubPaper[h]);
    if (list) list.push(a);
    else members.set(ix.hubPaper[h], [a]);
  }
  // The ties between two hub authors, so a hub does not count a coauthor twice (kept only for those: small).
  const tied = new Set<number>();
  const pairKey = (a: number, b: number) => (a < b ? a * nAuthors + b : b * nAuthors + a);
  for (let e = 0; e < ix.edgeA.length; e++) {
    const a = ix.edgeA[e];
    const b = ix.edgeB[e];
    const w = edgeKeptWeight[e];
    if (!edgeKept[e] || !visible[a] || !visible[b] || !(w > 0)) continue;
    links[a]++;
    links[b]++;
    strength[a] += w;
    strength[b] += w;
    if (inHub[a] && inHub[b]) tied.add(pairKey(a, b));
  }
  const viaHubs = new Map<number, Set<number>>();
  for (const [paper, list] of members) {
    if (list.length < 2) continue;
    const w = counting === 'fractional' ? 1 / Math.max(1, ix.paperSize[paper] - 1) : 1;
    for (const m of list) {
      let set = viaHubs.get(m);
      if (!set) viaHubs.set(m, (set = new Set()));
      for (const o of list) if (o !== m && !tied.has(pairKey(m, o))) set.add(o);
      strength[m] += w * (list.length - 1);
    }
  }
  const out = new Map<string, LinkStrength>();
  for (let a = 0; a < nAuthors; a++) if (visible[a]) out.set(ix.authorNodes[a], { links: links[a] + (viaHubs.get(a)?.size ?? 0), strength: strength[a] });
  return out;
}

/** The same answer as overviewLens(), from the compact index. */
export function overviewLensFromIndex(
  ix: OverviewIndex,
  papers: Set<string> | null,
  f: FilterLens,
  counting: Counting,
  affiliationsOf?: AffiliationsOf,
): OverviewLensResult | null {
  if (!isActive(papers, f)) return null;
  const { visible, edgeKept, edgeKeptWeight, hubKept } = lensMasks(ix, papers, f, counting, affiliationsOf);
  const nAuthors = ix.authorCluster.length;
  const nEdges = ix.edgeA.length;
  const nHubs = ix.hubAuthor.length;

  // 5. Summed per cluster; ties between two clusters summed per overview edge.
  const keptPerCluster = new Int32Array(ix.clusters.length);
  let visibleCount = 0;
  for (let a = 0; a < nAuthors; a++) {
    if (!visible[a]) continue;
    visibleCount++;
    if (ix.authorCluster[a] >= 0) keptPerCluster[ix.authorCluster[a]]++;
  }
  // Summed per (cluster, cluster) pair in a flat matrix: the overview has at most a few hundred clusters.
  const nClusters = ix.clusters.length;
  const pairWeight = new Float64Array(nClusters * nClusters);
  const addPair = (ca: number, cb: number, w: number) => {
    if (ca < 0 || cb < 0 || ca === cb) return;
    pairWeight[ca < cb ? ca * nClusters + cb : cb * nClusters + ca] += w;
  };
  for (let e = 0; e < nEdges; e++) {
    if (!edgeKept[e] || !visible[ix.edgeA[e]] || !visible[ix.edgeB[e]]) continue;
    addPair(ix.authorCluster[ix.edgeA[e]], ix.authorCluster[ix.edgeB[e]], edgeKeptWeight[e]);
  }
  for (let h = 0; h < nHubs; h++) if (hubKept[h] && visible[ix.hubAuthor[h]]) addPair(ix.authorCluster[ix.hubAuthor[h]], ix.hubCluster[h], ix.hubWeight[h]);

  const kept = new Map<string, number>();
  ix.clusters.forEach((c, i) => {
    if (keptPerCluster[i] > 0) kept.set(c, keptPerCluster[i]);
  });
  const clusterIndex = new Map(ix.clusters.map((c, i) => [c, i]));
  const edgeWeights = new Map<string, number>();
  for (const edge of ix.overviewEdges) {
    const [a, b] = edge.split('~');
    const ca = clusterIndex.get(a) ?? -1;
    const cb = clusterIndex.get(b) ?? -1;
    const w = ca < 0 || cb < 0 ? 0 : pairWeight[ca < cb ? ca * nClusters + cb : cb * nClusters + ca];
    if (w) edgeWeights.set(edge, w);
  }
  return clusterResult(ix.clusters, ix.overviewEdges, kept, edgeWeights, ix.maxCluster, visibleCount, nAuthors);
}
