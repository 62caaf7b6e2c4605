import type { Dataset } from '../model/types';
import type { AtlasGraph, EdgeAttributes, NodeAttributes } from '../graph/types';
import { isEdgeVisible, isNodeVisible, nodeView, type ViewState } from './view';
import { joinList } from './xml';

export type CsvValue = string | number | boolean | null | undefined;

/** Leading characters a spreadsheet may treat as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 field. Text starting with = + - @ (or tab/CR) gets a leading "'" so spreadsheets
 * show it as text; numbers are written as numbers (negative coordinates stay numeric).
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let s: string;
  if (typeof value === 'number') s = Number.isFinite(value) ? String(value) : '';
  else if (typeof value === 'boolean') s = value ? 'true' : 'false';
  else {
    s = value;
    if (FORMULA_START.test(s)) s = `'${s}`;
  }
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 text: header row, CRLF line breaks, trailing CRLF. */
export function toCsv(header: readonly string[], rows: readonly CsvValue[][]): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return lines.join('\r\n') + '\r\n';
}

export interface CsvExportOptions {
  includeHidden?: boolean;
  /** VOSviewer's Links and total link strength per author as the app shows them (src/lenses/linkStrength.ts). */
  linkStrengths?: ReadonlyMap<string, { links: number; strength: number }>;
}

export const NODE_CSV_HEADER = [
  'id',
  'label',
  'kind',
  'community',
  'paperCount',
  'paperIds',
  'affiliations',
  'spellings',
  'isOwner',
  'firstYear',
  'lastYear',
  'degree',
  'weightedDegree',
  'x',
  'y',
  'size',
  'color',
  'links',
  'totalLinkStrength',
] as const;

/** One row per (visible) node. List cells are '|'-joined. */
export function nodesCsv(graph: AtlasGraph, view?: ViewState, options: CsvExportOptions = {}): string {
  const rows: CsvValue[][] = [];
  graph.forEachNode((node, raw) => {
    if (!options.includeHidden && !isNodeVisible(node, view)) return;
    const a = raw as NodeAttributes;
    const v = nodeView(graph, node, view);
    let degree = 0;
    let weighted = 0;
    graph.forEachEdge(node, (edge, e) => {
      if (!options.includeHidden && !isEdgeVisible(graph, edge, view)) return;
      degree += 1;
      weighted += (e as EdgeAttributes).weight;
    });
    const author = a.kind === 'author' ? a : undefined;
    rows.push([
      node,
      a.label,
      a.kind,
      a.community,
      author ? author.paperIds.length : a.kind === 'paper' ? 1 : '',
      author ? joinList(author.paperIds) : a.kind === 'paper' ? a.paperId : '',
      author ? joinList(author.affiliations) : '',
      author ? joinList(author.spellings) : '',
      author ? author.isOwner : '',
      author?.firstYear,
      author?.lastYear,
      degree,
      Math.round(weighted * 1e4) / 1e4,
      v.x,
      v.y,
      v.size,
      v.color,
      options.linkStrengths?.get(node)?.links,
      options.linkStrengths?.has(node) ? Math.round(options.linkStrengths.get(node)!.strength * 1e4) / 1e4 : undefined,
    ]);
  });
  return toCsv(NODE_CSV_HEADER, rows);
}

export const EDGE_CSV_HEADER = ['source', 'target', 'sourceLabel', 'targetLabel', 'kind', 'weight', 'paperCount', 'paperIds', 'paperTitles'] as const;

/** One row per (visible) edge, with the titles of the shared papers from the dataset ('|'-joined). */
export function edgesCsv(graph: AtlasGraph, dataset?: Dataset, view?: ViewState, options: CsvExportOptions = {}): string {
  const titles = new Map((dataset?.papers ?? []).map((p) => [p.id, p.title]));
  const rows: CsvValue[][] = [];
  graph.forEachEdge((edge, raw, source, target, sa, ta) => {
    if (!options.includeHidden && !isEdgeVisible(graph, edge, view)) return;
    const a = raw as EdgeAttributes;
    rows.push([
      source,
      target,
      (sa as NodeAttributes).label,
      (ta as NodeAttributes).label,
      a.kind,
      a.weight,
      a.paperIds.length,
      joinList(a.paperIds),
      a.paperIds
        .map((id) => titles.get(id) ?? '')
        .filter(Boolean)
        .join(' | '),
    ]);
  });
  return toCsv(EDGE_CSV_HEADER, rows);
}
