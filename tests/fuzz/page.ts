// What runs on the page after a parser, for the fuzzer's cost budget: the pipeline (resolveDataset, the budget
// check, buildGraph, clusters and overview, the institution network), the timeline's year counts and the lens
// passes (paper and structural filters, colour and size, shortest path), as useLensView runs them.
import { buildRefusal, prepareGraph, sourceGraph } from '../../src/app/pipeline';
import { resolveDataset } from '../../src/graph/authors';
import { indexDataset, type DatasetIndex } from '../../src/graph/dataIndex';
import { toDisplayGraph } from '../../src/graph/display';
import { checkedBuildOptions, DEFAULT_BUILD_OPTIONS, type AtlasGraph, type BuildOptions } from '../../src/graph/types';
import { filterGraph, pathLens, styleLens } from '../../src/lenses/compose';
import { asLensGraph } from '../../src/lenses/filters';
import { availableUnits } from '../../src/lenses/institutions';
import { papersPerYear, visiblePapers } from '../../src/lenses/papers';
import { DEFAULT_LENS } from '../../src/lenses/types';
import type { Dataset, Paper } from '../../src/model/types';
import type { ReadResult } from '../../src/graphfile';
import type { SnapshotResult } from '../../src/export/snapshot';

/** What the page stage did (counted, so a case can be compared and reported). */
export interface PageStats {
  nodes: number;
  edges: number;
  /** Builds refused by the graph budget (a message on the page, the previous graph kept). */
  refused: number;
}

const empty = (): PageStats => ({ nodes: 0, edges: 0, refused: 0 });

/** The lens passes over a source graph: paper filter on the middle years, structural filters, style, path. */
function lensPasses(source: AtlasGraph, index: DatasetIndex): void {
  const display = toDisplayGraph(source, 'light');
  const graph = asLensGraph(display);
  const counting = source.getAttribute('options')?.counting ?? 'full';
  const bins = papersPerYear(index.dataset.papers);
  const years: [number, number] | undefined = bins.length ? [bins[Math.floor(bins.length / 4)].year, bins[Math.floor((3 * bins.length) / 4)].year] : undefined;
  const papers = visiblePapers(index.dataset.papers, { ...DEFAULT_LENS, years });
  const plain = filterGraph(graph, index, null, counting, {});
  const filtered = filterGraph(graph, index, papers, counting, { minPapers: 2, minShared: 2, largestComponent: true });
  for (const [colorBy, sizeBy] of [
    ['firstYear', 'weightedDegree'],
    ['affiliation', 'coauthors'],
  ] as const) {
    styleLens({ graph, filter: filtered, papersFiltered: papers !== null, colorBy, sizeBy });
  }
  const authors = [...index.resolved.authors.keys()];
  if (authors.length > 1) pathLens(graph, plain, [authors[0], authors[authors.length - 1]], index);
}

/**
 * The page after a paper parser (or a snapshot): the whole pipeline, then the lenses; with `units`, the
 * institution network too where the papers name affiliations (without, the page shows the author graph again).
 */
export function pageAfterPapers(papers: Paper[], options: BuildOptions = DEFAULT_BUILD_OPTIONS, units = false): PageStats {
  const stats = empty();
  const dataset: Dataset = { id: 'fuzz', title: 'Fuzz', papers, aliases: [] };
  const resolved = resolveDataset(dataset);
  const index = indexDataset(dataset, resolved);
  papersPerYear(papers);
  for (const unit of units && availableUnits(dataset).institution ? (['author', 'institution'] as const) : (['author'] as const)) {
    if (buildRefusal(options, unit, resolved)) {
      stats.refused += 1;
      continue;
    }
    const { source } = prepareGraph(sourceGraph(dataset, options, unit, resolved), resolved);
    stats.nodes += source.order;
    stats.edges += source.size;
    lensPasses(source, index);
  }
  return stats;
}

/** The page after a graph file: clusters and overview, then the lenses (a graph file brings no papers). */
export function pageAfterGraph(r: ReadResult): PageStats {
  const stats = empty();
  if (!r.ok) return stats;
  const { source } = prepareGraph(r.graph);
  stats.nodes = source.order;
  stats.edges = source.size;
  lensPasses(source, indexDataset({ id: 'graph', title: 'Graph', papers: [], aliases: [] }));
  return stats;
}

/** The page after a snapshot or share link: its papers with its own (validated) options. */
export function pageAfterSnapshot(r: SnapshotResult, units = false): PageStats {
  return r.ok ? pageAfterPapers(r.snapshot.dataset.papers, checkedBuildOptions(r.snapshot.options), units) : empty();
}
