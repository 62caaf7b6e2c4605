import Graph from 'graphology';
import { nameKey } from '../model/names';
import {
  affiliationNodeId,
  authorNodeId,
  DEFAULT_BUILD_OPTIONS,
  inRange,
  OPTION_RANGES,
  paperNodeId,
  type AtlasGraph,
  type EdgeAttributes,
  type EdgeKind,
  type NodeAttributes,
  type NodeKind,
} from '../graph/types';
import type { NodeView, ViewState } from '../export/view';
import { splitList } from '../export/xml';
import type { MessageList } from './messages';

export type GraphFileFormat = 'gexf' | 'graphml' | 'vosviewer';

export type ReadResult =
  | {
      ok: true;
      format: GraphFileFormat;
      graph: AtlasGraph;
      view: ViewState;
      warnings: string[];
      /** Every node had a position in the file. */
      positioned: boolean;
      /** Some node had a colour / a size in the file (else the view's are defaults, not the file's). */
      styled: { color: boolean; size: boolean };
    }
  | { ok: false; format?: GraphFileFormat; error: string };

export const READ_LIMITS = { maxNodes: 200_000, maxEdges: 2_000_000, maxText: 2_000 } as const;

/**
 * Finite bounds for numbers read from files: a weight of 1e308 twice would sum to Infinity (and ForceAtlas2
 * then gives NaN positions). Weights and sums saturate at `maxWeight`; positions and sizes are clamped.
 */
export const NUMBER_BOUNDS = { minWeight: 1e-9, maxWeight: 1e9, maxCoordinate: 1e9, maxSize: 1e4 } as const;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
/** A weight (already known to be positive) within the bounds; a sum of two saturates. */
export const boundedWeight = (w: number) => clamp(w, NUMBER_BOUNDS.minWeight, NUMBER_BOUNDS.maxWeight);
const coordinate = (v: number | undefined) => (v === undefined ? undefined : clamp(v, -NUMBER_BOUNDS.maxCoordinate, NUMBER_BOUNDS.maxCoordinate));
const yearOf = (v: number | undefined) => (inRange(v, OPTION_RANGES.year) ? v : undefined);

/**
 * How many elements named `name` (any namespace prefix, any case, as the reader matches them) a document
 * can hold at most, counted on the text before it is parsed; ones inside comments or CDATA count too.
 */
export function countXmlElements(text: string, name: string): number {
  const re = new RegExp(`<(?:[\\w.-]+:)?${name}[\\s/>]`, 'gi');
  let n = 0;
  while (re.exec(text)) n += 1;
  return n;
}

/** Occurrences of `needle` in `text` (no allocation per match). */
export function countOccurrences(text: string, needle: string): number {
  let n = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) n += 1;
  return n;
}

/** The refusal for a file with more nodes or edges than READ_LIMITS, or null. */
export function overReadLimits(nodes: number, edges: number): string | null {
  if (nodes > READ_LIMITS.maxNodes) return `more than ${READ_LIMITS.maxNodes} nodes`;
  if (edges > READ_LIMITS.maxEdges) return `more than ${READ_LIMITS.maxEdges} edges`;
  return null;
}

/** A node as found in a file, before it is mapped onto the Atlas contract. */
export interface RawNode {
  id: string;
  label?: string;
  /** Data attributes by name (already typed where the file declares types). */
  attrs: Record<string, unknown>;
  x?: number;
  y?: number;
  size?: number;
  color?: string;
  /** A map file's weights and scores, kept on author nodes. */
  weights?: Record<string, number>;
  scores?: Record<string, number>;
}

