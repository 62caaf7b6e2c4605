import type { Workspace } from '../../app/workspace';

/** A snapshot file's text → the workspace it restores, or a refusal with messages. (Owned by the export feature.) */
export function workspaceFromSnapshotText(_text: string): { ok: true; workspace: Workspace } | { ok: false; errors: string[] } {
  return { ok: false, errors: ['Snapshots are not supported yet.'] };
}

/** A share-link hash (`#s=…`) → the workspace it restores; null when the hash holds no snapshot. */
export function workspaceFromShareHash(_hash: string): { ok: true; workspace: Workspace } | { ok: false; errors: string[] } | null {
  return null;
}
