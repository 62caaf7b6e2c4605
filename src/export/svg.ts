import type { AtlasGraph, NodeAttributes } from '../graph/types';
import { DEFAULT_EDGE_COLOR, DEFAULT_NODE_COLOR, edgeView, isEdgeVisible, isNodeVisible, nodeView, parseColor, type ViewState } from './view';
import { escapeXml, escapeXmlText, num } from './xml';

export interface LegendEntry {
  label: string;
  color: string;
}

export interface SvgExportOptions {
  /** Drawing area in px (title, legend and caption add to the height). Default 1200×800. */
  width?: number;
  height?: number;
  padding?: number;
  /**
   * 'graph' (default): view x/y are graph coordinates (y up, as sigma's graph space) and are fitted
   * into the drawing area. 'screen': x/y are already pixels (y down) and are used as they are.
   */
  coordinates?: 'graph' | 'screen';
  /** 'auto' (default): labels of nodes at least labelMinSize or highlighted. */
  labels?: 'all' | 'auto' | 'none';
  labelMinSize?: number;
  fontFamily?: string;
  fontSize?: number;
  background?: string | null;
  title?: string;
  caption?: string;
  legend?: LegendEntry[];
  /** Stroke of edges between two highlighted nodes (when any node is highlighted, the rest is dimmed). */
  highlightColor?: string;
  /** Opacity of what is not highlighted while something is (default 0.25, as the app dims it). */
  dimOpacity?: number;
  /** Fill of labels, legend and title text (default dark grey). */
  textColor?: string;
}

/** Colour for an SVG attribute: hex/rgb(a) as parsed, a plain CSS name, or the fallback. */
function svgColor(color: string | undefined, fallback: string): { color: string; opacity: number } {
  const p = parseColor(color);
  if (p) {
    const h = (n: number) =>
      Math.max(0, Math.min(255, Math.round(n)))
        .toString(16)
        .padStart(2, '0');
    return { color: `#${h(p.r)}${h(p.g)}${h(p.b)}`, opacity: p.a };
  }
  if (color && /^[a-z]{3,30}$/i.test(color)) return { color, opacity: 1 };
  return { color: fallback, opacity: 1 };
}

function paint(attr: 'fill' | 'stroke', color: string | undefined, fallback: string): string {
  const c = svgColor(color, fallback);
  return `${attr}="${escapeXml(c.color)}"${c.opacity < 1 ? ` ${attr}-opacity="${num(c.opacity, 3)}"` : ''}`;
}

/**
 * Standalone SVG of the current view: one <circle data-node-id> per visible node, one <line> per
 * visible edge, <text> labels (always text, escaped), optional title, legend and caption.
 */
