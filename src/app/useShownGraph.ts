import { useEffect, useMemo } from 'react';
import { applyNodeStyles, toDisplayGraph } from '../graph/display';
import { communitySubgraph } from '../graph/overview';
import type { AppState } from './state/appState';
import type { Bundle } from './usePipeline';
import { useFieldFolder } from './useFieldFolder';
import { useVosCluster } from './useVosCluster';

/**
 * What the graph stage draws (level of detail): a graph too big to draw author by author opens on its cluster
 * overview; `?drill=<community>` opens one cluster, `?drill=all` the whole graph. A field folder (npm run field)
 * opens on its own overview, and a cluster's tile is read when the user opens it. Returns the drawn source graph,
 * its display copy (made once per source graph; theme changes recolour it in place) and whether a layout runs.
 */
export function useShownGraph(bundle: Bundle, state: AppState, notify: (text: string, kind?: 'info' | 'error') => void) {
  const { workspace, source, overview, edgesApart } = bundle;
  const { drill, theme } = state;
  const field = useFieldFolder(workspace.field, drill, state.options.counting, notify);
  const fieldCluster = field?.cluster ?? null;
  const fieldOverview = field?.overview ?? null;
  // The pipeline makes an overview exactly for the graphs that need one (needsOverview).
  const big = overview !== null || field !== null;
  const chosen = useMemo(() => {
    if (workspace.field) return fieldCluster ?? fieldOverview ?? source;
    // A graph whose edges are kept apart (past EDGES_APART_MIN) is too big to draw whole: its overview stays.
    if (!big || (drill === 'all' && !edgesApart)) return source;
    if (drill !== null && /^\d+$/.test(drill)) return communitySubgraph(source, Number(drill), edgesApart);
    return overview ?? source;
  }, [source, big, drill, overview, workspace.field, fieldCluster, fieldOverview, edgesApart]);
  // The level the bar shows: the overview when the whole graph was asked for and refused.
  const shownDrill = drill === 'all' && edgesApart ? null : drill;
  useEffect(() => {
    if (drill === 'all' && edgesApart)
      notify(
        `This graph is too big to draw author by author (${edgesApart.size.toLocaleString('en-US')} links): its cluster overview is shown. Open a cluster to see its authors.`,
        'info',
      );
  }, [drill, edgesApart, notify]);
  // VOS chosen: an opened cluster is laid out by VOS in a worker (the whole graph is too big for it).
  const { graph: shown, pending: vosPending } = useVosCluster(chosen, big && drill !== null && drill !== 'all');
  const display = useMemo(() => {
    const d = toDisplayGraph(shown, theme);
    // Saved positions are drawn as they are; the layout only runs when asked.
    if (workspace.positions) for (const [node, [x, y]] of Object.entries(workspace.positions)) if (d.hasNode(node)) d.mergeNodeAttributes(node, { x, y });
    if (workspace.nodeStyles) applyNodeStyles(d, workspace.nodeStyles, theme);
    return d;
    // The display copy is made once per source graph; theme changes recolour it in place.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shown, workspace.positions, workspace.nodeStyles]);
  // The overview is laid out afresh (a few hundred nodes); a drilled cluster keeps saved positions.
  // VOS positions and a field folder's CLI positions are the layout itself: ForceAtlas2 does not run after them.
  const hasSavedLayout =
    (Boolean(workspace.positions) && !(big && drill === null)) || Boolean(shown.getAttribute('vosLayout') || shown.getAttribute('fieldFolder')) || vosPending;
  return { field, fieldCluster, big, shown, display, hasSavedLayout, shownDrill };
}
