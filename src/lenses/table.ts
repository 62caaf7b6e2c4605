/** The table twin's rows, sorting and CSV: pure. */
import type { DatasetIndex } from '../graph/dataIndex';
import { paperYear } from '../graph/authors';
import type { FilterResult, LensGraph } from './filters';
import type { Metrics } from './metrics';
import type { LinkStrength } from './linkStrength';

export interface TableRow {
  node: string;
  /** Author key (absent for institution rows). */
  key?: string;
  label: string;
  papers: number;
  coauthors: number;
  /** 1-based cluster number, as the legend shows it. */
  cluster: number;
  firstYear?: number;
  lastYear?: number;
  betweenness?: number;
  pagerank?: number;
  /** VOSviewer's Links and Total link strength (mapLens.ts). */
  links?: number;
  strength?: number;
}

export type SortColumn = 'label' | 'papers' | 'coauthors' | 'links' | 'strength' | 'cluster' | 'firstYear' | 'lastYear' | 'betweenness' | 'pagerank';
export interface Sort {
  column: SortColumn;
  descending: boolean;
}

export const COLUMNS: { id: SortColumn; label: string }[] = [
  { id: 'label', label: 'Name' },
  { id: 'papers', label: 'Papers' },
  { id: 'coauthors', label: 'Coauthors' },
  { id: 'links', label: 'Links' },
  { id: 'strength', label: 'Total link strength' },
  { id: 'cluster', label: 'Cluster' },
  { id: 'firstYear', label: 'First year' },
  { id: 'lastYear', label: 'Last year' },
  { id: 'betweenness', label: 'Betweenness' },
  { id: 'pagerank', label: 'PageRank' },
];

/** One row per visible actor; years and counts from the papers the lenses keep. */
export function tableRows(
  graph: LensGraph,
  filter: FilterResult,
  index: DatasetIndex,
  metrics?: Metrics,
  strengths?: ReadonlyMap<string, LinkStrength>,
): TableRow[] {
  return filter.actors.map((node) => {
    const a = graph.getNodeAttributes(node);
    const papers = filter.papersOf(node);
    let firstYear: number | undefined;
    let lastYear: number | undefined;
    for (const pid of papers) {
      const p = index.paper(pid);
      const y = p && paperYear(p);
      if (y === undefined) continue;
      firstYear = firstYear === undefined ? y : Math.min(firstYear, y);
      lastYear = lastYear === undefined ? y : Math.max(lastYear, y);
    }
    if (firstYear === undefined && a.kind === 'author') ({ firstYear, lastYear } = a);
    return {
      node,
      key: a.kind === 'author' ? a.authorKey : undefined,
      label: a.label,
      papers: papers.length,
      coauthors: filter.ties(node).size,
      cluster: a.community + 1,
      firstYear,
      lastYear,
      betweenness: metrics?.betweenness[node],
      pagerank: metrics?.pagerank[node],
      links: strengths?.get(node)?.links,
      strength: strengths?.get(node)?.strength,
    };
  });
}

/** Sorted copy; missing values last; ties by name. */
export function sortRows(rows: TableRow[], sort: Sort): TableRow[] {
  const dir = sort.descending ? -1 : 1;
  const byName = (x: TableRow, y: TableRow) => x.label.localeCompare(y.label) || x.node.localeCompare(y.node);
  return [...rows].sort((x, y) => {
    if (sort.column === 'label') return dir * byName(x, y);
    const a = x[sort.column];
    const b = y[sort.column];
    if (a === undefined || b === undefined) return a === b ? byName(x, y) : a === undefined ? 1 : -1;
    return dir * (a - b) || byName(x, y);
  });
}

const cell = (v: string | number | undefined) => {
  if (v === undefined) return '';
  let s = String(v);
  // Spreadsheets run cells that start with these as formulas.
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function rowsToCsv(rows: TableRow[]): string {
  // The map lens's columns go last, so that the older columns keep their places for anyone reading the file.
  const map: SortColumn[] = ['links', 'strength'];
  const head = ['id', ...COLUMNS.filter((c) => !map.includes(c.id)).map((c) => c.label), ...map.map((id) => COLUMNS.find((c) => c.id === id)!.label)].join(',');
  const round = (v: number | undefined) => (v === undefined ? undefined : Math.round(v * 1e4) / 1e4);
  const body = rows.map((r) =>
    [r.node, r.label, r.papers, r.coauthors, r.cluster, r.firstYear, r.lastYear, r.betweenness, r.pagerank, r.links, round(r.strength)].map(cell).join(','),
  );
  return [head, ...body].join('\r\n') + '\r\n';
}
