import type { Alias, Dataset } from '../model/types';
import type { Camera, SelectedItem } from '../model/view';
import type { BuildOptions } from '../graph/types';
import { schemaErrors, SNAPSHOT_FORMAT, SNAPSHOT_LIMITS, SNAPSHOT_VERSION, snapshotSchema } from './snapshotSchema';

export { SNAPSHOT_FORMAT, SNAPSHOT_LIMITS, SNAPSHOT_VERSION };

export type { Camera };
/** Every selection the app has. */
export type Selection = SelectedItem;

/** A saved view: the data, how it was built, and where the user was looking. Data only. */
export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof SNAPSHOT_VERSION;
  createdAt: string;
  dataset: Dataset;
  options: BuildOptions;
  merges: Alias[];
  positions: Record<string, [number, number]>;
  camera: Camera;
  filters: Record<string, unknown>;
  selection: Selection | null;
  theme?: string;
  /**
   * Set when the dataset is one the app ships with (e.g. "embedded-shown"): `dataset` then holds
   * only its id and title (no papers), and the opener takes the app's own copy. Keeps share links short.
   */
  datasetRef?: string;
}

export type SnapshotInput = Omit<Snapshot, 'format' | 'version' | 'createdAt'> & { createdAt?: string };

export function createSnapshot(input: SnapshotInput): Snapshot {
  const { createdAt, ...rest } = input;
  return { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, createdAt: createdAt ?? new Date().toISOString(), ...rest };
}

export function serializeSnapshot(snapshot: Snapshot): string {
  return JSON.stringify(snapshot);
}

export type SnapshotResult = { ok: true; snapshot: Snapshot } | { ok: false; errors: string[] };

/** Parses JSON text and validates it. */
export function parseSnapshot(text: string): SnapshotResult {
  if (text.length > SNAPSHOT_LIMITS.maxJsonChars) return { ok: false, errors: [`snapshot: larger than ${SNAPSHOT_LIMITS.maxJsonChars} characters`] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`snapshot: not JSON (${(e as Error).message})`] };
  }
  return validateSnapshot(value);
}

/**
 * Strict structural check of an untrusted snapshot (the valibot schema in snapshotSchema.ts): every field's type,
 * the known format and version, length limits, no unknown keys, no prototype-pollution keys anywhere.
 */
export function validateSnapshot(value: unknown): SnapshotResult {
  const errors = schemaErrors(snapshotSchema, value);
  return errors.length ? { ok: false, errors } : { ok: true, snapshot: value as Snapshot };
}

/** The snapshot with its dataset replaced by a reference (for datasets the app ships with). */
export function withDatasetRef(snapshot: Snapshot): Snapshot {
  const { id, title } = snapshot.dataset;
  return { ...snapshot, datasetRef: id, dataset: { id, title, papers: [], aliases: [] } };
}
