import type Graph from 'graphology';
import { checkedAlgorithms, DEFAULT_ALGORITHMS, type AlgorithmOptions } from './algorithms';

export { algorithmOptionErrors } from './algorithms';

/** How coauthor edge weights count a paper with n authors. */
export type Counting = 'full' | 'fractional';

/** Layout (ForceAtlas2 / VOS), clusters (Louvain / Leiden) and Leiden's resolution: see algorithms.ts. */
export interface BuildOptions extends AlgorithmOptions {
  /** Papers with more authors than this become paper hub nodes instead of cliques. */
  hyperauthorCap: number;
  /** 'full': +1 per shared paper; 'fractional': +1/(n-1) per shared paper. */
  counting: Counting;
  /** Show every paper as a hub node (not only those above the cap). */
  allPapersAsHubs: boolean;
  /** Add affiliation nodes linked to their authors. */
  includeAffiliations: boolean;
  /** Seed for Louvain and initial positions. */
  seed: number;
}

export const DEFAULT_BUILD_OPTIONS: BuildOptions = {
  hyperauthorCap: 25,
  counting: 'full',
  allPapersAsHubs: false,
  includeAffiliations: true,
  seed: 42,
  ...DEFAULT_ALGORITHMS,
};

export interface NumberRange {
  min: number;
  max: number;
}

/**
 * The ranges the UI's controls allow, and the only values a link, a snapshot or a stored workspace may bring:
 * the controls (graph options, cap histogram, filters) and every validator read this one table.
 */
export const OPTION_RANGES = {
  /** The graph options' number field ("Papers with more than … authors become hub nodes") and the cap slider. */
  hyperauthorCap: { min: 2, max: 10_000 },
  /** No control; links carry the seed they were made with. */
  seed: { min: 0, max: 2 ** 32 - 1 },
  /** Filters: "Min papers per author", "Min shared papers per tie". */
  minPapers: { min: 1, max: 10_000 },
  minShared: { min: 1, max: 10_000 },
  /** Timeline years (the URL's `years=` is four digits). */
  year: { min: 0, max: 9999 },
  egoDepth: { min: 1, max: 3 },
} as const satisfies Record<string, NumberRange>;

/** Is `v` an integer inside the range? */
export const inRange = (v: unknown, range: NumberRange): v is number => Number.isInteger(v) && (v as number) >= range.min && (v as number) <= range.max;

/**
 * Build options from an untrusted source (a stored workspace, a link): each value outside the table's
 * ranges (or of the wrong type) falls back to its default.
 */
export function checkedBuildOptions(partial: Partial<BuildOptions> | undefined): BuildOptions {
  const p: Partial<Record<keyof BuildOptions, unknown>> = partial ?? {};
  const d = DEFAULT_BUILD_OPTIONS;
  return {
    hyperauthorCap: inRange(p.hyperauthorCap, OPTION_RANGES.hyperauthorCap) ? p.hyperauthorCap : d.hyperauthorCap,
    counting: p.counting === 'full' || p.counting === 'fractional' ? p.counting : d.counting,
    allPapersAsHubs: typeof p.allPapersAsHubs === 'boolean' ? p.allPapersAsHubs : d.allPapersAsHubs,
    includeAffiliations: typeof p.includeAffiliations === 'boolean' ? p.includeAffiliations : d.includeAffiliations,
    seed: inRange(p.seed, OPTION_RANGES.seed) ? p.seed : d.seed,
    ...checkedAlgorithms(p),
  };
}

/**
 * What one graph may cost, checked before it is built (see `graphCost` in build.ts): past it the build is
 * refused with a message and the page keeps the graph it has. 5M coauthor edges is about 2 GB in graphology.
 */
export const GRAPH_BUDGET = { maxCoauthorEdges: 5_000_000, maxNodes: 1_000_000, maxEdges: 10_000_000 } as const;

export type NodeKind = 'author' | 'affiliation' | 'paper' | 'cluster';
export type EdgeKind = 'coauthor' | 'affiliation' | 'authorship';

/** Source-graph node attributes (no rendering attributes besides x/y). */
export interface AuthorNode {
  kind: 'author';
  label: string;
  /** Normalised identity key (not `key`: sigma reserves that name for the node id). */
  authorKey: string;
  /** Every spelling seen, most common first. */
  spellings: string[];
  paperIds: string[];
  affiliations: string[];
  community: number;
  firstYear?: number;
  lastYear?: number;
  isOwner: boolean;
  x: number;
  y: number;
  /** A map file's weights (VOSviewer: Documents, Citations, Links, …) and scores (Avg. pub. year, …). */
  weights?: Record<string, number>;
  scores?: Record<string, number>;
}

export interface PaperNode {
  kind: 'paper';
  label: string;
  paperId: string;
  authorCount: number;
  community: number;
  x: number;
  y: number;
}

export interface AffiliationNode {
  kind: 'affiliation';
  label: string;
  authorCount: number;
  community: number;
  x: number;
  y: number;
}

/** A whole community, in the overview of a graph too big to draw author by author. */
export interface ClusterNode {
  kind: 'cluster';
  label: string;
  /** Authors in the community (also kept as authorCount so code written for affiliations reads it). */
  authorCount: number;
  community: number;
  x: number;
  y: number;
  /** Its authors' papers (distinct) and years active: what the year and citation colours of the overview read. */
  paperIds?: string[];
  firstYear?: number;
  lastYear?: number;
}

export type NodeAttributes = AuthorNode | PaperNode | AffiliationNode | ClusterNode;

export interface EdgeAttributes {
  kind: EdgeKind;
  weight: number;
  /** Shared papers (coauthor edges) or the one paper (authorship edges). */
  paperIds: string[];
}

export interface GraphAttributes {
  datasetId: string;
  options: BuildOptions;
  communityCount: number;
  /** True when the positions are the VOS layout's (nothing runs after it); absent for ForceAtlas2. */
  vosLayout?: boolean;
  /**
   * A field folder's graph (`npm run field`): its positions are the CLI's layout, drawn as they are (the layout runs only
   * when asked), and `papers` counts the works it stands for (the folder carries counts, not the papers).
   */
  fieldFolder?: { papers: number };
  /**
   * The page's copy of a very big source graph holds its nodes only; its edges are kept apart in flat arrays
   * (graph/edgesApart.ts, the bundle's `edgesApart`). These are their counts, for the panels.
   */
  edgesApart?: { edges: number; coauthorLinks: number };
  /** What a map file (VOSviewer) says about itself: its weight and score names in file order, cluster colours, title. */
  fileMap?: FileMapInfo;
}

export interface FileMapInfo {
  weights: string[];
  scores: string[];
  /** Community (0-based, as renumbered) → the file's own colour for it. */
  clusterColors?: Record<number, string>;
  title?: string;
  description?: string;
}

export type AtlasGraph = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** Node ids are prefixed by kind so the three kinds never collide. */
export const authorNodeId = (key: string) => `a:${key}`;
export const paperNodeId = (paperId: string) => `p:${paperId}`;
export const affiliationNodeId = (key: string) => `f:${key}`;
export const clusterNodeId = (community: number) => `c:${community}`;
