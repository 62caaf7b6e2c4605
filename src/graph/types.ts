import type Graph from 'graphology';

/** How coauthor edge weights count a paper with n authors. */
export type Counting = 'full' | 'fractional';

export interface BuildOptions {
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
};

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
