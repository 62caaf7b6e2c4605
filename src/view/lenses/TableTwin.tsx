import { useEffect, useMemo, useRef, useState } from 'react';
import { useAtlas } from '../../app/context';
import { asLensGraph } from '../../lenses/filters';
import { useMetrics } from '../../lenses/useMetrics';
import { COLUMNS, rowsToCsv, sortRows, tableRows, type Sort, type TableRow } from '../../lenses/table';
import { setTableOpen, useTableOpen } from './tableOpen';
import './lenses.css';

const ROW = 28;
const OVERSCAN = 8;

/** The graph as a table: the visible authors, sortable, virtualised, keyboard operable, in sync with the selection. */
export function TableTwin() {
  const open = useTableOpen();
  if (!open) return null;
  return <TablePanel />;
}

function TablePanel() {
  const { graph, index, lensView, selection, select, clusters } = useAtlas();
  // The cluster column names each cluster as the legend does (its number stays in the CSV and the sort).
  const clusterNames = useMemo(() => new Map(clusters.map((c) => [c.community + 1, c.name])), [clusters]);
  const [sort, setSort] = useState<Sort>({ column: 'papers', descending: true });
  const filter = lensView.filter;
  // The graph's centralities when it is sized by one, else the table's own (off the main thread too).
  const own = useMetrics(asLensGraph(graph), filter, !lensView.metrics);
  const metrics = lensView.metrics ?? own;
  const rows = useMemo(
    () => (filter ? sortRows(tableRows(asLensGraph(graph), filter, index, metrics, lensView.linkStrengths), sort) : []),
    [graph, filter, index, metrics, sort, lensView.linkStrengths],
  );
  const selectedNode = selection?.kind === 'author' ? `a:${selection.key}` : selection?.kind === 'affiliation' ? selection.node : null;

  // The active row follows the selection; arrow keys move it without selecting.
  const [active, setActive] = useState<string | null>(selectedNode);
  const [followed, setFollowed] = useState(selectedNode);
  if (followed !== selectedNode) {
    setFollowed(selectedNode);
    if (selectedNode) setActive(selectedNode);
  }
  const activeIndex = Math.max(
    0,
    rows.findIndex((r) => r.node === active),
  );

  const grid = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, height: 300 });
  useEffect(() => {
    const el = grid.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setScroll({ top: el.scrollTop, height: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  // Keep the active row in view (it must be rendered for aria-activedescendant).
  useEffect(() => {
    const el = grid.current;
    if (!el || !rows.length) return;
    const top = (activeIndex + 1) * ROW; // +1: the sticky header row
    if (top < el.scrollTop + ROW) el.scrollTop = top - ROW;
    else if (top + ROW > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW - el.clientHeight;
  }, [activeIndex, rows.length]);

  const first = Math.max(0, Math.floor(scroll.top / ROW) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scroll.top + scroll.height) / ROW) + OVERSCAN);
  const move = (to: number) => {
    if (!rows.length) return;
    setActive(rows[Math.max(0, Math.min(rows.length - 1, to))].node);
  };
  const choose = (row: TableRow) => {
    setActive(row.node);
    if (row.key) select({ kind: 'author', key: row.key }, { focus: true });
    else select({ kind: 'affiliation', node: row.node }, { focus: true });
  };

  const onKey = (e: React.KeyboardEvent) => {
    const page = Math.max(1, Math.floor(scroll.height / ROW) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(activeIndex + 1),
      ArrowUp: () => move(activeIndex - 1),
      PageDown: () => move(activeIndex + page),
      PageUp: () => move(activeIndex - page),
      Home: () => move(0),
      End: () => move(rows.length - 1),
      Enter: () => rows[activeIndex] && choose(rows[activeIndex]),
    };
    const run = keys[e.key];
    if (!run) return;
    e.preventDefault();
    run();
  };

  const exportCsv = () => {
    const blob = new Blob([rowsToCsv(rows)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'coauthor-atlas-table.csv';
    a.click();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const rowId = (node: string) => `lens-row-${encodeURIComponent(node)}`;
  const fmt = (v: number | undefined, digits = 3) => (v === undefined ? '…' : v.toFixed(digits));

  return (
    <section
      className="lens-table"
      aria-label="Table of visible authors"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          setTableOpen(false);
        }
      }}
    >
      <header>
        <h2>
          {rows.length.toLocaleString()} visible {graph.someNode((_n, a) => a.kind === 'author') ? 'authors' : 'institutions'}
        </h2>
        <span className="muted small">↑↓ move, Enter selects, Esc closes</span>
        <button type="button" className="lens-button" onClick={exportCsv} disabled={!rows.length}>
          Export CSV
        </button>
        <button type="button" className="lens-button" onClick={() => setTableOpen(false)}>
          Close
        </button>
      </header>
      <div
        ref={grid}
        className="lens-grid"
        role="grid"
        aria-label="Visible authors"
        aria-rowcount={rows.length + 1}
        aria-activedescendant={rows[activeIndex] ? rowId(rows[activeIndex].node) : undefined}
        tabIndex={0}
        onKeyDown={onKey}
        onScroll={(e) => setScroll({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
      >
        <div className="lens-row head" role="row" aria-rowindex={1}>
          {COLUMNS.map((c) => (
            <span key={c.id} role="columnheader" aria-sort={sort.column === c.id ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
              <button
                type="button"
                title={c.label}
                onClick={() => setSort((s) => ({ column: c.id, descending: s.column === c.id ? !s.descending : c.id !== 'label' }))}
              >
                {c.label}
                {sort.column === c.id ? (sort.descending ? ' ▼' : ' ▲') : ''}
              </button>
            </span>
          ))}
        </div>
        <div style={{ height: rows.length * ROW, position: 'relative' }}>
          {rows.slice(first, last).map((r, i) => {
            const at = first + i;
            const cls = ['lens-row', at === activeIndex ? 'active' : '', r.node === selectedNode ? 'selected' : ''].join(' ');
            return (
              <div
                key={r.node}
                id={rowId(r.node)}
                className={cls}
                role="row"
                aria-rowindex={at + 2}
                aria-selected={r.node === selectedNode}
                style={{ position: 'absolute', top: at * ROW, left: 0, right: 0 }}
                onClick={() => choose(r)}
              >
                <span role="gridcell" title={r.label}>
                  {r.label}
                </span>
                <span role="gridcell">{r.papers}</span>
                <span role="gridcell">{r.coauthors}</span>
                <span role="gridcell">{r.links ?? ''}</span>
                <span role="gridcell">{r.strength === undefined ? '' : Math.round(r.strength * 100) / 100}</span>
                <span role="gridcell" title={`${clusterNames.get(r.cluster) ?? 'Cluster'} (cluster ${r.cluster})`}>
                  {clusterNames.get(r.cluster) ?? `Cluster ${r.cluster}`}
                </span>
                <span role="gridcell">{r.firstYear ?? ''}</span>
                <span role="gridcell">{r.lastYear ?? ''}</span>
                <span role="gridcell">{fmt(r.betweenness)}</span>
                <span role="gridcell">{fmt(r.pagerank, 4)}</span>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
