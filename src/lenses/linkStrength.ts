/**
 * VOSviewer's link measures on the coauthor network (pure): per author its *Links* (distinct coauthors shown) and
 * *Total link strength* (the sum of its link weights), the *top N by total link strength* threshold, and the two
 * normalisations of link weights VOSviewer offers, computed as CWTS's networkanalysis-ts computes them
 * (Network.createNormalizedNetworkUsingAssociationStrength / ...UsingFractionalization, node weights = total link
 * strength):
 *   association strength  a_ij = s_ij / (s_i s_j / W), W = Σ_i s_i = 2m   (van Eck & Waltman 2009)
 *   fractionalization     f_ij = s_ij / (2 / (n / s_i + n / s_j)) = (n / 2) (s_ij / s_i + s_ij / s_j)
 * s_ij is the link weight (shared papers under full counting, Σ 1/(k−1) under fractional counting), s_i = Σ_j s_ij,
 * n the number of authors in the network.
 *
 * A paper above the hub cap is drawn as a hub, not as a clique: its authors are still linked to each other, each
 * pair by the paper's weight, so Links and strengths count them; only drawn coauthor edges get a normalised weight.
 */
import type { Counting } from '../graph/types';
import type { LensGraph } from './filters';

export type Normalization = 'none' | 'association' | 'fractionalization';
export const NORMALIZATIONS: Normalization[] = ['none', 'association', 'fractionalization'];

export interface LinkStrength {
  /** Distinct coauthors shown. */
  links: number;
  /** Sum of the weights of those links. */
  strength: number;
}

export interface LinkScope {
  hiddenNodes?: ReadonlySet<string>;
  hiddenEdges?: ReadonlySet<string>;
  /** Weights recomputed by the filters (kept papers), else each edge's own. */
  edgeWeights?: ReadonlyMap<string, number>;
  counting: Counting;
  /** A paper's full author count (fractional counting weighs a paper with k authors 1/(k−1) per pair). */
  paperSize?: (paperId: string) => number;
}

/**
 * Links and total link strength of every shown author (hidden nodes and edges left out). One pass over the edges with
 * a count per author (the graph is simple: each counted coauthor edge is a distinct coauthor); only authors of a shown
 * hub keep a set, of the hub's co-authors not already counted, so a pass over ACL's 40k authors stays linear and light.
 */
export function linkStrengths(graph: LensGraph, scope: LinkScope): Map<string, LinkStrength> {
  const links = new Map<string, number>();
  const strength = new Map<string, number>();
  graph.forEachNode((n, a) => {
    if (a.kind === 'author' && !scope.hiddenNodes?.has(n)) {
      links.set(n, 0);
      strength.set(n, 0);
    }
  });
  /** The weight a coauthor edge counts with, or 0 when it is not counted. */
  const counted = (e: string, a: { kind: string; weight: number }, s: string, t: string): number => {
    if (a.kind !== 'coauthor' || scope.hiddenEdges?.has(e) || !links.has(s) || !links.has(t)) return 0;
    const w = scope.edgeWeights?.get(e) ?? a.weight;
    return w > 0 ? w : 0;
  };
  graph.forEachEdge((e, a, s, t) => {
    const w = counted(e, a, s, t);
    if (!w) return;
    links.set(s, links.get(s)! + 1);
    links.set(t, links.get(t)! + 1);
    strength.set(s, strength.get(s)! + w);
    strength.set(t, strength.get(t)! + w);
  });
  // Hub papers: every two shown authors of one hub are linked by the paper's weight.
  const viaHubs = new Map<string, Set<string>>();
  graph.forEachNode((hub, a) => {
    if (a.kind !== 'paper' || scope.hiddenNodes?.has(hub)) return;
    const members: string[] = [];
    graph.forEachEdge(hub, (e, ea, s, t) => {
      const other = s === hub ? t : s;
      if (ea.kind === 'authorship' && !scope.hiddenEdges?.has(e) && links.has(other)) members.push(other);
    });
    if (members.length < 2) return;
    const k = scope.paperSize?.(a.paperId) ?? a.authorCount;
    const w = scope.counting === 'fractional' ? 1 / Math.max(1, k - 1) : 1;
    for (const m of members) {
      let set = viaHubs.get(m);
      if (!set) viaHubs.set(m, (set = new Set()));
      for (const o of members) {
        if (o === m || set.has(o)) continue;
        const e = graph.edge(m, o);
        if (e === undefined || !counted(e, graph.getEdgeAttributes(e), m, o)) set.add(o);
      }
      strength.set(m, strength.get(m)! + w * (members.length - 1));
    }
  });
  const out = new Map<string, LinkStrength>();
  for (const [n, l] of links) out.set(n, { links: l + (viaHubs.get(n)?.size ?? 0), strength: strength.get(n)! });
  return out;
}

