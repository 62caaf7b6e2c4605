import { countXmlElements, overReadLimits, toAtlasGraph, numberOf, type RawEdge, type RawNode, type ReadResult } from './common';
import { MAX_ATTRIBUTE_DEFS } from './gexf';
import { MessageList } from './messages';
import { child, childrenNamed, deepText, descendant, parseRoot, type XmlElement } from './xml';

interface KeyDef {
  name: string;
  type: string;
  default?: string;
}

function cast(type: string, value: string): unknown {
  switch (type) {
    case 'int':
    case 'long':
    case 'float':
    case 'double':
      return numberOf(value) ?? value;
    case 'boolean':
      return value.trim().toLowerCase() === 'true';
    default:
      return value;
  }
}

function data(el: XmlElement, keys: Map<string, KeyDef>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const d of childrenNamed(el, 'data')) {
    const id = d.attrs.key;
    if (id === undefined || d.children.length) continue; // yEd graphics blocks are read separately
    const def = keys.get(id);
    out[def ? def.name : id] = cast(def?.type ?? 'string', d.text);
  }
  for (const def of keys.values()) if (def.default !== undefined && !(def.name in out)) out[def.name] = cast(def.type, def.default);
  return out;
}

const byte = (v: unknown) => (typeof v === 'number' && v >= 0 && v <= 255 ? Math.round(v) : undefined);

function rgb(attrs: Record<string, unknown>): string | undefined {
  if (typeof attrs.color === 'string') return attrs.color;
  const [r, g, b] = [attrs.r, attrs.g, attrs.b].map(byte);
  if (r === undefined || g === undefined || b === undefined) return undefined;
  return '#' + [r, g, b].map((n) => n.toString(16).padStart(2, '0')).join('');
}

/** GraphML (our keys, Gephi's x/y/size/r/g/b, yEd's ShapeNode geometry/label/fill) to an AtlasGraph. */
export function readGraphml(text: string, datasetId = 'graphml'): ReadResult {
  // Refused before the element tree is built (2M edges of it is gigabytes).
  const tooBig = overReadLimits(countXmlElements(text, 'node'), countXmlElements(text, 'edge'));
  if (tooBig) return { ok: false, format: 'graphml', error: tooBig };
  const parsed = parseRoot(text, 'graphml');
  if ('error' in parsed) return { ok: false, format: 'graphml', error: parsed.error };
  const { root } = parsed;
  const warnings = new MessageList();
  const graphs = childrenNamed(root, 'graph');
  const graphEl = graphs[0];
  if (!graphEl) return { ok: false, format: 'graphml', error: 'no <graph> element' };
  if (graphs.length > 1) warnings.push('only the first <graph> was read');

  const nodeKeys = new Map<string, KeyDef>();
  const edgeKeys = new Map<string, KeyDef>();
  let ignoredKeys = 0;
  for (const k of childrenNamed(root, 'key')) {
    const id = k.attrs.id;
    if (id === undefined) continue;
    if (nodeKeys.size + edgeKeys.size >= 2 * MAX_ATTRIBUTE_DEFS) {
      ignoredKeys += 1;
      continue;
    }
    const def = child(k, 'default');
    const spec: KeyDef = { name: k.attrs['attr.name'] || id, type: k.attrs['attr.type'] || 'string', default: def ? def.text : undefined };
    const target = k.attrs.for ?? 'all';
    if (target === 'node' || target === 'all') nodeKeys.set(id, spec);
    if (target === 'edge' || target === 'all') edgeKeys.set(id, spec);
  }
  if (ignoredKeys) warnings.push(`${ignoredKeys} <key> definition(s) past the first ${2 * MAX_ATTRIBUTE_DEFS} were ignored`);
  const edgedefault = graphEl.attrs.edgedefault ?? 'directed';

  const nodes: RawNode[] = [];
  let nested = 0;
  for (const n of childrenNamed(graphEl, 'node')) {
    const id = n.attrs.id;
    if (id === undefined) continue;
    if (child(n, 'graph')) nested += 1;
    const attrs = data(n, nodeKeys);
    // yEd: <y:ShapeNode><y:Geometry x y width/><y:Fill color/><y:NodeLabel>text</y:NodeLabel>
    const geometry = descendant(n, 'geometry');
    const fill = descendant(n, 'fill');
    const nodeLabel = descendant(n, 'nodelabel');
    const w = numberOf(geometry?.attrs.width);
    const label =
      typeof attrs.label === 'string'
        ? attrs.label
        : typeof attrs.Label === 'string'
          ? (attrs.Label as string)
          : nodeLabel
            ? deepText(nodeLabel).trim()
            : undefined;
    nodes.push({
      id,
      label,
      attrs,
      x: numberOf(attrs.x) ?? numberOf(geometry?.attrs.x),
      y: numberOf(attrs.y) ?? numberOf(geometry?.attrs.y),
      size: numberOf(attrs.size) ?? (w !== undefined ? w / 2 : undefined),
      color: rgb(attrs) ?? fill?.attrs.color,
    });
  }
  if (nested) warnings.push('nested graphs were ignored');

  const edges: RawEdge[] = [];
  for (const e of childrenNamed(graphEl, 'edge')) {
    const source = e.attrs.source;
    const target = e.attrs.target;
    if (source === undefined || target === undefined) continue;
    const attrs = data(e, edgeKeys);
    const directed = e.attrs.directed !== undefined ? e.attrs.directed === 'true' : edgedefault === 'directed';
    edges.push({
      id: e.attrs.id,
      source,
      target,
      weight: numberOf(attrs.weight),
      directed,
      attrs,
      color: rgb(attrs),
      size: numberOf(attrs.thickness),
    });
  }
  if (childrenNamed(graphEl, 'hyperedge').length) warnings.push('hyperedges were ignored');

  return toAtlasGraph('graphml', nodes, edges, graphEl.attrs.id || datasetId, warnings);
}
