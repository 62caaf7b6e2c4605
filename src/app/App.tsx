import { useCallback, useEffect, useMemo, useState } from 'react';
import { buildGraph } from '../graph/build';
import { resolveDataset } from '../graph/authors';
import { indexDataset, type DatasetIndex, type SearchHit } from '../graph/dataIndex';
import { summariseClusters } from '../graph/clusters';
import { toDisplayGraph } from '../graph/display';
import type { Theme } from '../graph/palette';
import { authorNodeId, DEFAULT_BUILD_OPTIONS, paperNodeId, type BuildOptions } from '../graph/types';
import { GraphView } from '../view/GraphView';
import { DetailsPanel } from '../view/panels/DetailsPanel';
import { Search } from '../view/Search';
import { MoonIcon, SunIcon } from '../view/icons';
import type { GraphClick } from '../view/controllers/EventsController';
import { EMBEDDED } from './datasets';
import { highlightOf } from './highlightOf';
import { readUrlState, writeUrlState, type DatasetChoice, type Selection, type UrlState } from './selection';

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
      return index.author(s.key) ? null : `No author “${s.key}” in this dataset.`;
    case 'pair':
      return index.author(s.a) && index.author(s.b) ? null : `No author “${index.author(s.a) ? s.b : s.a}” in this dataset.`;
    case 'paper':
      return index.paper(s.id) ? null : `No paper “${s.id}” in this dataset.`;
    case 'cluster':
      return s.community < clusterCount ? null : `No cluster ${s.community + 1} in this graph.`;
    case 'affiliation':
      return hasNode(s.node) ? null : `No affiliation “${s.node}” in this graph.`;
  }
}

function nodesOf(s: Selection, index: DatasetIndex, clusterNodes: (c: number) => string[]): string[] {
  if (!s) return [];
  switch (s.kind) {
    case 'author': return [authorNodeId(s.key)];
    case 'pair': return [authorNodeId(s.a), authorNodeId(s.b)];
    case 'paper': return [paperNodeId(s.id), ...index.authorsOf(s.id).map(authorNodeId)];
    case 'cluster': return clusterNodes(s.community);
    case 'affiliation': return [s.node];
  }
}

export function App() {
  const [url, setUrl] = useState<UrlState>(() => readUrlState(window.location.search));
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const [options, setOptions] = useState<BuildOptions>(DEFAULT_BUILD_OPTIONS);
  const [focusRequest, setFocusRequest] = useState<{ nodes: string[]; nonce: number } | null>(null);

  const dataset = EMBEDDED[url.dataset];
  const resolved = useMemo(() => resolveDataset(dataset), [dataset]);
  const index = useMemo(() => indexDataset(dataset, resolved), [dataset, resolved]);
  const source = useMemo(() => buildGraph(dataset, options, resolved), [dataset, options, resolved]);
  // The display copy is made once per source graph; theme changes recolour it in place.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const display = useMemo(() => toDisplayGraph(source, theme), [source]);
  const clusters = useMemo(() => summariseClusters(source), [source]);
  const clusterNodes = useCallback((c: number) => clusters.find((x) => x.community === c)?.nodes ?? [], [clusters]);

  const problem = checkSelection(url.selection, index, clusters.length, (n) => display.hasNode(n));
  const selection = problem ? null : url.selection;
  const highlight = useMemo(() => highlightOf(selection, display, index), [selection, display, index]);

  // URL → state on back/forward.
  useEffect(() => {
    const onPop = () => setUrl(readUrlState(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  // Focus the selection that came with the URL, once the graph is there.
  useEffect(() => {
    if (selection) setFocusRequest({ nodes: nodesOf(selection, index, clusterNodes), nonce: Date.now() });
    // Only on first load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem('coauthor-atlas:theme', theme);
  }, [theme]);

  const navigate = useCallback((next: UrlState) => {
    const search = writeUrlState(next, window.location.search);
    if (search !== window.location.search) window.history.pushState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
    setUrl(next);
  }, []);

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
      if (attrs.kind === 'paper') return onSelect({ kind: 'paper', id: attrs.paperId });
      if (attrs.kind === 'affiliation') return onSelect({ kind: 'affiliation', node: c.node });
      // A second author clicked while one is open shows the pair.
      if (selection?.kind === 'author' && selection.key !== attrs.authorKey) return onSelect({ kind: 'pair', a: selection.key, b: attrs.authorKey });
      onSelect({ kind: 'author', key: attrs.authorKey });
    },
    [display, onSelect, selection],
  );

  const onSearch = useCallback(
    (hit: SearchHit) => onSelect(hit.kind === 'author' ? { kind: 'author', key: hit.key } : { kind: 'paper', id: hit.id }, { focus: true }),
    [onSelect],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
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

  const onDatasetChoice = useCallback((c: DatasetChoice) => navigate({ dataset: c, selection: null }), [navigate]);
  const onOptions = useCallback((o: Partial<BuildOptions>) => setOptions((prev) => ({ ...prev, ...o })), []);

  return (
    <div className="app">
      <header className="topbar">
        <h1 className="brand">
          <img src="/favicon.svg" alt="" width={22} height={22} /> Coauthor Atlas
        </h1>
        <span className="dataset-title muted">{dataset.title}</span>
        <Search index={index} onChoose={onSearch} />
        <button type="button" className="theme-toggle" onClick={() => setTheme((t) => (t === 'dark' ? 'light' : 'dark'))} aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'} title="Toggle dark / light theme">
          {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
        </button>
      </header>
      {problem && (
        <div role="alert" className="notice">
          {problem} Showing the profile instead.{' '}
          <button type="button" className="link" onClick={() => navigate({ ...url, selection: null })}>Dismiss</button>
        </div>
      )}
      <main className="workspace">
        <section className="graph" aria-label="Coauthor network">
          <GraphView graph={display} theme={theme} highlight={highlight} focusRequest={focusRequest} onClick={onGraphClick} />
        </section>
        <DetailsPanel
          selection={selection}
          index={index}
          graph={display}
          clusters={clusters}
          theme={theme}
          datasetChoice={url.dataset}
          onDatasetChoice={onDatasetChoice}
          options={options}
          onOptions={onOptions}
          onSelect={onSelect}
        />
      </main>
    </div>
  );
}
