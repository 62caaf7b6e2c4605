import type { AtlasGraph, EdgeAttributes, NodeAttributes } from '../graph/types';
import { MessageList } from '../graphfile/messages';
import { isEdgeVisible, isNodeVisible, nodeView, type ViewState } from './view';

/** VOSviewer (Online) JSON map: see VOSviewer Online's "JSON file type" documentation. */
export interface VosviewerItem {
  id: number | string;
  label: string;
  x?: number;
  y?: number;
  /** Positive integer. */
  cluster?: number;
  weights?: Record<string, number>;
  scores?: Record<string, number>;
  description?: string;
  url?: string;
}

export interface VosviewerLink {
  source_id: number | string;
  target_id: number | string;
  strength?: number;
}

export interface VosviewerJson {
  network: { items: VosviewerItem[]; links?: VosviewerLink[] };
  config?: Record<string, unknown>;
}

export interface VosviewerExportOptions {
  includeHidden?: boolean;
  /** Also export paper hubs and affiliation nodes (default: authors only, VOSviewer's co-authorship map). */
  allKinds?: boolean;
  /** Map title shown by VOSviewer Online. */
  title?: string;
  /**
   * Links and total link strength per node as the app shows them (src/lenses/linkStrength.ts: hub papers' authors
   * linked too, lenses applied); without them, counted from the exported coauthor links.
   */
  linkStrengths?: ReadonlyMap<string, { links: number; strength: number }>;
}

/** A co-authorship map: items are authors, links coauthor edges with strength = edge weight. */
export function toVosviewerJson(graph: AtlasGraph, view?: ViewState, options: VosviewerExportOptions = {}): VosviewerJson {
  const keep = (node: string, a: NodeAttributes) => (options.includeHidden || isNodeVisible(node, view)) && (options.allKinds || a.kind === 'author');
  const ids = new Map<string, number>();
  graph.forEachNode((node, a) => {
    if (keep(node, a)) ids.set(node, ids.size + 1);
  });

  const links: VosviewerLink[] = [];
  const linkCount = new Map<string, number>();
  const strength = new Map<string, number>();
  graph.forEachEdge((edge, raw, source, target) => {
    const a = raw as EdgeAttributes;
    if (!ids.has(source) || !ids.has(target) || source === target) return;
    if (!options.includeHidden && !isEdgeVisible(graph, edge, view)) return;
    if (!options.allKinds && a.kind !== 'coauthor') return;
    const w = Number.isFinite(a.weight) && a.weight > 0 ? round(a.weight) : 1;
    links.push({ source_id: ids.get(source)!, target_id: ids.get(target)!, strength: w });
    for (const n of [source, target]) {
      linkCount.set(n, (linkCount.get(n) ?? 0) + 1);
      strength.set(n, (strength.get(n) ?? 0) + w);
    }
  });

  const items: VosviewerItem[] = [];
  for (const [node, id] of ids) {
    const a = graph.getNodeAttributes(node) as NodeAttributes;
    const v = nodeView(graph, node, view);
    const documents = a.kind === 'author' ? a.paperIds.length : a.kind === 'paper' ? 1 : a.authorCount;
    const item: VosviewerItem = {
      id,
      label: a.label,
      x: round(v.x),
      y: round(v.y),
      cluster: Math.max(1, Math.floor(a.community) + 1),
      weights: {
        Links: options.linkStrengths?.get(node)?.links ?? linkCount.get(node) ?? 0,
        'Total link strength': round(options.linkStrengths?.get(node)?.strength ?? strength.get(node) ?? 0),
        Documents: documents,
      },
    };
    if (a.kind === 'author' && a.firstYear !== undefined && a.lastYear !== undefined) {
      item.scores = { 'Avg. pub. year': round((a.firstYear + a.lastYear) / 2) };
    }
    items.push(item);
  }

  const json: VosviewerJson = { network: { items, links } };
  json.config = {
    terminology: { item: 'Author', items: 'Authors', link: 'Co-authorship link', links: 'Co-authorship links', link_strength: 'Shared papers' },
    ...(options.title ? { parameters: { title: options.title } } : {}),
  };
  return json;
}

function round(n: number): number {
  return Number.isFinite(n) ? Math.round(n * 1e4) / 1e4 : 0;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Checks an object against the VOSviewer JSON map shape. Errors name the path.
 * Unknown item keys (e.g. VOSviewer's own "weight<...>" duplicates) are allowed.
 */
export function validateVosviewerJson(obj: unknown): { ok: true; value: VosviewerJson } | { ok: false; errors: string[] } {
  // The first errors are kept and the rest counted: 10M bad items must not make 10M messages.
  const errors = new MessageList();
  if (!isObj(obj)) return { ok: false, errors: ['root: not an object'] };
  if (obj.config !== undefined && !isObj(obj.config)) errors.push('config: not an object');
  const network = obj.network;
  if (!isObj(network)) return { ok: false, errors: [...errors.list(), 'network: missing or not an object'] };
  if (!Array.isArray(network.items)) return { ok: false, errors: [...errors.list(), 'network.items: missing or not an array'] };

  const ids = new Set<string>();
  network.items.forEach((item: unknown, i: number) => {
    const at = `network.items[${i}]`;
    if (!isObj(item)) return void errors.push(`${at}: not an object`);
    const id = item.id;
    if (!(isNum(id) || (typeof id === 'string' && id !== ''))) errors.push(`${at}.id: not a number or non-empty string`);
    else if (ids.has(String(id))) errors.push(`${at}.id: duplicate id ${String(id)}`);
    else ids.add(String(id));
    if (typeof item.label !== 'string') errors.push(`${at}.label: not a string`);
    for (const k of ['x', 'y'] as const) if (item[k] !== undefined && !isNum(item[k])) errors.push(`${at}.${k}: not a finite number`);
    if ((item.x === undefined) !== (item.y === undefined)) errors.push(`${at}: x and y must be given together`);
    if (item.cluster !== undefined && !(Number.isInteger(item.cluster) && (item.cluster as number) >= 1)) {
      errors.push(`${at}.cluster: not a positive integer`);
    }
    for (const k of ['weights', 'scores'] as const) {
      const m = item[k];
      if (m === undefined) continue;
      if (!isObj(m)) errors.push(`${at}.${k}: not an object`);
      else for (const [name, v] of Object.entries(m)) if (!isNum(v)) errors.push(`${at}.${k}["${name}"]: not a finite number`);
    }
    for (const k of ['description', 'url'] as const) {
      if (item[k] !== undefined && typeof item[k] !== 'string') errors.push(`${at}.${k}: not a string`);
    }
  });

  if (network.links !== undefined) {
    if (!Array.isArray(network.links)) errors.push('network.links: not an array');
    else
      network.links.forEach((link: unknown, i: number) => {
        const at = `network.links[${i}]`;
        if (!isObj(link)) return void errors.push(`${at}: not an object`);
        for (const k of ['source_id', 'target_id'] as const) {
          const v = link[k];
          if (!(isNum(v) || typeof v === 'string')) errors.push(`${at}.${k}: not a number or string`);
          else if (!ids.has(String(v))) errors.push(`${at}.${k}: no item with id ${String(v)}`);
        }
        if (link.strength !== undefined && !(isNum(link.strength) && link.strength >= 0)) {
          errors.push(`${at}.strength: not a non-negative number`);
        }
      });
  }
  return errors.count ? { ok: false, errors: errors.list() } : { ok: true, value: obj as unknown as VosviewerJson };
}