export interface RawEdge {
  id?: string;
  source: string;
  target: string;
  weight?: number;
  directed?: boolean;
  attrs: Record<string, unknown>;
  color?: string;
  size?: number;
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.slice(0, READ_LIMITS.maxText);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

function list(v: unknown): string[] {
  if (Array.isArray(v)) return v.map((x) => text(x)).filter((x): x is string => !!x);
  const s = text(v);
  return s ? splitList(s) : [];
}

function numberOf(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function boolOf(v: unknown): boolean {
  return v === true || (typeof v === 'string' && v.trim().toLowerCase() === 'true') || v === 1;
}

const lowerNames = new WeakMap<Record<string, unknown>, Map<string, string>>();

/** Looks up an attribute by any of several names, case-insensitively. */
function pick(attrs: Record<string, unknown>, ...names: string[]): unknown {
  for (const n of names) if (Object.prototype.hasOwnProperty.call(attrs, n)) return attrs[n];
  // Made once per attribute set (each node is asked for a dozen names).
  let lower = lowerNames.get(attrs);
  if (!lower) lowerNames.set(attrs, (lower = new Map(Object.keys(attrs).map((k) => [k.toLowerCase(), k]))));
  for (const n of names) {
    const k = lower.get(n.toLowerCase());
    if (k !== undefined) return attrs[k];
  }
  return undefined;
}

const KINDS: NodeKind[] = ['author', 'paper', 'affiliation'];
const EDGE_KINDS: EdgeKind[] = ['coauthor', 'affiliation', 'authorship'];

/**
 * Maps raw nodes/edges onto an AtlasGraph (undirected, simple): kinds default to 'author',
 * ids get the kind prefix, duplicate edges are merged (weights summed), positions are kept
 * (missing ones are placed on a circle), communities are renumbered 0..k-1.
 */
export function toAtlasGraph(format: GraphFileFormat, rawNodes: RawNode[], rawEdges: RawEdge[], datasetId: string, warnings: MessageList): ReadResult {
  const refusal = overReadLimits(rawNodes.length, rawEdges.length);
  if (refusal) return { ok: false, format, error: refusal };

  const graph: AtlasGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const view: ViewState = { nodes: {}, edges: {} };
  const idMap = new Map<string, string>();
  // Next `#n` suffix to try per id: 20,000 nodes with one label cost 20,000 probes, not 200 million.
  const nextSuffix = new Map<string, number>();
  const communities = new Map<string, number>();
  const rawCommunity = new Map<string, number>();
  let unknownKind = 0;
  let missingPos = 0;
  let duplicateIds = 0;

  for (const raw of rawNodes) {
    if (idMap.has(raw.id)) {
      duplicateIds += 1;
      continue;
    }
    const a = raw.attrs;
    const kindAttr = text(pick(a, 'kind', 'type'));
    let kind: NodeKind = 'author';
    if (kindAttr && (KINDS as string[]).includes(kindAttr)) kind = kindAttr as NodeKind;
    else if (kindAttr) unknownKind += 1;
    const label = (raw.label ?? text(pick(a, 'label', 'name')) ?? raw.id).slice(0, READ_LIMITS.maxText);

    let id: string;
    let key = '';
    if (kind === 'author') {
      key = text(pick(a, 'authorKey', 'key')) ?? (raw.id.startsWith('a:') ? raw.id.slice(2) : nameKey(label) || raw.id);
      id = authorNodeId(key);
    } else if (kind === 'paper') {
      id = paperNodeId(text(pick(a, 'paperId')) ?? (raw.id.startsWith('p:') ? raw.id.slice(2) : raw.id));
    } else {
      id = raw.id.startsWith('f:') ? raw.id : affiliationNodeId(nameKey(label) || raw.id);
    }
    if (graph.hasNode(id)) {
      let i = nextSuffix.get(id) ?? 2;
      while (graph.hasNode(`${id}#${i}`)) i += 1;
      nextSuffix.set(id, i + 1);
      warnings.push(`two nodes map to "${id}"; the second is kept as "${id}#${i}"`);
      id = `${id}#${i}`;
    }
    idMap.set(raw.id, id);

    const x = coordinate(raw.x ?? numberOf(pick(a, 'x')));
    const y = coordinate(raw.y ?? numberOf(pick(a, 'y')));
    if (x === undefined || y === undefined) missingPos += 1;
    const community = numberOf(pick(a, 'community', 'modularity_class', 'cluster', 'Modularity Class'));
    rawCommunity.set(id, community !== undefined ? Math.floor(community) : 0);

    let attrs: NodeAttributes;
    if (kind === 'author') {
      const spellings = list(pick(a, 'spellings'));
      const firstYear = yearOf(numberOf(pick(a, 'firstYear')));
      const lastYear = yearOf(numberOf(pick(a, 'lastYear')));
      attrs = {
        kind,
        label,
        authorKey: key,
        spellings: spellings.length ? spellings : [label],
        paperIds: list(pick(a, 'paperIds', 'papers')),
        affiliations: list(pick(a, 'affiliations', 'affiliation')),
        community: 0,
        isOwner: boolOf(pick(a, 'isOwner')),
        x: x ?? 0,
        y: y ?? 0,
        ...(firstYear !== undefined ? { firstYear } : {}),
        ...(lastYear !== undefined ? { lastYear } : {}),
        ...(raw.weights ? { weights: raw.weights } : {}),
        ...(raw.scores ? { scores: raw.scores } : {}),
      };
    } else if (kind === 'paper') {
      attrs = { kind, label, paperId: id.slice(2), authorCount: numberOf(pick(a, 'authorCount')) ?? 0, community: 0, x: x ?? 0, y: y ?? 0 };
    } else {
      attrs = { kind, label, authorCount: numberOf(pick(a, 'authorCount')) ?? 0, community: 0, x: x ?? 0, y: y ?? 0 };
    }
    graph.addNode(id, attrs);
    const size = raw.size !== undefined && raw.size > 0 ? Math.min(raw.size, NUMBER_BOUNDS.maxSize) : 4;
    const nv: NodeView = { x: attrs.x, y: attrs.y, size, color: raw.color ?? '#999999', label };
    view.nodes[id] = nv;
  }
  if (duplicateIds) warnings.push(`${duplicateIds} duplicate node id(s) ignored`);
  if (unknownKind) warnings.push(`${unknownKind} node(s) had an unknown kind and were read as authors`);

  // Communities renumbered densely in ascending order of the file's values.
  const distinct = [...new Set(rawCommunity.values())].sort((p, q) => p - q);
  distinct.forEach((c, i) => communities.set(String(c), i));
  graph.forEachNode((n) => graph.setNodeAttribute(n, 'community', communities.get(String(rawCommunity.get(n)))!));

  if (missingPos) {
    warnings.push(`${missingPos} node(s) had no position and were placed on a circle`);
    let i = 0;
    const r = Math.max(1, Math.sqrt(missingPos) * 10);
    for (const raw of rawNodes) {
      const id = idMap.get(raw.id);
      const x = coordinate(raw.x ?? numberOf(pick(raw.attrs, 'x')));
      const y = coordinate(raw.y ?? numberOf(pick(raw.attrs, 'y')));
      if (!id || (x !== undefined && y !== undefined) || !view.nodes[id]) continue;
      const t = (2 * Math.PI * i++) / missingPos;
      const px = r * Math.cos(t);
      const py = r * Math.sin(t);
      graph.mergeNodeAttributes(id, { x: px, y: py });
      view.nodes[id] = { ...view.nodes[id], x: px, y: py };
    }
  }

  let missingEnds = 0;
  let selfLoops = 0;
  let merged = 0;
  let directed = 0;
  let badWeights = 0;
  /** Papers of merged edges, as sets while merging (copying each edge's list per parallel edge is quadratic). */
  const mergedPapers = new Map<string, Set<string>>();
  for (const raw of rawEdges) {
    const s = idMap.get(raw.source);
    const t = idMap.get(raw.target);
    if (!s || !t) {
      missingEnds += 1;
      continue;
    }
    if (s === t) {
      selfLoops += 1;
      continue;
    }
    if (raw.directed) directed += 1;
    let weight = raw.weight ?? numberOf(pick(raw.attrs, 'weight', 'strength'));
    if (weight === undefined || !(weight > 0)) {
      if (weight !== undefined) badWeights += 1;
      weight = 1;
    }
    weight = boundedWeight(weight);
    const kindAttr = text(pick(raw.attrs, 'kind', 'type'));
    const sk = graph.getNodeAttribute(s, 'kind');
    const tk = graph.getNodeAttribute(t, 'kind');
    const inferred: EdgeKind = sk === 'paper' || tk === 'paper' ? 'authorship' : sk === 'affiliation' || tk === 'affiliation' ? 'affiliation' : 'coauthor';
    const kind = kindAttr && (EDGE_KINDS as string[]).includes(kindAttr) ? (kindAttr as EdgeKind) : inferred;
    const paperIds = list(pick(raw.attrs, 'paperIds', 'papers'));

    const existing = graph.edge(s, t);
    if (existing) {
      merged += 1;
      const e = graph.getEdgeAttributes(existing);
      e.weight = boundedWeight(e.weight + weight);
      let papers = mergedPapers.get(existing);
      if (!papers) mergedPapers.set(existing, (papers = new Set(e.paperIds)));
      for (const p of paperIds) papers.add(p);
      continue;
    }
    const attrs: EdgeAttributes = { kind, weight, paperIds };
    const key = raw.id && !graph.hasEdge(raw.id) ? raw.id : undefined;
    const edge = key !== undefined ? graph.addEdgeWithKey(key, s, t, attrs) : graph.addEdge(s, t, attrs);
    if (raw.color !== undefined || raw.size !== undefined) {
      view.edges![edge] = { color: raw.color ?? '#cccccc', size: raw.size !== undefined && raw.size > 0 ? Math.min(raw.size, NUMBER_BOUNDS.maxSize) : 1 };
    }
  }
  for (const [edge, papers] of mergedPapers) graph.setEdgeAttribute(edge, 'paperIds', [...papers]);
  if (missingEnds) warnings.push(`${missingEnds} edge(s) pointed to missing nodes and were skipped`);
  if (selfLoops) warnings.push(`${selfLoops} self-loop(s) skipped`);
  if (merged) warnings.push(`${merged} parallel edge(s) merged (weights added)`);
  if (directed) warnings.push(`${directed} directed edge(s) read as undirected`);
  if (badWeights) warnings.push(`${badWeights} edge(s) had a weight that is not positive; read as 1`);

  graph.replaceAttributes({ datasetId, options: { ...DEFAULT_BUILD_OPTIONS }, communityCount: distinct.length });
  const styled = { color: rawNodes.some((n) => n.color !== undefined), size: rawNodes.some((n) => n.size !== undefined) };
  return { ok: true, format, graph, view, warnings: warnings.list(), positioned: missingPos === 0, styled };
}

export { numberOf, text as textOf };
