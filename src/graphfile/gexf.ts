import { countXmlElements, overReadLimits, toAtlasGraph, numberOf, type RawEdge, type RawNode, type ReadResult } from './common';
import { MessageList } from './messages';
import { child, childrenNamed, parseRoot, type XmlElement } from './xml';

interface AttrDef {
  title: string;
  type: string;
  default?: string;
}

/** Parses one GEXF list value: 1.3 "[a, 'b c', \"d\"]" or 1.2 "a|b|c". */
export function parseGexfList(value: string): string[] {
  const s = value.trim();
  if (!(s.startsWith('[') && s.endsWith(']'))) return s ? s.split('|').map((x) => x.trim()) : [];
  const out: string[] = [];
  let i = 1;
  const end = s.length - 1;
  while (i < end) {
    while (i < end && /[\s,]/.test(s[i])) i++;
    if (i >= end) break;
    const q = s[i];
    if (q === '"' || q === "'") {
      let piece = '';
      i++;
      while (i < end && s[i] !== q) {
        if (s[i] === '\\' && i + 1 < end) {
          const n = s[++i];
          piece += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n;
        } else piece += s[i];
        i++;
      }
      i++;
      out.push(piece);
    } else {
      let j = i;
      while (j < end && s[j] !== ',') j++;
      out.push(s.slice(i, j).trim());
      i = j;
    }
  }
  return out;
}

function cast(type: string, value: string): unknown {
  const t = type.toLowerCase();
  if (t.startsWith('list')) {
    const items = parseGexfList(value);
    const sub = t.slice(4);
    return items.map((x) => cast(sub, x));
  }
  if (t === 'integer' || t === 'long' || t === 'float' || t === 'double' || t === 'short' || t === 'byte' || t === 'bigdecimal' || t === 'biginteger') {
    return numberOf(value) ?? value;
  }
  if (t === 'boolean') return value.trim().toLowerCase() === 'true';
  return value;
}

/** Most attribute definitions read per class: each node gets every default, so nodes × definitions is the cost. */
export const MAX_ATTRIBUTE_DEFS = 256;

function model(graphEl: XmlElement, cls: 'node' | 'edge', warnings: MessageList): Map<string, AttrDef> {
  const defs = new Map<string, AttrDef>();
  let ignored = 0;
  for (const block of childrenNamed(graphEl, 'attributes')) {
    if ((block.attrs.class ?? 'node') !== cls) continue;
    for (const a of childrenNamed(block, 'attribute')) {
      const id = a.attrs.id ?? a.attrs.for;
      if (id === undefined) continue;
      if (defs.size >= MAX_ATTRIBUTE_DEFS && !defs.has(id)) {
        ignored += 1;
        continue;
      }
      const def = child(a, 'default');
      defs.set(id, { title: a.attrs.title || id, type: a.attrs.type || 'string', default: def ? def.text : undefined });
    }
  }
  if (ignored) warnings.push(`${ignored} ${cls} attribute definition(s) past the first ${MAX_ATTRIBUTE_DEFS} were ignored`);
  return defs;
}

function attributes(el: XmlElement, defs: Map<string, AttrDef>, undeclared: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const av of childrenNamed(child(el, 'attvalues'), 'attvalue')) {
    const id = av.attrs.for ?? av.attrs.id;
    if (id === undefined) continue;
    const def = defs.get(id);
    if (!def) undeclared.add(id);
    out[def ? def.title : id] = cast(def?.type ?? 'string', av.attrs.value ?? '');
  }
  for (const def of defs.values()) {
    if (def.default !== undefined && !(def.title in out)) out[def.title] = cast(def.type, def.default);
  }
  return out;
}

function vizColor(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined;
  if (el.attrs.hex) return el.attrs.hex;
  const [r, g, b] = ['r', 'g', 'b'].map((k) => numberOf(el.attrs[k]));
  if (r === undefined || g === undefined || b === undefined) return undefined;
  const a = numberOf(el.attrs.a);
  return a !== undefined && a < 1 ? `rgba(${r},${g},${b},${a})` : `rgb(${r},${g},${b})`;
}

/** GEXF 1.1–1.3 (viz positions, colours, sizes; typed attributes) to an AtlasGraph. */
export function readGexf(text: string, datasetId = 'gexf'): ReadResult {
  // Refused before the element tree is built (2M edges of it is gigabytes).
  const tooBig = overReadLimits(countXmlElements(text, 'node'), countXmlElements(text, 'edge'));
  if (tooBig) return { ok: false, format: 'gexf', error: tooBig };
  const parsed = parseRoot(text, 'gexf');
  if ('error' in parsed) return { ok: false, format: 'gexf', error: parsed.error };
  const { root } = parsed;
  const warnings = new MessageList();
  const version = root.attrs.version;
  if (version && !['1.1', '1.2', '1.3'].includes(version)) warnings.push(`GEXF version ${version} is not one this reader knows; read as 1.3`);
  const graphEl = child(root, 'graph');
  if (!graphEl) return { ok: false, format: 'gexf', error: 'no <graph> element' };
  const defaultType = graphEl.attrs.defaultedgetype ?? 'undirected';
  if (graphEl.attrs.mode === 'dynamic') warnings.push('dynamic GEXF: time intervals are ignored');

  const nodeDefs = model(graphEl, 'node', warnings);
  const edgeDefs = model(graphEl, 'edge', warnings);
  const undeclared = new Set<string>();

  const nodes: RawNode[] = [];
  let nested = 0;
  const collect = (container: XmlElement | undefined, depth: number) => {
    for (const n of childrenNamed(container, 'node')) {
      const id = n.attrs.id;
      if (id === undefined) continue;
      const pos = child(n, 'position');
      const size = child(n, 'size');
      nodes.push({
        id,
        label: n.attrs.label,
        attrs: attributes(n, nodeDefs, undeclared),
        x: numberOf(pos?.attrs.x),
        y: numberOf(pos?.attrs.y),
        size: numberOf(size?.attrs.value),
        color: vizColor(child(n, 'color')),
      });
      const sub = child(n, 'nodes');
      if (sub && depth < 8) {
        nested += 1;
        collect(sub, depth + 1);
      }
    }
  };
  collect(child(graphEl, 'nodes'), 0);
  if (nested) warnings.push('hierarchical GEXF: nested nodes were flattened');

  const edges: RawEdge[] = [];
  for (const e of childrenNamed(child(graphEl, 'edges'), 'edge')) {
    const source = e.attrs.source;
    const target = e.attrs.target;
    if (source === undefined || target === undefined) continue;
    const attrs = attributes(e, edgeDefs, undeclared);
    const thickness = child(e, 'thickness');
    edges.push({
      id: e.attrs.id,
      source,
      target,
      weight: numberOf(e.attrs.weight),
      directed: (e.attrs.type ?? defaultType) === 'directed',
      attrs,
      color: vizColor(child(e, 'color')),
      size: numberOf(thickness?.attrs.value),
    });
  }
  if (undeclared.size) warnings.push(`undeclared attribute(s) read as text: ${[...undeclared].slice(0, 10).join(', ')}`);

  const meta = child(root, 'meta');
  const title = meta ? child(meta, 'title')?.text.trim() : undefined;
  return toAtlasGraph('gexf', nodes, edges, title ? title.slice(0, 200) : datasetId, warnings);
}
