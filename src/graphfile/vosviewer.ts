import { validateVosviewerJson } from '../export/vosviewer';
import { countOccurrences, overReadLimits, toAtlasGraph, type RawEdge, type RawNode, type ReadResult } from './common';
import { MessageList } from './messages';

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
  const nodes: RawNode[] = items.map((item) => ({
    id: String(item.id),
    label: item.label,
    attrs: {
      ...(item.cluster !== undefined ? { community: item.cluster - 1 } : {}),
    },
    x: item.x,
    y: item.y,
  }));
  const edges: RawEdge[] = links.map((l) => ({
    source: String(l.source_id),
    target: String(l.target_id),
    weight: l.strength,
    attrs: {},
  }));
  // Documents becomes a paper count the graph cannot hold (no paper ids): keep it as a note.
  const withDocs = items.some((i) => i.weights && typeof i.weights.Documents === 'number');
  if (withDocs) warnings.push('VOSviewer document counts are not paper lists; papers are not linked');
  return toAtlasGraph('vosviewer', nodes, edges, datasetId, warnings);
}

/** More items or links than the read limits, checked before each entry is validated. */
function tooManyEntries(obj: unknown): string | null {
  const network = (obj as { network?: { items?: unknown; links?: unknown } } | null)?.network;
  const length = (v: unknown) => (Array.isArray(v) ? v.length : 0);
  const refusal = overReadLimits(length(network?.items), length(network?.links));
  return refusal && refusal.replace('nodes', 'items').replace('edges', 'links');
}
