/**
 * Datasets found damaged when opened (datasetStore.ts): the list does not read the papers of a dataset kept in parts,
 * so damage inside them is found when it is opened, often in the store reader worker. Whoever finds it (this tab, its
 * worker, another tab) tells every tab on a BroadcastChannel, and each tab's list names the dataset as damaged from
 * then on, for as long as the stored record is that version (its revision and time of change).
 */
import type { DamagedRecord } from './types';
import { revisionOf } from './recordChecks';

export interface FoundDamaged extends DamagedRecord {
  revision: number;
  updatedAt: unknown;
}

const found = new Map<string, FoundDamaged>();
const isFound = (m: unknown): m is FoundDamaged =>
  typeof m === 'object' && m !== null && ['id', 'name', 'reason'].every((k) => typeof (m as Record<string, unknown>)[k] === 'string');

let channel: BroadcastChannel | null = null;
function notices(): BroadcastChannel | null {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  try {
    channel = new BroadcastChannel('coauthor-atlas-damaged');
  } catch {
    return null;
  }
  channel.onmessage = (e: MessageEvent) => {
    if (isFound(e.data)) found.set(e.data.id, e.data);
  };
  // Node (tests) would otherwise wait for the channel before exiting.
  (channel as { unref?: () => void }).unref?.();
  return channel;
}
notices();

/** `entry` was found damaged here: remembered, and told to the other tabs and workers. */
export function reportDamaged(entry: FoundDamaged): void {
  found.set(entry.id, entry);
  try {
    notices()?.postMessage(entry);
  } catch {
    /* a closed channel: this tab still knows */
  }
}

/** The damage found in dataset `id` when `version` (a summary or record) is the version found damaged; else null. */
export function damageFoundIn(id: string, version: { revision?: unknown; updatedAt?: unknown }): DamagedRecord | null {
  const f = found.get(id);
  if (!f || revisionOf(version) !== f.revision || version.updatedAt !== f.updatedAt) return null;
  return { id, name: f.name, reason: f.reason };
}

/** Dataset `id` was read whole and found valid, written or deleted here. */
export const forgetDamaged = (id: string) => void found.delete(id);

/** For tests: forget everything found. */
export const forgetAllDamaged = () => found.clear();
