import type { Workspace } from './workspace';

export interface OpenContext {
  signal: AbortSignal;
  notify: (message: string, kind?: 'info' | 'error') => void;
}

/**
 * The workspace a URL points at beyond the embedded datasets, or null.
 * (Stored datasets and `?file=` links plug in here.)
 */
export async function workspaceFromUrl(_search: string, _ctx: OpenContext): Promise<Workspace | null> {
  return null;
}
