import type { Workspace } from '../../app/workspace';
import { EMBEDDED } from '../../app/datasets';
import { decodeShareLink, parseSnapshot, type Snapshot } from '../../export';
import { mapLensFromFilters } from '../../lenses/mapLens';

type Opened = { ok: true; workspace: Workspace } | { ok: false; errors: string[] };

/** The workspace a validated snapshot restores: its data, options, positions (no layout runs), camera and selection. */
export function workspaceFromSnapshot(s: Snapshot, origin: 'snapshot' | 'link'): Workspace | string {
  if (s.datasetRef !== undefined) {
    const dataset = Object.values(EMBEDDED).find((d) => d.id === s.datasetRef);
    if (!dataset) return `it refers to a dataset this app does not have (“${s.datasetRef}”)`;
    s = { ...s, dataset, merges: dataset.aliases };
  }
  return {
    id: s.dataset.id,
    dataset: { ...s.dataset, aliases: s.merges },
    // An embedded dataset stays one (its link can be shared again by name).
    origin: s.datasetRef !== undefined ? 'embedded' : origin,
    options: s.options,
    // A share link may leave the positions out: the seeded layout makes them again.
    positions: Object.keys(s.positions).length ? s.positions : undefined,
    camera: s.camera,
    selection: s.selection,
    lens: mapLensFromFilters(s.filters),
  };
}

/** A snapshot file's text → the workspace it restores, or a refusal with messages. Nothing in it is executed. */
export function workspaceFromSnapshotText(text: string): Opened {
  const r = parseSnapshot(text);
  return r.ok ? opened(workspaceFromSnapshot(r.snapshot, 'snapshot')) : { ok: false, errors: r.errors };
}

const opened = (ws: Workspace | string): Opened => (typeof ws === 'string' ? { ok: false, errors: [ws] } : { ok: true, workspace: ws });

/** A share-link hash (`#s=…`) → the workspace it restores; null when the hash holds no snapshot. */
export function workspaceFromShareHash(hash: string): Opened | null {
  const r = decodeShareLink(hash);
  if (r.ok) return opened(workspaceFromSnapshot(r.snapshot, 'link'));
  return r.reason === 'no-snapshot' ? null : { ok: false, errors: r.errors };
}

/**
 * A share link's view on the workspace its `?file=` link opened: the camera, the selection, the build options and merges
 * made on it, and the positions when the link has them (a graph file keeps its own options and positions otherwise).
 */
export function withSharedView(ws: Workspace, s: Snapshot): Workspace {
  const positions = Object.keys(s.positions).length ? s.positions : ws.positions;
  if (ws.graph) return { ...ws, positions, camera: s.camera, selection: s.selection };
  const merges = s.merges.length ? s.merges : ws.dataset.aliases;
  return { ...ws, dataset: { ...ws.dataset, aliases: merges }, options: s.options, positions, camera: s.camera, selection: s.selection };
}
