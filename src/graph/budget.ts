import type { ResolvedDataset } from './authors';
import { GRAPH_BUDGET, type BuildOptions } from './types';

/** What a graph will hold, counted from the resolved papers before anything is allocated. */
export interface GraphCost {
  /** Σ n(n−1)/2 over the papers drawn as cliques: the pair occurrences `buildGraph` allocates, ≥ its coauthor edges. */
  coauthorPairs: number;
  /** Authors, hub papers and (at most) one node per affiliation mention. */
  nodes: number;
  /** Every edge at most: coauthor pairs, authorship edges of hub papers, author–affiliation edges. */
  edges: number;
}

/** Refused builds throw this: the pipeline shows its message and keeps the graph it has. */
export class GraphBudgetError extends Error {
  override name = 'GraphBudgetError';
}

/** Is this paper drawn as a hub node rather than expanded into a clique? */
export function isHubPaper(authorCount: number, options: BuildOptions): boolean {
  return options.allPapersAsHubs || authorCount > options.hyperauthorCap;
}

export function graphCost({ authors, papers }: ResolvedDataset, options: BuildOptions): GraphCost {
  let coauthorPairs = 0;
  let hubs = 0;
  let authorships = 0;
  for (const { authorKeys } of papers) {
    const n = authorKeys.length;
    if (n === 0) continue;
    if (isHubPaper(n, options)) {
      hubs += 1;
      authorships += n;
    } else coauthorPairs += (n * (n - 1)) / 2;
  }
  let affiliationLinks = 0;
  if (options.includeAffiliations) for (const a of authors.values()) affiliationLinks += a.affiliations.length;
  return { coauthorPairs, nodes: authors.size + hubs + affiliationLinks, edges: coauthorPairs + authorships + affiliationLinks };
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** Why a graph of this cost is not built (a sentence for the user), or null when it fits the budget. */
export function budgetRefusal(cost: GraphCost, options: BuildOptions): string | null {
  const capHint = options.allPapersAsHubs ? '' : `: lower the hyperauthor cap (now ${options.hyperauthorCap}) so that big papers become hub nodes`;
  if (cost.coauthorPairs > GRAPH_BUDGET.maxCoauthorEdges) {
    return `it would have up to ${fmt(cost.coauthorPairs)} coauthor ties, more than the ${fmt(GRAPH_BUDGET.maxCoauthorEdges)} a page can hold${capHint}`;
  }
  if (cost.nodes > GRAPH_BUDGET.maxNodes) return `it would have up to ${fmt(cost.nodes)} nodes, more than the ${fmt(GRAPH_BUDGET.maxNodes)} a page can hold`;
  if (cost.edges > GRAPH_BUDGET.maxEdges) return `it would have up to ${fmt(cost.edges)} edges, more than the ${fmt(GRAPH_BUDGET.maxEdges)} a page can hold`;
  return null;
}

/** Throws GraphBudgetError when the graph of these papers and options is past the budget. */
export function assertWithinBudget(resolved: ResolvedDataset, options: BuildOptions): void {
  const refusal = budgetRefusal(graphCost(resolved, options), options);
  if (refusal) throw new GraphBudgetError(refusal);
}
