import type { AtlasGraph, EdgeAttributes, NodeAttributes } from '../graph/types';
import { edgeDataAttributes, exportedSubgraph, nodeDataAttributes } from './gexf';
import { DEFAULT_EDGE_COLOR, edgeView, nodeView, parseColor, type ViewState } from './view';
import { escapeXml, stripInvalidXml } from './xml';

export interface GraphmlExportOptions {
  includeHidden?: boolean;
}

type Scalar = string | number | boolean;
type KeyType = 'boolean' | 'int' | 'long' | 'double' | 'string';
const TYPE_RANK: Record<KeyType, number> = { boolean: 0, int: 1, long: 2, double: 3, string: 4 };

function scalarType(v: Scalar): KeyType {
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) return 'double';
    return Math.abs(v) <= 0x7fffffff ? 'int' : 'long';
  }
  return 'string';
}

/** Widest type seen per attribute name (boolean < int < long < double < string). */
function inferKeys(rows: Record<string, Scalar>[]): Map<string, KeyType> {
  const keys = new Map<string, KeyType>();
  for (const row of rows) {
    for (const [name, v] of Object.entries(row)) {
      const t = scalarType(v);
      const cur = keys.get(name);
      if (!cur) keys.set(name, t);
      else if (cur !== t) {
        const mixedBool = cur === 'boolean' || t === 'boolean';
        keys.set(name, mixedBool ? 'string' : TYPE_RANK[t] > TYPE_RANK[cur] ? t : cur);
      }
    }
  }
  return keys;
}

function value(v: Scalar): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '0';
  return escapeXml(String(v));
}

/**
 * GraphML of the graph. Node data: label, the data attributes, and Gephi-style
 * viz keys x, y, size, r, g, b; edge data: weight, kind, paperIds, r, g, b, thickness.
 */
export function writeGraphml(graph: AtlasGraph, view?: ViewState, options: GraphmlExportOptions = {}): string {
  const sub = exportedSubgraph(graph, view, options.includeHidden);

  const nodeRows: { id: string; data: Record<string, Scalar> }[] = [];
  sub.forEachNode((id, raw) => {
    const attrs = raw as NodeAttributes;
    const v = nodeView(graph, id, view);
    const data: Record<string, Scalar> = { label: stripInvalidXml(v.label ?? attrs.label ?? id), ...nodeDataAttributes(attrs) };
    data.x = Number.isFinite(v.x) ? v.x : 0;
    data.y = Number.isFinite(v.y) ? v.y : 0;
    data.size = Number.isFinite(v.size) ? v.size : 1;
    const c = parseColor(v.color);
    if (c) Object.assign(data, { r: Math.round(c.r), g: Math.round(c.g), b: Math.round(c.b) });
    nodeRows.push({ id, data });
  });

  const edgeRows: { id: string; source: string; target: string; directed: boolean; data: Record<string, Scalar> }[] = [];
  sub.forEachEdge((id, raw, source, target, _sa, _ta, undirected) => {
    const attrs = raw as EdgeAttributes;
    const data: Record<string, Scalar> = { weight: attrs.weight, ...edgeDataAttributes(attrs) };
    const ev = edgeView(id, view);
    if (ev) {
      const c = parseColor(ev.color) ?? parseColor(DEFAULT_EDGE_COLOR)!;
      Object.assign(data, { r: Math.round(c.r), g: Math.round(c.g), b: Math.round(c.b), thickness: ev.size });
    }
    edgeRows.push({ id, source, target, directed: !undirected, data });
  });

  const nodeKeys = inferKeys(nodeRows.map((r) => r.data));
  const edgeKeys = inferKeys(edgeRows.map((r) => r.data));
  // Floats stay floats even when every value happens to be whole.
  for (const k of ['x', 'y', 'size']) if (nodeKeys.has(k)) nodeKeys.set(k, 'double');
  for (const k of ['weight', 'thickness']) if (edgeKeys.has(k)) edgeKeys.set(k, 'double');

  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  );
  for (const [name, type] of nodeKeys) {
    out.push(`  <key id="n_${escapeXml(name)}" for="node" attr.name="${escapeXml(name)}" attr.type="${type}"/>`);
  }
  for (const [name, type] of edgeKeys) {
    out.push(`  <key id="e_${escapeXml(name)}" for="edge" attr.name="${escapeXml(name)}" attr.type="${type}"/>`);
  }
  const edgedefault = sub.type === 'directed' ? 'directed' : 'undirected';
  const graphId = stripInvalidXml(String(sub.getAttribute('datasetId') ?? 'G'));
  out.push(`  <graph id="${escapeXml(graphId || 'G')}" edgedefault="${edgedefault}">`);
  for (const { id, data } of nodeRows) {
    out.push(`    <node id="${escapeXml(id)}">`);
    for (const [name, v] of Object.entries(data)) out.push(`      <data key="n_${escapeXml(name)}">${value(v)}</data>`);
    out.push('    </node>');
  }
  for (const { id, source, target, directed, data } of edgeRows) {
    const dir = directed !== (edgedefault === 'directed') ? ` directed="${directed}"` : '';
    out.push(`    <edge id="${escapeXml(id)}" source="${escapeXml(source)}" target="${escapeXml(target)}"${dir}>`);
    for (const [name, v] of Object.entries(data)) out.push(`      <data key="e_${escapeXml(name)}">${value(v)}</data>`);
    out.push('    </edge>');
  }
  out.push('  </graph>');
  out.push('</graphml>');
  return out.join('\n') + '\n';
}
