import { useCallback, useEffect, useMemo } from 'react';
import { authorNodeId } from '../graph/types';
import { useLensView } from '../lenses/useLensView';
import { highlightOf } from './highlightOf';
import { checkSelection, nodesOf } from './selectionCheck';
import type { AppState } from './state/appState';
import type { AppActions } from './state/useAppStore';
import type { Bundle } from './usePipeline';
import type { useShownGraph } from './useShownGraph';

/**
 * The selection as shown: checked against the data (a URL may name an author who is not there: `problem` says so),
 * the lens view over the drawn graph, and the highlight. Brings a selection from the URL into view once the graph
 * is there, and a field author once their cluster's tile is read.
 */
export function useSelectionView(bundle: Bundle, state: AppState, shownGraph: ReturnType<typeof useShownGraph>, actions: AppActions) {
  const { index, source, clusters } = bundle;
  const { field, fieldCluster, big, shown, display } = shownGraph;
  const { drill, lens } = state;
  const { focus } = actions;
  const clusterNodes = useCallback((c: number) => clusters.find((x) => x.community === c)?.nodes ?? [], [clusters]);

  // A node of the whole graph counts even when the overview does not draw it.
  // (A field's author is known once their cluster's tile is read.)
  const problem = field?.loading ? null : checkSelection(state.selection, index, clusters.length, (n) => source.hasNode(n) || shown.hasNode(n));
  const selection = problem || field?.loading ? null : state.selection;
  const overviewLensInput = useMemo(() => (big && drill === null ? { source, index: bundle.overviewIndex } : null), [big, drill, source, bundle.overviewIndex]);
  const lensView = useLensView(display, index, lens, selection, overviewLensInput);
  const selectionHighlight = useMemo(() => highlightOf(selection, display, index), [selection, display, index]);
  const highlight = lensView.highlight !== undefined ? lensView.highlight : selectionHighlight;

  // Focus the selection that came with the URL, once the graph is there.
  useEffect(() => {
    if (selection) focus(nodesOf(selection, index, clusterNodes));
    // Only on first load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A field's cluster read after its author was chosen (by search or from the URL): bring the author into view.
  useEffect(() => {
    if (fieldCluster && selection?.kind === 'author' && fieldCluster.hasNode(authorNodeId(selection.key))) focus([authorNodeId(selection.key)]);
    // Only when the tile arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fieldCluster]);

  return { problem, selection, lensView, highlight, clusterNodes };
}