export function renderSvg(graph: AtlasGraph, view: ViewState, options: SvgExportOptions = {}): string {
  const width = options.width ?? 1200;
  const height = options.height ?? 800;
  const padding = options.padding ?? 24;
  const fontSize = options.fontSize ?? 12;
  const fontFamily = options.fontFamily ?? 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  const labelMode = options.labels ?? 'auto';
  const labelMin = options.labelMinSize ?? 6;

  const nodes: { id: string; x: number; y: number; r: number; color: string; label: string; highlighted: boolean }[] = [];
  graph.forEachNode((id, raw) => {
    if (!isNodeVisible(id, view)) return;
    const a = raw as NodeAttributes;
    const v = nodeView(graph, id, view);
    if (!Number.isFinite(v.x) || !Number.isFinite(v.y)) return;
    nodes.push({
      id,
      x: v.x,
      y: v.y,
      r: Number.isFinite(v.size) && v.size > 0 ? v.size : 1,
      color: v.color,
      label: v.label ?? a.label ?? '',
      highlighted: !!v.highlighted,
    });
  });

  // Map view coordinates into the drawing area.
  let tx = (x: number) => x;
  let ty = (y: number) => y;
  if ((options.coordinates ?? 'graph') === 'graph' && nodes.length) {
    let minX = Infinity,
      maxX = -Infinity,
      minY = Infinity,
      maxY = -Infinity,
      maxR = 0;
    for (const n of nodes) {
      minX = Math.min(minX, n.x);
      maxX = Math.max(maxX, n.x);
      minY = Math.min(minY, n.y);
      maxY = Math.max(maxY, n.y);
      maxR = Math.max(maxR, n.r);
    }
    const inner = padding + maxR;
    const spanX = maxX - minX || 1;
    const spanY = maxY - minY || 1;
    const scale = Math.min((width - 2 * inner) / spanX, (height - 2 * inner) / spanY);
    const offX = (width - spanX * scale) / 2;
    const offY = (height - spanY * scale) / 2;
    tx = (x: number) => (maxX === minX ? width / 2 : offX + (x - minX) * scale);
    ty = (y: number) => (maxY === minY ? height / 2 : offY + (maxY - y) * scale);
  }
  const pos = new Map(nodes.map((n) => [n.id, { x: tx(n.x), y: ty(n.y) }]));
  const lit = new Set(nodes.filter((n) => n.highlighted).map((n) => n.id));
  const dim = lit.size > 0 ? ` opacity="${num(options.dimOpacity ?? 0.25, 3)}"` : '';
  const ink = escapeXml(svgColor(options.textColor, '#222222').color);

  const header = options.title ? fontSize * 2.5 : 0;
  const legend = options.legend ?? [];
  const legendHeight = legend.length ? legend.length * (fontSize + 6) + 12 : 0;
  const footer = options.caption ? fontSize * 2 : 0;
  const totalHeight = height + header + legendHeight + footer;

  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${num(width)}" height="${num(totalHeight)}" viewBox="0 0 ${num(width)} ${num(totalHeight)}"` +
      ` font-family="${escapeXml(fontFamily)}" font-size="${num(fontSize)}">`,
  );
  if (options.title) out.push(`  <title>${escapeXmlText(options.title)}</title>`);
  if (options.caption) out.push(`  <desc>${escapeXmlText(options.caption)}</desc>`);
  if (options.background !== null) {
    out.push(`  <rect x="0" y="0" width="${num(width)}" height="${num(totalHeight)}" ${paint('fill', options.background ?? '#ffffff', '#ffffff')}/>`);
  }
  if (options.title) {
    out.push(
      `  <text class="title" x="${num(padding)}" y="${num(fontSize * 1.7)}" font-size="${num(fontSize * 1.4)}" font-weight="600" fill="${ink}">${escapeXmlText(options.title)}</text>`,
    );
  }

  out.push(`  <g class="graph" transform="translate(0 ${num(header)})">`);
  const litEdges: string[] = [];
  out.push(`    <g class="edges" stroke-linecap="round"${dim}>`);
  graph.forEachEdge((id, _a, source, target) => {
    if (!isEdgeVisible(graph, id, view)) return;
    const s = pos.get(source);
    const t = pos.get(target);
    if (!s || !t) return;
    const ev = edgeView(id, view);
    const w = ev && Number.isFinite(ev.size) && ev.size > 0 ? ev.size : 1;
    const both = lit.has(source) && lit.has(target);
    const color = both && options.highlightColor ? options.highlightColor : ev?.color;
    const line = `      <line data-edge-id="${escapeXml(id)}" x1="${num(s.x, 2)}" y1="${num(s.y, 2)}" x2="${num(t.x, 2)}" y2="${num(t.y, 2)}" ${paint('stroke', color, DEFAULT_EDGE_COLOR)} stroke-width="${num(w, 2)}"/>`;
    (both ? litEdges : out).push(line);
  });
  out.push('    </g>');
  if (litEdges.length) out.push('    <g class="edges highlighted" stroke-linecap="round">', ...litEdges, '    </g>');
  out.push('    <g class="nodes">');
  for (const n of nodes) {
    const p = pos.get(n.id)!;
    const faded = lit.size && !n.highlighted ? dim : '';
    const ring = n.highlighted ? ' stroke="#111111" stroke-width="2"' : ' stroke="#ffffff" stroke-width="0.5"';
    out.push(
      `      <circle data-node-id="${escapeXml(n.id)}" cx="${num(p.x, 2)}" cy="${num(p.y, 2)}" r="${num(n.r, 2)}" ${paint('fill', n.color, DEFAULT_NODE_COLOR)}${ring}${faded}/>`,
    );
  }
  out.push('    </g>');
  out.push(`    <g class="labels" fill="${ink}">`);
  for (const n of nodes) {
    const show = labelMode === 'all' || (labelMode === 'auto' && (n.r >= labelMin || n.highlighted));
    if (!show || !n.label) continue;
    const p = pos.get(n.id)!;
    const weight = n.highlighted ? ' font-weight="600"' : '';
    const faded = lit.size && !n.highlighted ? dim : '';
    out.push(
      `      <text data-node-id="${escapeXml(n.id)}" x="${num(p.x + n.r + 3, 2)}" y="${num(p.y + fontSize / 3, 2)}"${weight}${faded}>${escapeXmlText(n.label)}</text>`,
    );
  }
  out.push('    </g>');
  out.push('  </g>');

  if (legend.length) {
    let y = header + height + 12;
    out.push('  <g class="legend">');
    for (const entry of legend) {
      out.push(
        `    <rect x="${num(padding)}" y="${num(y + fontSize / 2 - 5)}" width="10" height="10" rx="2" ${paint('fill', entry.color, DEFAULT_NODE_COLOR)}/>`,
      );
      out.push(`    <text x="${num(padding + 16)}" y="${num(y + fontSize * 0.85)}" fill="${ink}">${escapeXmlText(entry.label)}</text>`);
      y += fontSize + 6;
    }
    out.push('  </g>');
  }
  if (options.caption) {
    out.push(
      `  <text class="caption" x="${num(padding)}" y="${num(totalHeight - fontSize * 0.6)}" fill="#555555" font-size="${num(fontSize * 0.9)}">${escapeXmlText(options.caption)}</text>`,
    );
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}
