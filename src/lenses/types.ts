import type { Highlight } from '../model/view';
import type { FilterResult } from './filters';
import type { Metrics } from './metrics';
import type { PathResult } from './path';
import type { ScoreColour, WeightSize } from './mapMeasures';
import type { OverlayKind } from './overlay';
import type { MapLensState } from './mapLens';
import type { LinkStrength } from './linkStrength';
import type { DrawnLines } from './drawnLines';

/** Every lens's state. It lives in the URL (and in snapshots); defaults are omitted from both. Normalisation and top N: mapLens.ts. */
export interface LensState extends MapLensState {
  /** Timeline brush: papers from..to (inclusive years). */
  years?: [number, number];
  /** Only papers with one of these category codes / venues. */
  categories?: string[];
  venues?: string[];
  /** Authors with at least this many (visible) papers. */
  minPapers?: number;
  /** Coauthor edges with at least this many (visible) shared papers. */
  minShared?: number;
  largestComponent?: boolean;
  /** Only authors with this affiliation. */
  affiliation?: string;
  /** `score:<name>`: a map file's score (VOSviewer's Avg. pub. year, …). */
  colorBy: 'community' | 'affiliation' | 'firstYear' | 'lastYear' | OverlayKind | ScoreColour;
  /** `weight:<name>`: a map file's weight (VOSviewer's Documents, Citations, …). */
  sizeBy: 'papers' | 'coauthors' | 'weightedDegree' | 'betweenness' | 'pagerank' | WeightSize;
  /** Ego view of the selected author at this depth. */
  egoDepth?: 1 | 2 | 3;
  /** Shortest collaboration path between two author keys. */
  path?: [string, string];
  /** The network's unit: authors (default), institutions or countries. */
  unit: 'author' | 'institution' | 'country';
}

export const DEFAULT_LENS: LensState = { colorBy: 'community', sizeBy: 'papers', unit: 'author' };

/**
 * What the lenses do to the displayed graph, without moving it: nodes and edges hidden,
 * edge weights recomputed, colours and sizes replaced, and (for a path) a highlight.
 * Absent fields leave the display graph's own values.
 */
export interface LensView {
  hiddenNodes: Set<string>;
  hiddenEdges: Set<string>;
  edgeWeights?: Map<string, number>;
  nodeColors?: Map<string, string>;
  nodeSizes?: Map<string, number>;
  /** A legend for a colour scale other than communities. */
  colorLegend?: { label: string; stops: { value: string; color: string }[] };
  /** Overrides the selection's highlight (e.g. the path). */
  highlight?: Highlight | null;
  /** Human-readable notes (e.g. "no path between A and B"). */
  notes?: string[];
  /** The path lens's answer: null when the two authors are not connected (absent when no path is asked). */
  path?: PathResult | null;
  /** What the filters kept (visible actors, their kept papers and ties), for the table. */
  filter?: FilterResult;
  /** Betweenness and PageRank of the visible graph, once the worker has sent them. */
  metrics?: Metrics;
  /** VOSviewer's Links and total link strength of each shown author (mapLens.ts). */
  linkStrengths?: Map<string, LinkStrength>;
  /** Normalised links: drawn widths (px) and the weights ForceAtlas2 attracts by. */
  edgeSizes?: Map<string, number>;
  layoutWeights?: Map<string, number>;
  /** Coauthor links drawn when not every shown one is (VOSviewer's "Max. lines", drawnLines.ts); absent: all drawn. */
  lines?: DrawnLines;
  /** On a cluster overview with an active lens: each drawn cluster node's kept authors. */
  clusterAuthors?: Map<string, number>;
  /** The normalisation those weights come from ('none'): the layout restarts when it changes, not when a filter does. */
  normalization?: string;
}
