import { validateVosviewerJson, type VosviewerItem } from '../export/vosviewer';
import { parseColor, toHexColor } from '../export/view';
import type { FileMapInfo } from '../graph/types';
import { cleanDisplayText } from '../security';
import { countOccurrences, overReadLimits, toAtlasGraph, type RawEdge, type RawNode, type ReadResult } from './common';
import { MessageList } from './messages';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** An item's weights or scores: its `weights` object, then VOSviewer's `weight<Name>` keys for names it lacks. */
function measures(item: VosviewerItem, kind: 'weight' | 'score'): Record<string, number> | undefined {
  const out: Record<string, number> = { ...(kind === 'weight' ? item.weights : item.scores) };
  for (const [k, v] of Object.entries(item as unknown as Record<string, unknown>)) {
    const m = /^(weight|score)<(.+)>$/.exec(k);
    if (m && m[1] === kind && isNum(v) && !(m[2] in out)) out[m[2]] = v;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Names in the order the file first gives them (VOSviewer sizes items by the first weight). */
function namesOf(maps: (Record<string, number> | undefined)[]): string[] {
  const names = new Set<string>();
  for (const m of maps) for (const k of Object.keys(m ?? {})) names.add(k);
  return [...names];
}

/** The file's cluster colours, from `config.color_schemes.cluster_colors` (or `config.cluster_colors`): [{cluster, color}] or {cluster: color}. */
function fileClusterColours(config: unknown): Map<number, string> {
  const out = new Map<number, string>();
  if (!isObj(config)) return out;
  const schemes = isObj(config.color_schemes) ? config.color_schemes : {};
  const raw = schemes.cluster_colors ?? config.cluster_colors;
  const add = (cluster: unknown, color: unknown) => {
    const c = Number(cluster);
    if (Number.isInteger(c) && typeof color === 'string' && parseColor(color)) out.set(c, toHexColor(color));
  };
  if (Array.isArray(raw)) for (const e of raw) if (isObj(e)) add(e.cluster, e.color);
  if (isObj(raw)) for (const [k, v] of Object.entries(raw)) add(k, v);
  return out;
}

/** Text of a title or description that may hold HTML: tags dropped, the common entities decoded; shown as text. */
export function plainText(html: unknown, max: number): string | undefined {
  if (typeof html !== 'string') return undefined;
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };
  const text = html
    .slice(0, max * 8)
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos|nbsp|#39);/g, (_m, e: string) => entities[e]);
  return cleanDisplayText(text, max) || undefined;
}

/** Renumbers the file's clusters as toAtlasGraph does (ascending, dense) and keeps the file's colours under the new numbers. */
function colourByCommunity(items: VosviewerItem[], colours: Map<number, string>): Record<number, string> | undefined {
  if (!colours.size) return undefined;
  const distinct = [...new Set(items.map((i) => (i.cluster !== undefined ? i.cluster - 1 : 0)))].sort((p, q) => p - q);
  const out: Record<number, string> = {};
  distinct.forEach((c, community) => {
    const colour = colours.get(c + 1);
    if (colour) out[community] = colour;
  });
  return out;
}

function mapInfo(obj: Record<string, unknown>, items: VosviewerItem[], nodes: RawNode[]): FileMapInfo {
  const info = isObj(obj.info) ? obj.info : {};
  const clusterColors = colourByCommunity(items, fileClusterColours(obj.config));
  const title = plainText(info.title, 200);
  const description = plainText(info.description, 2_000);
  return {
    weights: namesOf(nodes.map((n) => n.weights)),
    scores: namesOf(nodes.map((n) => n.scores)),
    ...(clusterColors ? { clusterColors } : {}),
    ...(title ? { title } : {}),
    ...(description ? { description } : {}),
  };
}

/** VOSviewer JSON map (items, links, clusters) to an AtlasGraph: items are authors, links coauthor edges. */
export function readVosviewer(input: string | unknown, datasetId = 'vosviewer'): ReadResult {
  let obj: unknown = input;
  if (typeof input === 'string') {
    // Every link names its "source_id": more of them than the edge limit is refused before parsing.
    const tooBig = overReadLimits(0, countOccurrences(input, '"source_id"'));
    if (tooBig) return { ok: false, format: 'vosviewer', error: tooBig };
    try {
      obj = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (e) {
      return { ok: false, format: 'vosviewer', error: `not JSON (${(e as Error).message})` };
    }
  }
  const tooMany = tooManyEntries(obj);
  if (tooMany) return { ok: false, format: 'vosviewer', error: tooMany };
  const checked = validateVosviewerJson(obj);
  if (!checked.ok) {
    const more = checked.errors.length > 5 ? ` (and ${checked.errors.length - 5} more)` : '';
    return { ok: false, format: 'vosviewer', error: `not a VOSviewer map: ${checked.errors.slice(0, 5).join('; ')}${more}` };
  }
  const { items, links = [] } = checked.value.network;
  const warnings = new MessageList();
  const nodes: RawNode[] = items.map((item) => {
    const weights = measures(item, 'weight');
    const scores = measures(item, 'score');
    return {
      id: String(item.id),
      label: item.label,
      attrs: {
        ...(item.cluster !== undefined ? { community: item.cluster - 1 } : {}),
      },
      x: item.x,
      y: item.y,
      ...(weights ? { weights } : {}),
      ...(scores ? { scores } : {}),
    };
  });
  const edges: RawEdge[] = links.map((l) => ({
    source: String(l.source_id),
    target: String(l.target_id),
    weight: l.strength,
    attrs: {},
  }));
  const result = toAtlasGraph('vosviewer', nodes, edges, datasetId, warnings);
  if (result.ok) {
    result.graph.setAttribute('fileMap', mapInfo(obj as Record<string, unknown>, items, nodes));
    // Documents becomes a paper count the graph cannot hold (no paper ids): keep it as a note.
    const withDocs = items.filter((i) => i.weights && typeof i.weights.Documents === 'number').length;
    if (withDocs) warnings.push('VOSviewer document counts are not paper lists; papers are not linked');
  }
  return result;
}

/** More items or links than the read limits, checked before each entry is validated. */
function tooManyEntries(obj: unknown): string | null {
  const network = (obj as { network?: { items?: unknown; links?: unknown } } | null)?.network;
  const length = (v: unknown) => (Array.isArray(v) ? v.length : 0);
  const refusal = overReadLimits(length(network?.items), length(network?.links));
  return refusal && refusal.replace('nodes', 'items').replace('edges', 'links');
}
