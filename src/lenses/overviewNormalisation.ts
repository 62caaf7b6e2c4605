/**
 * Normalisation on a cluster overview: VOSviewer's association strength or fractionalization of the ties between
 * clusters, as VOSviewer would compute them on the aggregated map (one item per cluster, links = the summed coauthor
 * ties between two clusters, no self-links). Each cluster's strength s_I is its total link strength on that map (the
 * sum of its drawn ties to other clusters), W = Σ_I s_I, n the number of drawn clusters:
 *   association strength  a_IJ = s_IJ · W / (s_I s_J)            (van Eck & Waltman 2009)
 *   fractionalization     f_IJ = s_IJ · (n / s_I + n / s_J) / 2
 * the same formulas (and code) as on an author map (linkStrength.ts), so the drawn widths and ForceAtlas2's
 * attraction follow the normalisation there too. The tie weights are the overview lens's recounted ones when a filter
 * is active. Pure: no React, no sigma.
 */
import type { LensGraph } from './filters';
import { edgeWidths, normalisedWeights, type LinkStrength, type Normalization } from './linkStrength';

export interface OverviewScope {
  hiddenNodes?: ReadonlySet<string>;
  hiddenEdges?: ReadonlySet<string>;
  /** Tie weights recounted by the overview lens, else each edge's own `weight`. */
  edgeWeights?: ReadonlyMap<string, number>;
}

export interface OverviewNormalisation {
  /** Links and total link strength of each drawn cluster on the aggregated map. */
  strengths: Map<string, LinkStrength>;
  /** Normalised weight of each drawn tie. */
  normalised: Map<string, number>;
  /** Drawn widths (px) and the weights ForceAtlas2 attracts by (rescaled to the raw ties' mean). */
  edgeSizes: Map<string, number>;
  layoutWeights: Map<string, number>;
}

const tieWeight = (graph: LensGraph, scope: OverviewScope, edge: string): number => scope.edgeWeights?.get(edge) ?? graph.getEdgeAttribute(edge, 'weight');

/** Links and total link strength of each drawn cluster, counting its drawn ties to other clusters. */
export function clusterStrengths(graph: LensGraph, scope: OverviewScope): Map<string, LinkStrength> {
  const out = new Map<string, LinkStrength>();
  graph.forEachNode((n, a) => {
    if (a.kind === 'cluster' && !scope.hiddenNodes?.has(n)) out.set(n, { links: 0, strength: 0 });
  });
  graph.forEachEdge((e, a, s, t) => {
    if (a.kind !== 'coauthor' || s === t || scope.hiddenEdges?.has(e)) return;
    const S = out.get(s);
    const T = out.get(t);
    const w = tieWeight(graph, scope, e);
    if (!S || !T || !(w > 0)) return;
    S.links++;
    T.links++;
    S.strength += w;
    T.strength += w;
  });
  return out;
}

/** The overview's normalised ties (undefined for 'none', or when the graph has no cluster nodes). */
export function overviewNormalisation(graph: LensGraph, method: Normalization, scope: OverviewScope): OverviewNormalisation | undefined {
  if (method === 'none') return undefined;
  const strengths = clusterStrengths(graph, scope);
  if (!strengths.size) return undefined;
  const normalised = normalisedWeights(graph, method, { ...scope, counting: 'full' }, strengths)!;
  // Rescaled so that the mean layout weight is the mean raw tie weight: the balance of attraction and repulsion stays.
  let raw = 0;
  let norm = 0;
  for (const [e, w] of normalised) {
    raw += tieWeight(graph, scope, e);
    norm += w;
  }
  const k = norm > 0 ? raw / norm : 1;
  const layoutWeights = new Map<string, number>();
  for (const [e, w] of normalised) layoutWeights.set(e, w * k);
  return { strengths, normalised, edgeSizes: edgeWidths(normalised), layoutWeights };
}
