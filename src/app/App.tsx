import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type Sigma from 'sigma';
import { searchGraphNodes, type DatasetIndex, type SearchHit } from '../graph/dataIndex';
import { applyNodeStyles, toDisplayGraph } from '../graph/display';
import { communitySubgraph } from '../graph/overview';
import { usePipeline } from './usePipeline';
import { useFieldFolder } from './useFieldFolder';
import type { Theme } from '../graph/palette';
import { authorNodeId, checkedBuildOptions, DEFAULT_BUILD_OPTIONS, paperNodeId, type BuildOptions } from '../graph/types';
import { presentAlgorithmParams, readAlgorithmParams, writeAlgorithmParams } from '../graph/algorithms';
import { GraphView } from '../view/GraphView';
import { DetailsPanel } from '../view/panels/DetailsPanel';
import { Search } from '../view/Search';
import { MoonIcon, SunIcon } from '../view/icons';
import { ErrorBoundary } from '../view/ErrorBoundary';
import { ToolbarActions } from '../view/ToolbarActions';
import { ToolbarOverflow } from '../view/layout/ToolbarOverflow';
import type { GraphClick } from '../view/controllers/EventsController';
import { AtlasContext, type AtlasApi } from './context';
import { highlightOf } from './highlightOf';
import { describeNode } from './describeNode';
import { readUrlState, writeUrlState, type DatasetChoice, type Selection, type UrlState } from './selection';
import { embeddedWorkspace, loadingWorkspace, urlOpensElsewhere, type Workspace } from './workspace';
import { reopenAtLink, workspaceFromLink, workspaceFromUrl } from './openFromUrl';
import { loadStoredWorkspaceAnySize } from './openStored';
import { readLensState, writeLensState } from '../lenses/url';
import { useLensView } from '../lenses/useLensView';
import { DEFAULT_LENS, type LensState } from '../lenses/types';
import { LensBar } from '../view/lenses/LensBar';
import { Timeline } from '../view/lenses/Timeline';
import { TableTwin } from '../view/lenses/TableTwin';
import { countryAuthors } from '../metrics/countryMap';
// Last: the responsive layout overrides the feature stylesheets imported above.
import '../view/layout/layout.css';

