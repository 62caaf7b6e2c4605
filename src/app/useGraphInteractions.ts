import { useCallback } from 'react';
import { searchGraphNodes, type SearchHit } from '../graph/dataIndex';
import { authorNodeId } from '../graph/types';
import type { Selection } from '../model/view';
import type { GraphClick } from '../view/controllers/EventsController';
import { describeNode } from './describeNode';
import { nodesOf } from './selectionCheck';
import type { AppActions } from './state/useAppStore';
import type { Bundle } from './usePipeline';
import type { useShownGraph } from './useShownGraph';
import { useSearchWarmUp } from './useSearchWarmUp';

/** What clicks, keys and search do to the selection and the level of detail. */
export function useGraphInteractions(
  bundle: Bundle,
  shownGraph: ReturnType<typeof useShownGraph>,
  selection: Selection,
  clusterNodes: (c: number) => string[],
  actions: AppActions,
) {
  const { index, source, clusters } = bundle;
  const dataset = bundle.workspace.dataset;
  const { field, big, display } = shownGraph;
  const { select, drillInto, notify } = actions;
  useSearchWarmUp(index);

  const onSelect = useCallback(
    (s: Selection, opts?: { focus?: boolean }) => select(s, { focus: opts?.focus && s ? nodesOf(s, index, clusterNodes) : undefined }),
    [select, index, clusterNodes],
  );

  const onGraphClick = useCallback(
    (c: GraphClick) => {
      if ('stage' in c) return onSelect(null);
      const attrs = display.getNodeAttributes(c.node);
      if (attrs.kind === 'cluster') {
        if (field && attrs.community >= 0) return drillInto(String(attrs.community));
        // The node that gathers the many small communities has no community of its own to open.
        if (attrs.community < 0 || !clusters.some((x) => x.community === attrs.community))
          return notify('These are many small groups: search an author to open theirs.');
        return drillInto(String(attrs.community));
      }
      if (attrs.kind === 'paper') return onSelect({ kind: 'paper', id: attrs.paperId });
      if (attrs.kind === 'affiliation') return onSelect({ kind: 'affiliation', node: c.node });
      // A second author clicked while one is open shows the pair (when there are papers to share).
      if (!c.keyboard && selection?.kind === 'author' && selection.key !== attrs.authorKey && index.author(attrs.authorKey))
        return onSelect({ kind: 'pair', a: selection.key, b: attrs.authorKey });
      onSelect({ kind: 'author', key: attrs.authorKey });
    },
    [display, onSelect, selection, index, clusters, drillInto, notify, field],
  );

  const describe = useCallback((node: string) => describeNode(display, index, node), [display, index]);
  const onActivate = useCallback((node: string) => onGraphClick({ node, keyboard: true }), [onGraphClick]);

  const fieldSearch = field?.search;
  const search = useCallback(
    (q: string, limit: number) => (fieldSearch ? fieldSearch(q, limit) : dataset.papers.length ? index.search(q, limit) : searchGraphNodes(source, q, limit)),
    [dataset, index, source, fieldSearch],
  );
  const fieldCommunityOf = field?.communityOf;

  const onSearch = useCallback(
    (hit: SearchHit) => {
      // In the overview, an author is found in their own cluster.
      const node = hit.kind === 'author' ? authorNodeId(hit.key) : null;
      const inField = hit.kind === 'author' && fieldCommunityOf ? fieldCommunityOf(hit.key) : undefined;
      if (inField !== undefined && !display.hasNode(node!)) drillInto(String(inField));
      else if (big && node && !display.hasNode(node) && source.hasNode(node)) drillInto(String(source.getNodeAttribute(node, 'community')));
      onSelect(hit.kind === 'author' ? { kind: 'author', key: hit.key } : { kind: 'paper', id: hit.id }, { focus: true });
    },
    [onSelect, big, display, source, drillInto, fieldCommunityOf],
  );

  return { onSelect, onGraphClick, describe, onActivate, search, onSearch };
}
