/**
 * Rendering attributes, kept apart from the source graph: a display copy of the graph
 * carries size, colour and draw order for sigma. Pure (no sigma import) and unit-tested.
 */
import { scaleSqrt } from 'd3';
import type { AtlasGraph, NodeAttributes, EdgeAttributes, GraphAttributes } from './types';
import type Graph from 'graphology';
import { AFFILIATION_COLOUR, communityColour, HUB_COLOUR, type Theme } from './palette';

export interface DisplayNodeAttributes {
  size: number;
  color: string;
  zIndex: number;
  forceLabel?: boolean;
  /** Short label drawn on the canvas; the full one stays in `label`. */
  label: string;
  fullLabel: string;
}
export interface DisplayEdgeAttributes {
  size: number;
  color: string;
}

export type DisplayGraph = Graph<NodeAttributes & DisplayNodeAttributes, EdgeAttributes & DisplayEdgeAttributes, GraphAttributes>;

const EDGE_COLOUR = { light: 'rgba(90, 90, 110, 0.28)', dark: 'rgba(200, 200, 220, 0.22)' };

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
  const colour = communityColour(theme);
  let maxPapers = 1;
  let maxHub = 1;
  display.forEachNode((_n, a) => {
    if (a.kind === 'author') maxPapers = Math.max(maxPapers, a.paperIds.length);
    if (a.kind === 'paper') maxHub = Math.max(maxHub, a.authorCount);
  });
  const authorSize = scaleSqrt().domain([1, Math.max(2, maxPapers)]).range([2.5, 13]).clamp(true);
  const hubSize = scaleSqrt().domain([1, maxHub]).range([6, 16]).clamp(true);
  display.forEachNode((node, a) => {
    let attrs: DisplayNodeAttributes;
    if (a.kind === 'author') {
      attrs = {
        size: a.isOwner ? authorSize(maxPapers) + 5 : authorSize(a.paperIds.length),
        color: colour(a.community),
        zIndex: a.isOwner ? 3 : 1,
        forceLabel: a.isOwner,
        label: a.label,
        fullLabel: a.label,
      };
    } else if (a.kind === 'paper') {
      attrs = { size: hubSize(a.authorCount), color: HUB_COLOUR[theme], zIndex: 2, label: shorten(a.label), fullLabel: a.label };
    } else {
      attrs = { size: 5, color: AFFILIATION_COLOUR[theme], zIndex: 2, label: shorten(a.label), fullLabel: a.label };
    }
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
