import { validateVosviewerJson } from '../export/vosviewer';
import { toAtlasGraph, type RawEdge, type RawNode, type ReadResult } from './common';

/** VOSviewer JSON map (items, links, clusters) to an AtlasGraph: items are authors, links coauthor edges. */
export function readVosviewer(input: string | unknown, datasetId = 'vosviewer'): ReadResult {
  let obj: unknown = input;
  if (typeof input === 'string') {
    try {
      obj = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (e) {
      return { ok: false, format: 'vosviewer', error: `not JSON (${(e as Error).message})` };
    }
  }
  const checked = validateVosviewerJson(obj);
  if (!checked.ok) {
    const more = checked.errors.length > 5 ? ` (and ${checked.errors.length - 5} more)` : '';
    return { ok: false, format: 'vosviewer', error: `not a VOSviewer map: ${checked.errors.slice(0, 5).join('; ')}${more}` };
  }
  const { items, links = [] } = checked.value.network;
  const warnings: string[] = [];
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
  const result = toAtlasGraph('vosviewer', nodes, edges, datasetId, warnings);
  if (result.ok) {
    // Documents becomes a paper count the graph cannot hold (no paper ids): keep it as a note.
    const withDocs = items.filter((i) => i.weights && typeof i.weights.Documents === 'number').length;
    if (withDocs) warnings.push('VOSviewer document counts are not paper lists; papers are not linked');
  }
  return result;
}
