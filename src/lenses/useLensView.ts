import { useMemo } from 'react';
import { useMetrics } from './useMetrics';
import type { DatasetIndex } from '../graph/dataIndex';
import type { DisplayGraph } from '../graph/display';
import { authorNodeId, type AtlasGraph } from '../graph/types';
import { overviewLens } from './overviewLens';
import { affiliationsFrom, indexAnswers, type OverviewIndex } from './overviewIndex';
import { overviewLensFromIndex } from './overviewIndexLens';
import { overviewPathFromIndex } from './overviewIndexPath';
import type { Selection } from '../model/view';
import { asLensGraph } from './filters';
import { filterGraph, pathLens, styleLens, type FilterLens } from './compose';
import { visiblePapers } from './papers';
import type { LensState, LensView } from './types';
import { mapLens } from './mapLens';
import { overviewNormalisation } from './overviewNormalisation';
import { drawnLines, linesNote } from './drawnLines';

/**
 * The lens view of the displayed graph for a lens state. Each stage is memoised on the lens fields it
 * reads (a colour change does not re-filter). Betweenness and PageRank run in a Web Worker; until they
 * arrive the display graph's sizes stay. (Owned by the lenses feature.)
 */
export function useLensView(
  display: DisplayGraph,
  index: DatasetIndex,
  lens: LensState,
  selection: Selection,
  overviewOf: { source: AtlasGraph; index?: OverviewIndex } | null = null,
): LensView {
  const graph = asLensGraph(display);
  const counting = display.getAttribute('options')?.counting ?? 'full';

  // Stable objects per stage, derived from string keys of the fields each stage reads.
  const paperKey = JSON.stringify([lens.years, lens.categories, lens.venues]);
  const paperLens = useMemo(() => JSON.parse(paperKey) as [LensState['years'] | null, string[] | null, string[] | null], [paperKey]);
  const papers = useMemo(
    () =>
      visiblePapers(index.dataset.papers, {
        ...lensDefaults,
        years: paperLens[0] ?? undefined,
        categories: paperLens[1] ?? undefined,
        venues: paperLens[2] ?? undefined,
      }),
    [index, paperLens],
  );

  const filterKey = JSON.stringify({
    minPapers: lens.minPapers,
    minShared: lens.minShared,
    affiliation: lens.affiliation,
    largestComponent: lens.largestComponent,
    topStrength: lens.topStrength,
  });
  const filterLens = useMemo(() => JSON.parse(filterKey) as FilterLens, [filterKey]);
  const egoNode = selection?.kind === 'author' && lens.egoDepth ? authorNodeId(selection.key) : null;
  const egoDepth = lens.egoDepth ?? 0;
  const filtered = useMemo(
    () => filterGraph(graph, index, papers, counting, filterLens, egoNode && display.hasNode(egoNode) ? { node: egoNode, depth: egoDepth } : undefined),
    [graph, display, index, papers, counting, filterLens, egoNode, egoDepth],
  );
  // Top N by total link strength, Links and strengths, normalised links (VOSviewer's map wizard and normalisation).
  const { normalization, topStrength } = lens;
  const map = useMemo(
    () => mapLens(graph, filtered, { normalization, topStrength }, counting, (p) => index.authorsOf(p).length),
    [graph, filtered, normalization, topStrength, counting, index],
  );
  const filter = map.filter;

  // On a cluster overview the filters run over the whole graph (overviewOf) and are summed per cluster.
  // The index's lenses read the authors' affiliations from the source graph's nodes (the page has them even when a very
  // big graph's edges are kept apart, and then the graph walk of overviewLens could not run).
  const affiliationsOf = useMemo(() => (overviewOf?.index ? affiliationsFrom(overviewOf.index, overviewOf.source) : undefined), [overviewOf]);
  const overview = useMemo(
    () =>
      !overviewOf
        ? null
        : overviewOf.index && indexAnswers(filterLens, Boolean(affiliationsOf))
          ? overviewLensFromIndex(overviewOf.index, papers, filterLens, counting, affiliationsOf)
          : overviewLens(overviewOf.source, display as unknown as AtlasGraph, papers, filterLens, { counting, paperSize: (p) => index.authorsOf(p).length }),
    [overviewOf, display, papers, filterLens, counting, index, affiliationsOf],
  );

  // Normalisation on the overview: of the ties between the drawn clusters, as VOSviewer would on the aggregated map.
  const overviewNorm = useMemo(
    () =>
      overviewOf && normalization
        ? overviewNormalisation(
            graph,
            normalization,
            overview ? { hiddenNodes: overview.hiddenNodes, hiddenEdges: overview.hiddenEdges, edgeWeights: overview.edgeWeights } : {},
          )
        : undefined,
    [overviewOf, normalization, graph, overview],
  );

  const pathA = lens.path?.[0];
  const pathB = lens.path?.[1];
  const path = useMemo(() => {
    if (!pathA || !pathB || lens.unit !== 'author') return null;
    // On a cluster overview the authors are not drawn: the path is found in the whole graph's compact index.
    if (overviewOf?.index)
      return overviewPathFromIndex(overviewOf.index, papers, filterLens, [pathA, pathB], (k) => index.author(k)?.label ?? k, affiliationsOf);
    return pathLens(graph, filter, [pathA, pathB], index);
  }, [graph, filter, pathA, pathB, index, lens.unit, overviewOf, papers, filterLens, affiliationsOf]);

  const { colorBy, sizeBy } = lens;
  // Centralities only when sized by one (the table asks for its own): their arrival re-renders the graph.
  const needsMetrics = sizeBy === 'betweenness' || sizeBy === 'pagerank';
  const metrics = useMetrics(graph, filter, needsMetrics);
  const style = useMemo(
    () => styleLens({ graph, filter, papersFiltered: papers !== null, colorBy, sizeBy, metrics: needsMetrics ? metrics : undefined, paperOf: index.paper }),
    [graph, filter, papers, colorBy, sizeBy, needsMetrics, metrics, index],
  );

  // How many lines are drawn: of the links shown, the strongest as the lenses weigh them (normalised widths, else weights).
  const { maxLines } = lens;
  const lines = useMemo(() => {
    const hidden = overview ?? filter;
    const sizes = overviewOf ? overviewNorm?.edgeSizes : map.edgeSizes;
    return drawnLines(graph, { hiddenNodes: hidden.hiddenNodes, hiddenEdges: hidden.hiddenEdges, strengths: sizes ?? hidden.edgeWeights }, maxLines);
  }, [graph, overview, filter, overviewOf, overviewNorm, map, maxLines]);

  return useMemo<LensView>(() => {
    const notes = overview ? [overview.note] : [...filter.notes];
    if (path) notes.push(path.note);
    if (lines) notes.push(linesNote(lines));
    if (needsMetrics && !metrics) notes.push('Computing centrality…');
    return {
      hiddenNodes: filter.hiddenNodes,
      hiddenEdges: filter.hiddenEdges,
      edgeWeights: filter.edgeWeights,
      ...style,
      ...(overview
        ? {
            hiddenNodes: overview.hiddenNodes,
            hiddenEdges: overview.hiddenEdges,
            edgeWeights: overview.edgeWeights,
            nodeSizes: overview.nodeSizes,
            clusterAuthors: overview.kept,
          }
        : {}),
      highlight: path ? path.highlight : undefined,
      path: path ? path.path : undefined,
      notes,
      filter,
      metrics,
      linkStrengths: map.strengths,
      edgeSizes: overviewOf ? overviewNorm?.edgeSizes : map.edgeSizes,
      layoutWeights: overviewOf ? overviewNorm?.layoutWeights : map.layoutWeights,
      normalization: normalization ?? 'none',
      ...(lines ? { lines } : {}),
    };
  }, [filter, style, path, needsMetrics, metrics, overview, map, normalization, overviewOf, overviewNorm, lines]);
}

const lensDefaults: LensState = { colorBy: 'community', sizeBy: 'papers', unit: 'author' };
