import { useCallback, useEffect } from 'react';
import { usePipeline } from './usePipeline';
import { GraphView } from '../view/GraphView';
import { DetailsPanel } from '../view/panels/DetailsPanel';
import { Search } from '../view/Search';
import { MoonIcon, SunIcon } from '../view/icons';
import { ErrorBoundary } from '../view/ErrorBoundary';
import { ToolbarActions } from '../view/ToolbarActions';
import { ToolbarOverflow } from '../view/layout/ToolbarOverflow';
import { LevelOfDetailBar } from '../view/layout/LevelOfDetailBar';
import { Notices } from '../view/layout/Notices';
import { LensBar } from '../view/lenses/LensBar';
import { Timeline } from '../view/lenses/Timeline';
import { TableTwin } from '../view/lenses/TableTwin';
import { AtlasContext } from './context';
import type { DatasetChoice } from './selection';
import { embeddedWorkspace } from './workspace';
import { useAppStore } from './state/useAppStore';
import { useOpenFromAddress } from './useOpenFromAddress';
import { useLinkOpening } from './useLinkOpening';
import { useShownGraph } from './useShownGraph';
import { useSelectionView } from './useSelectionView';
import { useGraphInteractions } from './useGraphInteractions';
import { usePageKeys } from './usePageKeys';
import { useAtlasApi } from './useAtlasApi';
// Last: the responsive layout overrides the feature stylesheets imported above.
import '../view/layout/layout.css';

/** The page layout. The state lives in the store (src/app/state/), the behaviour in the hooks beside this file. */
export function App() {
  const { state, actions, store } = useAppStore();
  const { theme, options, message } = state;
  const { notify, select, drillInto, openWorkspace } = actions;
  const onPipelineError = useCallback((text: string) => notify(text, 'error'), [notify]);
  // The institution / country lens swaps the unit of the network.
  const { bundle, progress } = usePipeline(state.workspace, options, state.lens.unit, onPipelineError);
  const { workspace, index, source, clusters } = bundle;
  useOpenFromAddress(store, actions);
  const openLink = useLinkOpening(actions);
  const shownGraph = useShownGraph(bundle, state, notify);
  const { field, big, shown, display, hasSavedLayout } = shownGraph;
  const view = useSelectionView(bundle, state, shownGraph, actions);
  const { problem, selection, lensView, highlight } = view;
  const interactions = useGraphInteractions(bundle, shownGraph, selection, view.clusterNodes, actions);
  const { onSelect } = interactions;
  const { api, onSigma, onOptions } = useAtlasApi(bundle, state, actions, shownGraph, view, onSelect, openLink);
  const clearSelection = useCallback(() => onSelect(null), [onSelect]);
  usePageKeys(state.selection !== null, clearSelection);
  const onDatasetChoice = useCallback((c: DatasetChoice) => openWorkspace(embeddedWorkspace(c)), [openWorkspace]);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem('coauthor-atlas:theme', theme);
  }, [theme]);

  return (
    <AtlasContext.Provider value={api}>
      <div className="app">
        <header className="topbar">
          <h1 className="brand">
            <img src="/favicon.svg" alt="" width={22} height={22} /> <span className="brand-name">Coauthor Atlas</span>
          </h1>
          <span className="dataset-title muted">{workspace.dataset.title}</span>
          <Search search={interactions.search} onChoose={interactions.onSearch} onClear={clearSelection} />
          <ToolbarOverflow>
            <ToolbarActions />
          </ToolbarOverflow>
          <button
            type="button"
            className="icon-button"
            onClick={() => actions.setTheme(theme === 'dark' ? 'light' : 'dark')}
            aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
            title="Toggle dark / light theme"
          >
            {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
          </button>
        </header>
        <ErrorBoundary getData={() => ({ format: 'coauthor-atlas-dataset', dataset: store.getState().workspace.dataset, options })}>
          <main className="workspace">
            <section className="graph" aria-label="Coauthor network">
              <LensBar />
              {progress && (
                <div className="lod-bar build-progress" role="status">
                  <span>{progress.stage}…</span>
                  <progress max={1} value={progress.share} aria-label="Building the graph" />
                </div>
              )}
              {big && (
                <LevelOfDetailBar
                  drill={shownGraph.shownDrill}
                  totalNodes={field ? field.index.summary.authors : source.order}
                  shownNodes={display.order}
                  loading={Boolean(field?.loading)}
                  canShowAll={!field && !bundle.edgesApart}
                  onDrill={drillInto}
                />
              )}
              <div className="graph-stage">
                {/* Notices float over the top of the graph instead of pushing the workspace down. */}
                <Notices
                  problem={problem}
                  onDismissProblem={() => select(null, { replace: true })}
                  message={message}
                  onDismissMessage={actions.dismissMessage}
                />
                <GraphView
                  graph={display}
                  theme={theme}
                  highlight={highlight}
                  focusRequest={state.focusRequest}
                  onClick={interactions.onGraphClick}
                  autoLayout={!hasSavedLayout}
                  initialCamera={workspace.camera}
                  onSigma={onSigma}
                  lens={lensView}
                  describeNode={interactions.describe}
                  onActivate={interactions.onActivate}
                />
              </div>
              <Timeline />
            </section>
            <DetailsPanel
              selection={selection}
              index={index}
              graph={field ? shown : source}
              edgesApart={field ? null : (bundle.edgesApart ?? null)}
              clusters={clusters}
              theme={theme}
              datasetChoice={workspace.origin === 'embedded' ? (state.dataset === 'shown' ? 'shown' : 'full') : null}
              onDatasetChoice={onDatasetChoice}
              options={options}
              onOptions={onOptions}
              onSelect={onSelect}
            />
            <TableTwin />
          </main>
        </ErrorBoundary>
      </div>
    </AtlasContext.Provider>
  );
}