/**
 * The N authors with the greatest total link strength (ties: more links first, then the node id). Only the authors
 * at or above the N-th greatest strength are sorted by the full rule (a numeric sort finds that strength).
 */
export function topByStrength(strengths: ReadonlyMap<string, LinkStrength>, n: number): Set<string> {
  const count = Math.max(0, Math.floor(n));
  if (count === 0) return new Set();
  const values = Float64Array.from(strengths.values(), (v) => v.strength).sort();
  const threshold = count >= values.length ? -Infinity : values[values.length - count];
  const candidates: [string, LinkStrength][] = [];
  for (const entry of strengths) if (entry[1].strength >= threshold) candidates.push(entry);
  candidates.sort(([ka, a], [kb, b]) => b.strength - a.strength || b.links - a.links || (ka < kb ? -1 : ka > kb ? 1 : 0));
  return new Set(candidates.slice(0, count).map(([k]) => k));
}

/**
 * Each shown coauthor edge's normalised weight (absent for 'none'). The node strengths s_i are the authors' total
 * link strengths (hub ties included), n the number of shown authors.
 */
export function normalisedWeights(
  graph: LensGraph,
  method: Normalization,
  scope: LinkScope,
  strengths = linkStrengths(graph, scope),
): Map<string, number> | undefined {
  if (method === 'none') return undefined;
  let total = 0;
  for (const { strength } of strengths.values()) total += strength;
  const n = strengths.size;
  const out = new Map<string, number>();
  graph.forEachEdge((e, a, s, t) => {
    if (a.kind !== 'coauthor' || scope.hiddenEdges?.has(e)) return;
    const si = strengths.get(s)?.strength ?? 0;
    const sj = strengths.get(t)?.strength ?? 0;
    const w = scope.edgeWeights?.get(e) ?? a.weight;
    if (!(si > 0 && sj > 0 && w > 0)) return;
    out.set(e, method === 'association' ? w / ((si * sj) / total) : w / (2 / (n / si + n / sj)));
  });
  return out;
}

/**
 * Normalised weights rescaled so that their mean is the raw weights' mean: ForceAtlas2's attraction grows with the
 * weight, so this keeps the balance of attraction and repulsion while the normalisation sets who pulls harder.
 */
export function layoutWeights(graph: LensGraph, normalised: ReadonlyMap<string, number>): Map<string, number> {
  let raw = 0;
  let norm = 0;
  for (const [e, w] of normalised) {
    raw += graph.getEdgeAttribute(e, 'weight');
    norm += w;
  }
  const k = norm > 0 ? raw / norm : 1;
  const out = new Map<string, number>();
  for (const [e, w] of normalised) out.set(e, w * k);
  return out;
}

/** Drawn edge widths for normalised weights: the display graph's scale (√, 0.4 to 3.5 px) over their own range. */
export function edgeWidths(normalised: ReadonlyMap<string, number>): Map<string, number> {
  let max = 0;
  for (const w of normalised.values()) max = Math.max(max, w);
  const out = new Map<string, number>();
  for (const [e, w] of normalised) out.set(e, 0.4 + 3.1 * Math.sqrt(max > 0 ? w / max : 0));
  return out;
}
