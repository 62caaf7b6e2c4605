import type { Workspace } from './workspace';
import { loadStoredWorkspace } from '../store/datasetStore';
import { workspaceFromShareHash } from '../view/export/openSnapshot';

export interface OpenContext {
  signal: AbortSignal;
  notify: (message: string, kind?: 'info' | 'error') => void;
}

/**
 * The workspace a URL points at beyond the embedded datasets, or null: a share link's hash
 * (`#s=…`), a stored dataset (`?dataset=<id>`), or a file by URL (`?file=<url>`).
 * A failure says so and returns null, which keeps the current dataset.
 */
export async function workspaceFromUrl(search: string, ctx: OpenContext, hash = window.location.hash): Promise<Workspace | null> {
  const shared = hash ? workspaceFromShareHash(hash) : null;
  if (shared) {
    if (shared.ok) return shared.workspace;
    ctx.notify(`This share link could not be opened: ${shared.errors.slice(0, 3).join('; ')}`, 'error');
    return null;
  }
  const params = new URLSearchParams(search);
  const dataset = params.get('dataset');
  if (dataset && dataset !== 'full' && dataset !== 'shown') {
    const stored = await loadStoredWorkspace(dataset);
    if (stored) return stored;
    ctx.notify(`No stored dataset “${dataset}” in this browser: showing the embedded profile.`, 'error');
  }
  return null;
}
