/**
 * dataset → resolved authors → source graph → clusters (and, for a big graph, its cluster overview).
 * Pure: the page runs it directly for small data and `pipelineWorker.ts` runs it for big data, so the
 * same input gives the same graph either way. No React, no sigma, no DOM.
 */
import type { Dataset, Paper } from '../model/types';
import { resolveDataset, type ResolvedDataset } from '../graph/authors';
import { buildGraph } from '../graph/build';
import { budgetRefusal, graphCost } from '../graph/budget';
import { summariseClusters, type ClusterSummary } from '../graph/clusters';
import { buildClusterOverview, needsOverview } from '../graph/overview';
import { edgesApartBuffers, keepsEdgesApart, type EdgesApart } from '../graph/edgesApart';
import { graphSlices, resolvedSlices, type GraphSlice, type ResolvedSlice } from '../graph/transfer';
import type { AtlasGraph, BuildOptions } from '../graph/types';
import { buildInstitutionGraph, institutionRefusal, type DatasetUnits } from '../lenses/institutions';
import { buildOverviewIndex, type OverviewIndex } from '../lenses/overviewIndex';
import type { LensState } from '../lenses/types';
import type { WorkerContract } from '../workers/protocol';

export type Unit = LensState['unit'];

/** Above this many authorships the graph is built in a worker and sent to the page in slices. */
export const WORKER_MIN_AUTHORSHIPS = 20_000;

export interface PreparedGraph {
  source: AtlasGraph;
  clusters: ClusterSummary[];
  /** The cluster overview, for graphs too big to draw author by author (null otherwise). */
  overview: AtlasGraph | null;
  /** What the lenses on the overview read, in flat arrays (with the overview). */
  overviewIndex?: OverviewIndex;
  /** A very big graph's edges, when the page's `source` holds its nodes only (graph/edgesApart.ts). */
  edgesApart?: EdgesApart | null;
}

export interface Prepared extends PreparedGraph {
  resolved: ResolvedDataset;
}

/** The source graph of a dataset for a unit: authors, or institutions / countries where the data has them. */
export function sourceGraph(dataset: Dataset, options: BuildOptions, unit: Unit, resolved: ResolvedDataset): AtlasGraph {
  if (unit !== 'author') {
    const g = buildInstitutionGraph(dataset, unit, options, resolved);
    if (g) return g;
  }
  return buildGraph(dataset, options, resolved);
}

/**
 * Why the source graph of this dataset is not built (a sentence for the user), or null when it fits the budget
 * (GRAPH_BUDGET in graph/types.ts). The page asks before building; in the worker, building throws the same refusal.
 */
export function buildRefusal(options: BuildOptions, unit: Unit, resolved: ResolvedDataset): string | null {
  if (unit !== 'author') {
    const refusal = institutionRefusal(unit, resolved);
    if (refusal) return refusal;
  }
  return budgetRefusal(graphCost(resolved, options), options);
}

/** Clusters and, when the graph is big, its overview and the overview lenses' index. */
export function prepareGraph(source: AtlasGraph, resolved?: ResolvedDataset): PreparedGraph {
  const clusters = summariseClusters(source);
  if (!needsOverview(source)) return { source, clusters, overview: null };
  const overview = buildClusterOverview(source);
  const sizes = new Map(resolved?.papers.map((p) => [p.paper.id, p.authorKeys.length]));
  return { source, clusters, overview, overviewIndex: buildOverviewIndex(source, overview, (id) => sizes.get(id) ?? 1) };
}

export function prepareDataset(dataset: Dataset, options: BuildOptions, unit: Unit): Prepared {
  const resolved = resolveDataset(dataset);
  return { resolved, ...prepareGraph(sourceGraph(dataset, options, unit, resolved), resolved) };
}

// ---- Messages between the page and the pipeline worker ----

/** Page → worker: what to build (the papers travel before it, in slices: each a short structured clone). */
export type PipelineRequest = {
  dataset: Omit<Dataset, 'papers'>;
  options: BuildOptions;
  unit: Unit;
  /** Browser-test switch only (`window.__coauthorAtlasTest.edgesApartMin`); EDGES_APART_MIN when absent. */
  edgesApartMin?: number;
};

/**
 * Worker → page: the resolved authors and the graph in slices, the overview and the overview lenses' index each in a
 * message of its own, then the clusters ('done'), sent without their member lists: the page has the nodes already and
 * gathers each community's members as they arrive (PreparedAssembler). Each message is one task on the page.
 */
export type PipelineMessage =
  | { type: 'resolved'; slice: ResolvedSlice }
  | { type: 'graph'; slice: GraphSlice }
  /** The overview in slices too: its ties (11,476 at a million authorships) made one 80–160 ms task with Graph.from. */
  | { type: 'overview'; slice: GraphSlice }
  | { type: 'index'; index: OverviewIndex }
  /** `units`: which units the dataset supports, read by the pipeline worker (not sent for a graph file). */
  | { type: 'done'; clusters: ClusterSummary[]; units?: DatasetUnits };

/** The pipeline worker (pipelineWorker.ts): papers in, progress by stage, the graph's slices out, then 'done'. */
export type PipelineContract = WorkerContract<
  PipelineRequest,
  Extract<PipelineMessage, { type: 'done' }>,
  Exclude<PipelineMessage, { type: 'done' }>,
  { stage: string; share: number },
  Paper[]
>;

/**
 * The messages that carry a prepared graph (and its resolved dataset, when there is one) to the page. With
 * `edgesApartMin`, a graph with an overview and more edges than that reaches the page as its nodes and its edges
 * in flat arrays (graph/edgesApart.ts). Send each message with `transferOf`, so flat arrays move instead of copying.
 */
export function* preparedMessages(prepared: PreparedGraph & { resolved?: ResolvedDataset }, edgesApartMin?: number): Generator<PipelineMessage> {
  if (prepared.resolved) for (const slice of resolvedSlices(prepared.resolved)) yield { type: 'resolved', slice };
  const apart = edgesApartMin !== undefined && keepsEdgesApart(prepared.source, prepared.overview !== null, edgesApartMin);
  for (const slice of graphSlices(prepared.source, apart, prepared.resolved?.authors)) yield { type: 'graph', slice };
  if (prepared.overview) for (const slice of graphSlices(prepared.overview)) yield { type: 'overview', slice };
  if (prepared.overviewIndex) yield { type: 'index', index: prepared.overviewIndex };
  yield { type: 'done', clusters: prepared.clusters.map((c) => ({ ...c, nodes: [] })) };
}

const INDEX_ARRAYS = [
  'paperSize',
  'authorCluster',
  'authorPaperStart',
  'authorPaperList',
  'edgeA',
  'edgeB',
  'edgeWeight',
  'edgePaperStart',
  'edgePaperList',
  'hubAuthor',
  'hubCluster',
  'hubPaper',
  'hubWeight',
] as const satisfies readonly (keyof OverviewIndex)[];

/** The buffers a message moves to the page rather than copies (the sender's arrays are left empty). */
export function transferOf(m: PipelineMessage): ArrayBuffer[] {
  if (m.type === 'graph' && m.slice.part === 'edges-apart') return edgesApartBuffers(m.slice.edges);
  if (m.type === 'index') return [...new Set(INDEX_ARRAYS.map((k) => m.index[k].buffer as ArrayBuffer))];
  return [];
}
