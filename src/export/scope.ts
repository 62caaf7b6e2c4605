import type { Dataset, Paper } from '../model/types';
import type { AtlasGraph, BuildOptions, NodeAttributes } from '../graph/types';
import { AFFILIATION_COLOUR, graphCommunityColour, HUB_COLOUR, type Theme } from '../graph/palette';
import type { LegendEntry } from './svg';
import type { NodeView, ViewState } from './view';

/** What a node looks like on screen, as a renderer reports it (sigma's display data, in any coordinates). */
export interface DisplayedNode {
  x: number;
  y: number;
  size: number;
  color: string;
  label?: string | null;
  hidden?: boolean;
  highlighted?: boolean;
}

/** Rendering attributes the display copy of the graph adds to each node. */
type Styled = NodeAttributes & { size?: number; color?: string; fullLabel?: string };

/**
 * The view of a styled graph in graph coordinates (for data files): its positions, sizes,
 * colours and full labels; nodes outside `keep` (when given) are hidden.
 */
export function graphView(graph: AtlasGraph, keep?: ReadonlySet<string> | null): ViewState {
  const nodes: Record<string, NodeView> = {};
  graph.forEachNode((node, raw) => {
    const a = raw as Styled;
    nodes[node] = {
      x: a.x ?? 0,
      y: a.y ?? 0,
      size: a.size ?? 1,
      color: a.color ?? '#999999',
      label: a.fullLabel ?? a.label,
      hidden: keep ? !keep.has(node) : false,
    };
  });
  const edges: ViewState['edges'] = {};
  graph.forEachEdge((edge, raw) => {
    const a = raw as { size?: number; color?: string };
    if (a.color !== undefined && a.size !== undefined) edges[edge] = { color: a.color, size: a.size };
  });
  return { nodes, edges };
}

export interface ScreenViewOptions {
  /** Only these nodes (an export of a selection). */
  keep?: ReadonlySet<string> | null;
  /** Viewport size: nodes entirely outside it are hidden (what is on screen). */
  width?: number;
  height?: number;
  /** Nodes whose label the renderer drew; others get no label. */
  labelled?: ReadonlySet<string>;
}

/**
 * The view of what a renderer shows, from its per-node display data already in screen pixels:
 * hidden nodes, nodes outside the viewport and nodes outside `keep` are hidden.
 */
export function screenView(nodes: Iterable<string>, display: (node: string) => DisplayedNode | undefined, opts: ScreenViewOptions = {}): ViewState {
  const out: Record<string, NodeView> = {};
  for (const node of nodes) {
    const d = display(node);
    if (!d) continue;
    const offScreen =
      opts.width !== undefined &&
      opts.height !== undefined &&
      (d.x + d.size < 0 || d.y + d.size < 0 || d.x - d.size > opts.width || d.y - d.size > opts.height);
    const label = opts.labelled && !opts.labelled.has(node) && !d.highlighted ? '' : (d.label ?? '');
    out[node] = {
      x: d.x,
      y: d.y,
      size: d.size,
      color: d.color,
      label,
      hidden: Boolean(d.hidden) || offScreen || (opts.keep ? !opts.keep.has(node) : false),
      highlighted: Boolean(d.highlighted),
    };
  }
  return { nodes: out };
}

/** Ids of the papers behind a set of nodes: an author's papers, a hub's paper. */
export function paperIdsOf(graph: AtlasGraph, nodes: Iterable<string>): Set<string> {
  const ids = new Set<string>();
  for (const node of nodes) {
    if (!graph.hasNode(node)) continue;
    const a = graph.getNodeAttributes(node);
    if (a.kind === 'author') a.paperIds.forEach((id) => ids.add(id));
    else if (a.kind === 'paper') ids.add(a.paperId);
  }
  return ids;
}

/** The dataset's papers among `ids`, in dataset order; all papers when ids is null. */
export function papersAmong(dataset: Dataset, ids: ReadonlySet<string> | null): Paper[] {
  return ids ? dataset.papers.filter((p) => ids.has(p.id)) : dataset.papers;
}

/** The legend of the picture: the largest clusters by colour, then hubs and affiliations when shown. */
export function legendEntries(
  clusters: readonly { community: number; name: string; size: number }[],
  graph: AtlasGraph,
  theme: Theme,
  opts: { keep?: ReadonlySet<string> | null; max?: number } = {},
): LegendEntry[] {
  const colour = graphCommunityColour(theme, graph.getAttribute('fileMap')?.clusterColors);
  const present = new Set<number>();
  const kinds = new Set<string>();
  graph.forEachNode((node, a) => {
    if (opts.keep && !opts.keep.has(node)) return;
    kinds.add(a.kind);
    if (a.kind === 'author') present.add(a.community);
  });
  const shown = clusters.filter((c) => present.has(c.community));
  const max = opts.max ?? 8;
  const entries: LegendEntry[] = shown.slice(0, max).map((c) => ({ label: `${c.name} (${c.size})`, color: colour(c.community) }));
  if (shown.length > max) {
    const more = shown.length - max;
    entries.push({ label: `${more} more cluster${more === 1 ? '' : 's'}`, color: colour(shown[max].community) });
  }
  if (kinds.has('paper')) entries.push({ label: 'Paper hub (many authors)', color: HUB_COLOUR[theme] });
  if (kinds.has('affiliation')) entries.push({ label: 'Affiliation', color: AFFILIATION_COLOUR[theme] });
  return entries;
}

/** One line saying what the picture shows: dataset, build options, date. */
export function captionText(title: string, options: BuildOptions, date: Date, scope?: string): string {
  const parts = [
    title,
    scope,
    `${options.counting} counting`,
    options.allPapersAsHubs ? 'every paper as a hub' : `hubs above ${options.hyperauthorCap} authors`,
    options.includeAffiliations ? 'with affiliations' : undefined,
    options.layout === 'vos' ? 'VOS layout' : undefined,
    options.clustering && options.clustering !== 'louvain'
      ? `${options.clustering === 'leiden' ? 'Leiden' : 'Leiden (VOSviewer quality)'} clusters at resolution ${options.resolution}`
      : undefined,
    date.toISOString().slice(0, 10),
  ];
  return parts.filter(Boolean).join(' · ');
}

/** A file-name-safe slug: ASCII letters, digits and dashes, at most 60 characters. */
export function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s || 'graph';
}

/** "coauthor-atlas-<dataset>[-<scope>]-<yyyy-mm-dd>.<ext>" */
export function exportFileName(datasetTitle: string, ext: string, date: Date, scope?: string): string {
  const parts = ['coauthor-atlas', slug(datasetTitle)];
  if (scope) parts.push(slug(scope));
  parts.push(date.toISOString().slice(0, 10));
  return `${parts.join('-')}.${ext}`;
}