function initialTheme(): Theme {
  const saved = localStorage.getItem('coauthor-atlas:theme');
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Why a selection from the URL cannot be shown, or null when it can. */
function checkSelection(s: Selection, index: DatasetIndex, clusterCount: number, hasNode: (n: string) => boolean): string | null {
  if (!s) return null;
  switch (s.kind) {
    case 'author':
      return index.author(s.key) || hasNode(authorNodeId(s.key)) ? null : `No author “${s.key}” in this dataset.`;
    case 'pair':
      return index.author(s.a) && index.author(s.b) ? null : `No author “${index.author(s.a) ? s.b : s.a}” in this dataset.`;
    case 'paper':
      return index.paper(s.id) ? null : `No paper “${s.id}” in this dataset.`;
    case 'cluster':
      return s.community < clusterCount ? null : `No cluster ${s.community + 1} in this graph.`;
    case 'affiliation':
      return hasNode(s.node) ? null : `No affiliation “${s.node}” in this graph.`;
    case 'country':
      return countryAuthors(index.dataset, s.code).length ? null : `No author from “${s.code}” in this dataset.`;
  }
}

function nodesOf(s: Selection, index: DatasetIndex, clusterNodes: (c: number) => string[]): string[] {
  if (!s) return [];
  switch (s.kind) {
    case 'author':
      return [authorNodeId(s.key)];
    case 'pair':
      return [authorNodeId(s.a), authorNodeId(s.b)];
    case 'paper':
      return [paperNodeId(s.id), ...index.authorsOf(s.id).map(authorNodeId)];
    case 'cluster':
      return clusterNodes(s.community);
    case 'affiliation':
      return [s.node];
    case 'country':
      return countryAuthors(index.dataset, s.code).map(authorNodeId);
  }
}

/**
 * The `dataset` URL parameter that reopens a workspace: an embedded or stored dataset. A snapshot,
 * graph file or link is not stored, so its URL keeps the default rather than pointing at nothing.
 */
function datasetParamOf(ws: Workspace): string {
  if (ws.origin === 'embedded') return ws.id === embeddedWorkspace('shown').id ? 'shown' : 'full';
  return ws.origin === 'import' ? ws.id : 'full';
}

/** The workspace an embedded `dataset` URL parameter names, if it names one. */
function embeddedFor(param: string): Workspace | null {
  return param === 'full' ? embeddedWorkspace('full') : param === 'shown' ? embeddedWorkspace('shown') : null;
}

export function App() {
  const [url, setUrl] = useState<UrlState>(() => readUrlState(window.location.search));
  // The workspace asked for; `workspace` below is the one whose graph is ready (big ones build in a worker).
  const [requested, setWorkspace] = useState<Workspace>(() =>
    urlOpensElsewhere(window.location.search, window.location.hash) ? loadingWorkspace() : (embeddedFor(url.dataset) ?? embeddedWorkspace('full')),
  );
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const [lens, setLensState] = useState<LensState>(() => readLensState(window.location.search));
  const lensRef = useRef(lens);
  lensRef.current = lens;
  // Layout and clustering choices live in the URL (layout=, clusters=, resolution=); the other options come with a workspace.
  const [options, setOptions] = useState<BuildOptions>(() => ({ ...DEFAULT_BUILD_OPTIONS, ...readAlgorithmParams(window.location.search) }));
  useEffect(() => {
    const search = writeAlgorithmParams(options, window.location.search);
    if (search !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
  }, [options]);
  const [focusRequest, setFocusRequest] = useState<{ nodes: string[]; nonce: number } | null>(null);
  const [message, setMessage] = useState<{ text: string; kind: 'info' | 'error' } | null>(null);
  const sigmaRef = useRef<Sigma | null>(null);

  const workspaceRef = useRef(requested);
  workspaceRef.current = requested;
  const notify = useCallback((text: string, kind: 'info' | 'error' = 'info') => setMessage({ text, kind }), []);
  const onPipelineError = useCallback((text: string) => notify(text, 'error'), [notify]);
  // The institution / country lens swaps the unit of the network.
  const { bundle, progress } = usePipeline(requested, options, lens.unit, onPipelineError);
  const { workspace, index, source, clusters } = bundle;
  const dataset = workspace.dataset;
  // Level of detail: a graph too big to draw author by author opens on its cluster overview;
  // `?drill=<community>` opens one cluster, `?drill=all` the whole graph.
  const [drill, setDrillState] = useState<string | null>(() => new URLSearchParams(window.location.search).get('drill'));
  // The pipeline makes an overview exactly for the graphs that need one (needsOverview).
  const overview = bundle.overview;
  // A field folder (npm run field) opens on its own overview; a cluster's tile is read when the user opens it.
  const field = useFieldFolder(workspace.field, drill, options.counting, notify);
  const fieldCluster = field?.cluster ?? null;
  const fieldOverview = field?.overview ?? null;
  const big = overview !== null || field !== null;
  const shown = useMemo(() => {
    if (workspace.field) return fieldCluster ?? fieldOverview ?? source;
    if (!big || drill === 'all') return source;
    if (drill !== null && /^\d+$/.test(drill)) return communitySubgraph(source, Number(drill));
    return overview ?? source;
  }, [source, big, drill, overview, workspace.field, fieldCluster, fieldOverview]);
  const setDrill = useCallback((next: string | null) => {
    setDrillState(next);
    const params = new URLSearchParams(window.location.search);
    if (next === null) params.delete('drill');
    else params.set('drill', next);
    window.history.pushState(null, '', `${window.location.pathname}${params.toString() ? `?${params}` : ''}${window.location.hash}`);
  }, []);
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
  // VOS positions are the layout itself: ForceAtlas2 does not run after them.
  const hasSavedLayout =
    (Boolean(workspace.positions) && !(big && drill === null)) || Boolean(shown.getAttribute('vosLayout') || shown.getAttribute('fieldFolder'));
  const clusterNodes = useCallback((c: number) => clusters.find((x) => x.community === c)?.nodes ?? [], [clusters]);

  // A node of the whole graph counts even when the overview does not draw it.
  // (A field's author is known once their cluster's tile is read.)
  const problem = field?.loading ? null : checkSelection(url.selection, index, clusters.length, (n) => source.hasNode(n) || shown.hasNode(n));
  const selection = problem || field?.loading ? null : url.selection;
  const overviewLensInput = useMemo(() => (big && drill === null ? { source, index: bundle.overviewIndex } : null), [big, drill, source, bundle.overviewIndex]);
  const lensView = useLensView(display, index, lens, selection, overviewLensInput);
  const selectionHighlight = useMemo(() => highlightOf(selection, display, index), [selection, display, index]);
  const highlight = lensView.highlight !== undefined ? lensView.highlight : selectionHighlight;

  const navigate = useCallback((next: UrlState, replace = false) => {
    const search = writeUrlState(next, window.location.search);
    if (search !== window.location.search) {
      const href = `${window.location.pathname}${search}${window.location.hash}`;
      if (replace) window.history.replaceState(null, '', href);
      else window.history.pushState(null, '', href);
    }
    setUrl(next);
  }, []);

  const openWorkspace = useCallback(
    (ws: Workspace, opts?: { replace?: boolean }) => {
      setWorkspace(ws);
      if (ws.options) setOptions(checkedBuildOptions(ws.options));
      const param = datasetParamOf(ws);
      const params = new URLSearchParams(window.location.search);
      if (ws.origin !== 'link') params.delete('file');
      params.delete('drill');
      setDrillState(null);
      // Filters made for the previous data would hide the new one; colour, size and unit carry over.
      const kept: LensState = {
        ...DEFAULT_LENS,
        colorBy: lensRef.current.colorBy,
        sizeBy: lensRef.current.sizeBy,
        unit: lensRef.current.unit,
        normalization: ws.lens?.normalization ?? lensRef.current.normalization,
        topStrength: ws.lens?.topStrength,
      };
      setLensState(kept);
      const search = writeLensState(kept, params.toString() ? `?${params}` : '');
      // A share link's hash describes the workspace it opened, not this one.
      const hash = window.location.hash.startsWith('#s=') ? '' : window.location.hash;
      window.history.replaceState(null, '', `${window.location.pathname}${search}${hash}`);
      navigate({ dataset: param, selection: ws.selection ?? null }, opts?.replace);
      if (ws.selection) setFocusRequest(null);
    },
    [navigate],
  );

  // Lens changes replace the URL entry (no history entry per slider step) and keep the other parameters.
  const setLens = useCallback((next: LensState) => {
    setLensState(next);
    const search = writeLensState(next, window.location.search);
    if (search !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
  }, []);

  // URL → state on back/forward: the selection, the lenses, and the embedded dataset when the URL names one.
  useEffect(() => {
    const onPop = () => {
      const next = readUrlState(window.location.search);
      setUrl(next);
      setLensState(readLensState(window.location.search));
      setDrillState(new URLSearchParams(window.location.search).get('drill'));
      // Only a URL naming another dataset switches it: back from a selection in a snapshot,
      // a graph file or a link keeps that workspace.
      const current = workspaceRef.current;
      if (datasetParamOf(current) === next.dataset) return;
      const embedded = embeddedFor(next.dataset);
      if (embedded) setWorkspace(embedded);
      else void loadStoredWorkspaceAnySize(next.dataset).then((ws) => ws && setWorkspace(ws));
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  // A workspace the URL points at beyond the embedded ones (a stored dataset, a ?file= link).
  useEffect(() => {
    const controller = new AbortController();
    // Whatever fails to open, the user gets the embedded profile rather than an empty page.
    const fallBack = () => setWorkspace((current) => (current.id === 'loading' ? embeddedWorkspace('full') : current));
    workspaceFromUrl(window.location.search, { signal: controller.signal, notify })
      .then((ws) => {
        if (controller.signal.aborted) return;
        if (!ws) return fallBack();
        setWorkspace(ws);
        // A layout or clustering the URL names wins over the one stored with the workspace.
        if (ws.options) setOptions(checkedBuildOptions({ ...ws.options, ...presentAlgorithmParams(window.location.search) }));
        if (ws.lens && (ws.lens.normalization || ws.lens.topStrength)) setLens({ ...lensRef.current, ...ws.lens });
        // A share link or snapshot brings its own selection.
        if (ws.selection) navigate({ ...readUrlState(window.location.search), selection: ws.selection }, true);
      })
      .catch((e: unknown) => {
        notify(`Could not open what the link points at: ${(e as Error).message}. The current dataset is kept.`, 'error');
        fallBack();
      });
    return () => controller.abort();
  }, [notify, navigate, setLens]);

  const linkAbort = useRef<AbortController | null>(null);
  const openLink = useCallback(
    (link: string) => {
      // A link to an origin the page's policy does not allow reopens the page at ?file=<link>.
      if (reopenAtLink(link)) return;
      linkAbort.current?.abort();
      const controller = new AbortController();
      linkAbort.current = controller;
      void workspaceFromLink(link, { signal: controller.signal, notify }).then((ws) => {
        if (!ws || controller.signal.aborted) return;
        // The link stays in the address bar: copying it gives the same view.
        const params = new URLSearchParams();
        params.set('file', link);
        window.history.pushState(null, '', `${window.location.pathname}?${params.toString()}`);
        setUrl({ dataset: 'full', selection: ws.selection ?? null });
        setWorkspace(ws);
        if (ws.options) setOptions(checkedBuildOptions(ws.options));
      });
    },
    [notify],
  );

  // A link dropped on the page opens like ?file= (files dropped are the import dialog's).
  useEffect(() => {
    const isLinkDrag = (e: DragEvent) => Boolean(e.dataTransfer && e.dataTransfer.types.includes('text/uri-list') && !e.dataTransfer.types.includes('Files'));
    const onOver = (e: DragEvent) => {
      if (isLinkDrag(e)) e.preventDefault();
    };
    const onDrop = (e: DragEvent) => {
      if (!isLinkDrag(e)) return;
      e.preventDefault();
      const link = e
        .dataTransfer!.getData('text/uri-list')
        .split(/\r?\n/)
        .find((l) => l && !l.startsWith('#'));
      if (link) openLink(link.trim());
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [openLink]);

  // Focus the selection that came with the URL, once the graph is there.
  useEffect(() => {
    if (selection) setFocusRequest({ nodes: nodesOf(selection, index, clusterNodes), nonce: Date.now() });
    // Only on first load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A field's cluster read after its author was chosen (by search or from the URL): bring the author into view.
  useEffect(() => {
    if (fieldCluster && selection?.kind === 'author' && fieldCluster.hasNode(authorNodeId(selection.key)))
      setFocusRequest({ nodes: [authorNodeId(selection.key)], nonce: Date.now() });
    // Only when the tile arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fieldCluster]);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem('coauthor-atlas:theme', theme);
  }, [theme]);

  const onSelect = useCallback(
    (s: Selection, opts?: { focus?: boolean }) => {
      navigate({ ...url, selection: s });
      if (opts?.focus && s) setFocusRequest({ nodes: nodesOf(s, index, clusterNodes), nonce: Date.now() });
    },
    [navigate, url, index, clusterNodes],
  );

  const onGraphClick = useCallback(
    (c: GraphClick) => {
      if ('stage' in c) return onSelect(null);
      const attrs = display.getNodeAttributes(c.node);
      if (attrs.kind === 'cluster') {
        if (field && attrs.community >= 0) return setDrill(String(attrs.community));
        // The node that gathers the many small communities has no community of its own to open.
        if (attrs.community < 0 || !clusters.some((x) => x.community === attrs.community))
          return notify('These are many small groups: search an author to open theirs.');
        return setDrill(String(attrs.community));
      }
      if (attrs.kind === 'paper') return onSelect({ kind: 'paper', id: attrs.paperId });
      if (attrs.kind === 'affiliation') return onSelect({ kind: 'affiliation', node: c.node });
      // A second author clicked while one is open shows the pair (when there are papers to share).
      if (!c.keyboard && selection?.kind === 'author' && selection.key !== attrs.authorKey && index.author(attrs.authorKey))
        return onSelect({ kind: 'pair', a: selection.key, b: attrs.authorKey });
      onSelect({ kind: 'author', key: attrs.authorKey });
    },
    [display, onSelect, selection, index, clusters, setDrill, notify, field],
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
      if (inField !== undefined && !display.hasNode(node!)) setDrill(String(inField));
      else if (big && node && !display.hasNode(node) && source.hasNode(node)) setDrill(String(source.getNodeAttribute(node, 'community')));
      onSelect(hit.kind === 'author' ? { kind: 'author', key: hit.key } : { kind: 'paper', id: hit.id }, { focus: true });
    },
    [onSelect, big, display, source, setDrill, fieldCommunityOf],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // A key a dialog handled (Escape closing it) or pressed inside one is not the page's.
      const inDialog = e.target instanceof Element && e.target.closest('dialog, [role="dialog"]');
      if (e.defaultPrevented || inDialog || document.querySelector('dialog[open]')) return;
      const typing = e.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName);
      if (e.key === 'Escape' && !typing && url.selection) onSelect(null);
      if (e.key === '/' && !typing) {
        e.preventDefault();
        document.querySelector<HTMLInputElement>('input[aria-label="Search"]')?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onSelect, url.selection]);

  const onDatasetChoice = useCallback((c: DatasetChoice) => openWorkspace(embeddedWorkspace(c)), [openWorkspace]);
  const onOptions = useCallback((o: Partial<BuildOptions>) => setOptions((prev) => checkedBuildOptions({ ...prev, ...o })), []);
  const onSigma = useCallback((s: Sigma | null) => {
    sigmaRef.current = s;
  }, []);

  const api = useMemo<AtlasApi>(
    () => ({
      workspace,
      index,
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
      setOptions: workspace.graph ? undefined : onOptions,
    }),
    [
      workspace,
      index,
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

  return (
    <AtlasContext.Provider value={api}>
      <div className="app">
        <header className="topbar">
          <h1 className="brand">
            <img src="/favicon.svg" alt="" width={22} height={22} /> <span className="brand-name">Coauthor Atlas</span>
          </h1>
          <span className="dataset-title muted">{dataset.title}</span>
          <Search search={search} onChoose={onSearch} onClear={() => onSelect(null)} />
          <ToolbarOverflow>
            <ToolbarActions />
          </ToolbarOverflow>
          <button
            type="button"
            className="icon-button"
            onClick={() => setTheme((t) => (t === 'dark' ? 'light' : 'dark'))}
            aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
            title="Toggle dark / light theme"
          >
            {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
          </button>
        </header>
        <ErrorBoundary getData={() => ({ format: 'coauthor-atlas-dataset', dataset: workspaceRef.current.dataset, options })}>
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
                <div className="lod-bar" role="status">
                  {drill === null ? (
                    <>
                      Overview: {(field ? field.index.summary.authors : source.order).toLocaleString('en-US')} nodes are too many to draw at once, so each node
                      here is a cluster. Click one to open it, or search an author.
                    </>
                  ) : (
                    <>
                      {drill === 'all'
                        ? 'The whole graph'
                        : field?.loading
                          ? `Reading cluster ${Number(drill) + 1}…`
                          : `Cluster ${Number(drill) + 1}: ${display.order.toLocaleString('en-US')} nodes`}{' '}
                      <button type="button" className="link" onClick={() => setDrill(null)}>
                        ← Overview
                      </button>
                    </>
                  )}{' '}
                  {drill !== 'all' && !field && (
                    <button type="button" className="link" onClick={() => setDrill('all')}>
                      Show the whole graph (slow)
                    </button>
                  )}
                </div>
              )}
              <div className="graph-stage">
                {/* Notices float over the top of the graph instead of pushing the workspace down. */}
                <div className="notices">
                  {problem && (
                    <div role="alert" className="notice">
                      {problem} Showing the overview instead.{' '}
                      <button type="button" className="link" onClick={() => navigate({ ...url, selection: null }, true)}>
                        Dismiss
                      </button>
                    </div>
                  )}
                  {message && (
                    <div role={message.kind === 'error' ? 'alert' : 'status'} className={`notice ${message.kind}`}>
                      {message.text}{' '}
                      <button type="button" className="link" onClick={() => setMessage(null)}>
                        Dismiss
                      </button>
                    </div>
                  )}
                </div>
                <GraphView
                  graph={display}
                  theme={theme}
                  highlight={highlight}
                  focusRequest={focusRequest}
                  onClick={onGraphClick}
                  autoLayout={!hasSavedLayout}
                  initialCamera={workspace.camera}
                  onSigma={onSigma}
                  lens={lensView}
                  describeNode={describe}
                  onActivate={onActivate}
                />
              </div>
              <Timeline />
            </section>
            <DetailsPanel
              selection={selection}
              index={index}
              graph={field ? shown : source}
              clusters={clusters}
              theme={theme}
              datasetChoice={workspace.origin === 'embedded' ? (url.dataset === 'shown' ? 'shown' : 'full') : null}
              onDatasetChoice={onDatasetChoice}
              options={options}
              onOptions={workspace.graph && !workspace.field ? undefined : onOptions}
              onSelect={onSelect}
            />
            <TableTwin />
          </main>
        </ErrorBoundary>
      </div>
    </AtlasContext.Provider>
  );
}
