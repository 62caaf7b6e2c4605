import type Sigma from 'sigma';
import type { AtlasApi } from '../../app/context';
import {
  createSnapshot,
  encodeShareLinkFitting,
  FILE_LINK_REF,
  SHARE_HASH_MAX_CHARS,
  SHARE_REF_MAX_CHARS,
  validateSnapshot,
  type Snapshot,
} from '../../export';
import { withDataset, withFile, withLens } from '../../app/state/urlCodec';
import { snapshotOf } from './formats';

export type ShareLinkResult =
  | { ok: true; url: string; refersTo: string; positions: boolean }
  | { ok: false; reason: 'too-large'; size: number; limit: number; snapshot: Snapshot }
  | { ok: false; reason: 'invalid'; errors: string[] };

/**
 * The share link of what is shown. It always carries the view: build options, selection and camera in the hash (`#s=`),
 * the lenses in the query, and the positions when they fit. The data travels by reference where it can be fetched again:
 * an embedded dataset by name (`dataset=shown`, or its id in the hash), a `?file=` link by its URL. Only a dataset that
 * lives in this browser alone (an import, a snapshot file) puts its data in the link, up to SHARE_HASH_MAX_CHARS.
 */
export function shareLinkOf(api: AtlasApi, sigma: Sigma | null, date: Date, page: { origin: string; pathname: string }): ShareLinkResult {
  const ws = api.workspace;
  let query = withLens('', api.lens);
  let ref: { id: string; refersTo: string } | null = null;
  if (ws.origin === 'embedded') {
    ref = { id: ws.dataset.id, refersTo: `the dataset “${ws.dataset.title}” this app ships with` };
    if (ws.dataset.id.endsWith('-shown')) query = withDataset(query, 'shown');
  } else if (ws.sourceUrl) {
    ref = { id: FILE_LINK_REF, refersTo: `the file at ${ws.sourceUrl}` };
    query = withFile(query, ws.sourceUrl);
  }
  const base = `${page.origin}${page.pathname}${query}`;

  let snapshot: Snapshot;
  if (ref) {
    const positions: Record<string, [number, number]> = {};
    api.graph.forEachNode((node, a) => {
      positions[node] = [a.x, a.y];
    });
    const { x, y, ratio, angle } = sigma ? sigma.getCamera().getState() : { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
    snapshot = createSnapshot({
      createdAt: date.toISOString(),
      datasetRef: ref.id,
      dataset: { id: ws.dataset.id, title: ws.dataset.title, papers: [], aliases: [] },
      options: { ...api.options },
      // Merges made here on a linked file are part of the view; an embedded dataset brings its own.
      merges: ref.id === FILE_LINK_REF && !ws.graph ? ws.dataset.aliases : [],
      positions,
      camera: { x, y, ratio, angle },
      filters: {},
      selection: api.selection,
      theme: api.theme,
    });
    const check = validateSnapshot(JSON.parse(JSON.stringify(snapshot)));
    if (!check.ok) return { ok: false, reason: 'invalid', errors: check.errors };
  } else {
    const s = snapshotOf(api, sigma, date);
    if (!s.ok) return { ok: false, reason: 'invalid', errors: s.errors };
    snapshot = s.snapshot;
  }
  const limit = ref ? Math.max(SHARE_REF_MAX_CHARS - base.length, 0) : SHARE_HASH_MAX_CHARS;
  const enc = encodeShareLinkFitting(snapshot, limit);
  if (!enc.ok) {
    // A reference that does not fit the short limit (a very long ?file= URL, a long selection) still makes a link.
    const long = ref ? encodeShareLinkFitting(snapshot, SHARE_HASH_MAX_CHARS) : enc;
    if (!long.ok) return { ok: false, reason: 'too-large', size: long.size, limit: long.limit, snapshot };
    return { ok: true, url: `${base}${long.hash}`, refersTo: ref?.refersTo ?? '', positions: Boolean(long.positions) };
  }
  return { ok: true, url: `${base}${enc.hash}`, refersTo: ref?.refersTo ?? '', positions: Boolean(enc.positions) };
}
