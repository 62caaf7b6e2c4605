import { useCallback, useMemo, useRef } from 'react';
import type Sigma from 'sigma';
import type { BuildOptions } from '../graph/types';
import type { AtlasApi } from './context';
import type { AppState } from './state/appState';
import type { AppActions } from './state/useAppStore';
import type { Bundle } from './usePipeline';
import type { useSelectionView } from './useSelectionView';
import type { useShownGraph } from './useShownGraph';

/** What toolbar features read and do (`useAtlas()`), from the store's state and actions and what the page draws. */
export function useAtlasApi(
  bundle: Bundle,
  state: AppState,
  actions: AppActions,
  shownGraph: ReturnType<typeof useShownGraph>,
  view: ReturnType<typeof useSelectionView>,
  onSelect: AtlasApi['select'],
  openLink: (link: string) => void,
) {
  const { workspace, index, units, source, clusters } = bundle;
  const { display, shown } = shownGraph;
  const { options, theme, lens } = state;
  const { selection, lensView } = view;
  const { openWorkspace, notify, setLens, setOptions } = actions;
  const sigmaRef = useRef<Sigma | null>(null);
  const onSigma = useCallback((s: Sigma | null) => {
    sigmaRef.current = s;
  }, []);
  // Ready-made graphs (graph files) have no build options to change.
  // A graph file has no build options; a field folder has one: its counting (full / fractional).
  const onOptions = useMemo(
    () => (workspace.graph && !workspace.field ? undefined : (o: Partial<BuildOptions>) => setOptions(o)),
    [workspace.graph, workspace.field, setOptions],
  );
  const api = useMemo<AtlasApi>(
    () => ({
      workspace,
      index,
      units,
      graph: display,
      clusters,
      options,
      selection,
      theme,
      displayIsWhole: shown === source,
      getSigma: () => sigmaRef.current,
      openWorkspace,
      openLink,
      notify,
      lens,
      setLens,
      lensView,
      select: onSelect,
      setOptions: onOptions,
    }),
    [
      workspace,
      index,
      units,
      display,
      shown,
      source,
      clusters,
      options,
      selection,
      theme,
      openWorkspace,
      openLink,
      notify,
      lens,
      setLens,
      lensView,
      onSelect,
      onOptions,
    ],
  );
  return { api, onSigma, onOptions };
}
