/**
 * Rendering attributes, kept apart from the source graph: a display copy of the graph
 * carries size, colour and draw order for sigma. Pure (no sigma import) and unit-tested.
 */
import { scaleSqrt } from 'd3';
import type { AtlasGraph, NodeAttributes, EdgeAttributes, GraphAttributes } from './types';
import type Graph from 'graphology';
import { cleanDisplayText, DISPLAY_LIMITS } from '../security';
import { AFFILIATION_COLOUR, graphCommunityColour, HUB_COLOUR, type Theme } from './palette';

export interface DisplayNodeAttributes {
  size: number;
  color: string;
  zIndex: number;
  forceLabel?: boolean;
  /** Colour and size a graph file gave this node: kept over the theme's. */
  fileColor?: string;
  fileSize?: number;
  /** Short label drawn on the canvas; the full one stays in `label`. */
  label: string;
  fullLabel: string;
}
export interface DisplayEdgeAttributes {
  size: number;
  color: string;
}

export type DisplayGraph = Graph<NodeAttributes & DisplayNodeAttributes, EdgeAttributes & DisplayEdgeAttributes, GraphAttributes>;

// Opaque: sigma blends with ONE, ONE_MINUS_SRC_ALPHA, so a translucent dark colour washes out to white on a light stage.
const EDGE_COLOUR = { light: '#cfd0da', dark: '#454959' };

export function shorten(text: string, max = 32): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

export function toDisplayGraph(source: AtlasGraph, theme: Theme): DisplayGraph {
  const display = source.copy() as unknown as DisplayGraph;
  applyTheme(display, theme);
  return display;
}

/** (Re)computes colours and sizes in place; positions are left alone. */
export function applyTheme(display: DisplayGraph, theme: Theme): void {
  const fileMap = display.getAttribute('fileMap');
  const colour = graphCommunityColour(theme, fileMap?.clusterColors);
  const sizeOf = authorSizer(display, fileMap?.weights[0]);
  let maxPapers = 1;
  let maxHub = 1;
  display.forEachNode((_n, a) => {
    if (a.kind === 'author') maxPapers = Math.max(maxPapers, a.paperIds.length);
    if (a.kind === 'paper') maxHub = Math.max(maxHub, a.authorCount);
  });
  let maxCluster = 1;
  display.forEachNode((_n, a) => {
    if (a.kind === 'cluster') maxCluster = Math.max(maxCluster, a.authorCount);
  });
  const clusterSize = scaleSqrt().domain([1, maxCluster]).range([3, 30]).clamp(true);
  const authorSize = paperSizeScale(maxPapers);
  const hubSize = scaleSqrt().domain([1, maxHub]).range([6, 16]).clamp(true);
  display.forEachNode((node, a) => {
    let attrs: DisplayNodeAttributes;
    if (a.kind === 'author') {
      attrs = {
        size: sizeOf?.(a.weights?.[fileMap!.weights[0]] ?? 0) ?? (a.isOwner ? authorSize(maxPapers) + OWNER_BOOST : authorSize(a.paperIds.length)),
        color: colour(a.community),
        zIndex: a.isOwner ? 3 : 1,
        forceLabel: a.isOwner,
        label: cleanDisplayText(a.label, DISPLAY_LIMITS.label),
        fullLabel: a.label,
      };
    } else if (a.kind === 'cluster') {
      attrs = {
        size: clusterSize(a.authorCount),
        color: colour(a.community),
        zIndex: 2,
        forceLabel: a.authorCount >= maxCluster / 4,
        label: shorten(cleanDisplayText(a.label, DISPLAY_LIMITS.title), 40),
        fullLabel: a.label,
      };
    } else if (a.kind === 'paper') {
      attrs = {
        size: hubSize(a.authorCount),
        color: HUB_COLOUR[theme],
        zIndex: 2,
        label: shorten(cleanDisplayText(a.label, DISPLAY_LIMITS.title)),
        fullLabel: a.label,
      };
    } else {
      attrs = { size: 5, color: AFFILIATION_COLOUR[theme], zIndex: 2, label: shorten(cleanDisplayText(a.label, DISPLAY_LIMITS.title)), fullLabel: a.label };
    }
    if (a.fileColor) attrs.color = a.fileColor;
    if (a.fileSize) attrs.size = a.fileSize;
    display.mergeNodeAttributes(node, attrs);
  });
  let maxWeight = 1;
  display.forEachEdge((_e, a) => {
    if (a.kind === 'coauthor') maxWeight = Math.max(maxWeight, a.weight);
  });
  const edgeSize = scaleSqrt().domain([0, maxWeight]).range([0.4, 3.5]);
  display.forEachEdge((edge, a) => {
    display.mergeEdgeAttributes(edge, { size: a.kind === 'coauthor' ? edgeSize(a.weight) : 0.4, color: EDGE_COLOUR[theme] });
  });
}

/** The profile owner is drawn this much larger than the most prolific author. */
export const OWNER_BOOST = 5;

/**
 * Author size by papers, on one scale for a whole graph whose most prolific author has `maxPapers`: the display
 * graph sizes authors with it, and the paper filters (a year range) size kept papers with it, so a filter shrinks
 * nodes and never blows them up.
 */
export function paperSizeScale(maxPapers: number): (papers: number) => number {
  return scaleSqrt()
    .domain([1, Math.max(2, maxPapers)])
    .range([2.5, 13])
    .clamp(true);
}

/** A map file's authors are sized by its first weight, as VOSviewer sizes its items (undefined when it has none). */
function authorSizer(display: DisplayGraph, weight: string | undefined): ((value: number) => number) | undefined {
  if (weight === undefined) return undefined;
  let max = 0;
  display.forEachNode((_n, a) => {
    if (a.kind === 'author') max = Math.max(max, a.weights?.[weight] ?? 0);
  });
  return scaleSqrt()
    .domain([0, max || 1])
    .range([2.5, 13])
    .clamp(true);
}

/** Keeps the colours and sizes a graph file set (re-applied by applyTheme on every theme change). */
export function applyNodeStyles(display: DisplayGraph, styles: Record<string, { color?: string; size?: number }>, theme: Theme): void {
  for (const [node, st] of Object.entries(styles)) {
    if (!display.hasNode(node)) continue;
    display.mergeNodeAttributes(node, { fileColor: st.color, fileSize: st.size && st.size > 0 ? Math.min(40, st.size) : undefined });
  }
  applyTheme(display, theme);
}
