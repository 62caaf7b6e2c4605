import type { Workspace } from '../app/workspace';

/** A stored dataset (IndexedDB) by id, as a workspace; null when there is none. (Owned by the import feature.) */
export async function loadStoredWorkspace(_id: string): Promise<Workspace | null> {
  return null;
}
