import type { Workspace } from './workspace';
import { loadStoredWorkspace } from '../store/datasetStore';
import { workspaceFromShareHash } from '../view/export/openSnapshot';
import { fetchText, fileNameOf, workspaceFromText } from './openFile';

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
  const file = params.get('file');
  if (file) return workspaceFromLink(file, ctx);
  const dataset = params.get('dataset');
  if (dataset && dataset !== 'full' && dataset !== 'shown') {
    const stored = await loadStoredWorkspace(dataset);
    if (stored) return stored;
    ctx.notify(`No stored dataset “${dataset}” in this browser: showing the embedded profile.`, 'error');
  }
  return null;
}

/** Downloads and opens `?file=<url>`: any paper format, a snapshot or a graph file. */
export async function workspaceFromLink(url: string, ctx: OpenContext): Promise<Workspace | null> {
  const name = fileNameOf(url);
  try {
    ctx.notify(`Downloading ${name}…`);
    let lastShown = 0;
    const text = await fetchText(url, {
      signal: ctx.signal,
      onProgress: (loaded, total) => {
        const now = Date.now();
        if (now - lastShown < 150) return;
        lastShown = now;
        ctx.notify(total ? `Downloading ${name}… ${Math.round((100 * loaded) / total)}%` : `Downloading ${name}… ${(loaded / 1e6).toFixed(1)} MB`);
      },
    });
    ctx.notify(`Reading ${name}…`);
    const outcome = await workspaceFromText(text, name, { signal: ctx.signal, sourceUrl: url });
    if (!outcome.ok) {
      ctx.notify(`Could not open ${name}: ${outcome.error}. The current dataset is kept.`, 'error');
      return null;
    }
    ctx.notify(`Opened ${name}.${outcome.notes.length ? ` ${outcome.notes.slice(0, 4).map((n) => n.replace(/\.$/, '')).join('; ')}.` : ''}`);
    return outcome.workspace;
  } catch (e) {
    if ((e as Error).name === 'AbortError') return null;
    ctx.notify(`Could not open ${url}: ${(e as Error).message}. The current dataset is kept.`, 'error');
    return null;
  }
}
