import type { AtlasGraph, NodeAttributes } from '../graph/types';

/** Rendering attributes of one node, as the renderer shows it. Not stored in the source graph. */
export interface NodeView {
  x: number;
  y: number;
  size: number;
  color: string;
  label?: string;
  hidden?: boolean;
  highlighted?: boolean;
}

export interface EdgeView {
  color: string;
  size: number;
  hidden?: boolean;
}

export type ViewState = {
  nodes: Record<string, NodeView>;
  edges?: Record<string, EdgeView>;
};

export const DEFAULT_NODE_COLOR = '#999999';
export const DEFAULT_EDGE_COLOR = '#cccccc';
export const DEFAULT_NODE_SIZE = 4;

/** The node's view, falling back to the graph's own x/y and a default look. */
export function nodeView(graph: AtlasGraph, node: string, view?: ViewState): NodeView {
  const v = view?.nodes[node];
  if (v) return v;
  const a = graph.getNodeAttributes(node) as NodeAttributes;
  return { x: a.x ?? 0, y: a.y ?? 0, size: DEFAULT_NODE_SIZE, color: DEFAULT_NODE_COLOR, label: a.label };
}

/** A node is visible unless its view says hidden. Nodes missing from a given view are visible. */
export function isNodeVisible(node: string, view?: ViewState): boolean {
  return !view?.nodes[node]?.hidden;
}

/** An edge is visible when neither it nor either end is hidden. */
export function isEdgeVisible(graph: AtlasGraph, edge: string, view?: ViewState): boolean {
  if (view?.edges?.[edge]?.hidden) return false;
  return isNodeVisible(graph.source(edge), view) && isNodeVisible(graph.target(edge), view);
}

export function edgeView(edge: string, view?: ViewState): EdgeView | undefined {
  return view?.edges?.[edge];
}

function hex2(n: number): string {
  return Math.max(0, Math.min(255, Math.round(n)))
    .toString(16)
    .padStart(2, '0');
}

/** RGB(A) parts of a CSS hex or rgb()/rgba() colour; null for anything else. */
export function parseColor(color: string | undefined): { r: number; g: number; b: number; a: number } | null {
  if (!color) return null;
  const c = color.trim();
  let m = /^#([0-9a-f]{3,4})$/i.exec(c);
  if (m) {
    const d = m[1];
    const p = (i: number) => parseInt(d[i] + d[i], 16);
    return { r: p(0), g: p(1), b: p(2), a: d.length === 4 ? p(3) / 255 : 1 };
  }
  m = /^#([0-9a-f]{6}|[0-9a-f]{8})$/i.exec(c);
  if (m) {
    const d = m[1];
    const p = (i: number) => parseInt(d.slice(i, i + 2), 16);
    return { r: p(0), g: p(2), b: p(4), a: d.length === 8 ? p(6) / 255 : 1 };
  }
  m = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/i.exec(c);
  if (m) {
    const a = m[4] === undefined ? 1 : Math.max(0, Math.min(1, Number(m[4])));
    return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a };
  }
  return null;
}

/** '#rrggbb' of a colour (alpha dropped), or the fallback when it cannot be read. */
export function toHexColor(color: string | undefined, fallback = DEFAULT_NODE_COLOR): string {
  const p = parseColor(color);
  return p ? `#${hex2(p.r)}${hex2(p.g)}${hex2(p.b)}` : fallback;
}
