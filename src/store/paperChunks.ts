/**
 * A dataset too big for one IndexedDB value (Chromium refuses a value over 133,169,152 bytes: a field query of a
 * million authorships is one of 160 MB) keeps its papers in parts of about `PART_BYTES` (16 MB, by `cloneBytes`'
 * estimate, from above, of each paper's cloned size) in the `datasetPapers` store, keyed [datasetId, chunk], in order;
 * its `datasets` record then has no papers and says how many parts there are (`paperChunks`) and how many papers
 * (`paperCount`). Parts are sized by bytes, not papers: a million-authorship query is ~1 KB a paper, but papers of
 * hundreds of authors are 13 KB each, and 10,000 of them would make one part over the cap.
 * A dataset whose papers fit one part stays one record, as every record before version 2 of the database was: the
 * common case costs nothing more, and old records need no migration (whatever their size, they stay as they are until
 * their papers change).
 * The record and its parts are always read and written in one transaction (see datasetStore.ts). Listing reads a
 * record in parts and its parts' keys, never their papers (`partKeysProblem`); the papers are checked when opened.
 */
import type { IDBPObjectStore, StoreNames } from 'idb';
import type { Paper } from '../model/types';
import { cloneBytes, PART_BYTES } from './cloneSize';
import type { AtlasDb, PaperChunk } from './connection';
import { isObject } from './recordChecks';
import type { StoredDataset } from './types';

export { PART_BYTES } from './cloneSize';

/** A `datasets` record as kept: a big dataset's has `paperChunks` and `paperCount`, and no papers. */
export type KeptRecord = StoredDataset & { paperChunks?: number; paperCount?: number };

/** How parts are sized: at most `partBytes` (estimated) and, where set, at most `papersPerChunk` papers (tests). */
export interface PartSize {
  partBytes?: number;
  papersPerChunk?: number;
}

type ChunkStore<M extends IDBTransactionMode = 'readwrite'> = IDBPObjectStore<AtlasDb, ArrayLike<StoreNames<AtlasDb>>, 'datasetPapers', M>;
type DatasetStore<M extends IDBTransactionMode = 'readwrite'> = IDBPObjectStore<AtlasDb, ArrayLike<StoreNames<AtlasDb>>, 'datasets', M>;

/** Every part of one dataset. */
export const chunkRange = (id: string) => IDBKeyRange.bound([id, 0], [id, Infinity]);

/**
 * `papers` in consecutive runs, in order, each of at most `partBytes` estimated bytes as a stored part (a paper bigger
 * than that alone is a part of its own) and at most `papersPerChunk` papers. `empty`: what a part costs without papers.
 */
export function partsOf(
  papers: Paper[],
  { partBytes = PART_BYTES, papersPerChunk = Infinity }: PartSize = {},
  empty = cloneBytes({ chunk: 0, papers: [] }),
): Paper[][] {
  const most = Math.max(1, Math.floor(papersPerChunk));
  const parts: Paper[][] = [];
  let part: Paper[] = [];
  let bytes = empty;
  for (const p of papers) {
    const b = cloneBytes(p);
    if (part.length > 0 && (bytes + b > partBytes || part.length >= most)) {
      parts.push(part);
      part = [];
      bytes = empty;
    }
    part.push(p);
    bytes += b;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

/** What to write for `record`: the `datasets` record and its paper parts (none for a dataset that fits one part). */
export function splitRecord(record: StoredDataset, size: PartSize = {}): { kept: KeptRecord; chunks: PaperChunk[] } {
  const papers = record.dataset.papers;
  const parts = partsOf(papers, size, cloneBytes({ datasetId: record.id, chunk: 0, papers: [] }));
  if (parts.length <= 1) return { kept: record, chunks: [] };
  const chunks = parts.map((part, chunk): PaperChunk => ({ datasetId: record.id, chunk, papers: part }));
  return { kept: { ...record, dataset: { ...record.dataset, papers: [] }, paperChunks: chunks.length, paperCount: papers.length }, chunks };
}

/** A `datasets` record read with its parts: `raw` has its papers back, or `problem` says why they cannot be. */
export interface ReadRecord {
  raw: unknown;
  /** How many parts the stored record has (0: its papers are in the record). */
  chunks: number;
  problem: string | null;
}

/** How many parts a record in parts says it has; null when that count is not readable. */
function partCount(raw: Record<string, unknown>): number | null {
  const count = raw.paperChunks;
  return typeof count === 'number' && Number.isInteger(count) && count >= 1 ? count : null;
}

/** `raw` (a `datasets` value) with the papers of its parts (`values`, in key order) put back in order. */
export function joinChunks(raw: unknown, values: unknown[]): ReadRecord {
  if (!isObject(raw) || raw.paperChunks === undefined) return { raw, chunks: 0, problem: null };
  // The same checks as the list's on the parts' keys; a part without its list of papers counts as missing.
  const problem = partKeysProblem(
    raw,
    values.map((c) => [String(raw.id), isObject(c) && Array.isArray(c.papers) ? (c.chunk as number) : -1]),
  );
  const count = partCount(raw) ?? 0;
  const d = raw.dataset;
  if (problem || !isObject(d)) return { raw, chunks: count, problem };
  const parts = values.slice(0, count).map((c) => (c as { papers: unknown[] }).papers);
  const { paperChunks: _, paperCount: __, ...rest } = raw;
  return { raw: { ...rest, dataset: { ...d, papers: ([] as unknown[]).concat(...parts) } }, chunks: count, problem: null };
}

/** Reads a `datasets` record and its parts (in the same transaction); `raw` is undefined when there is none. */
export async function readRecord<M extends IDBTransactionMode>(datasets: DatasetStore<M>, chunkStore: ChunkStore<M>, id: string): Promise<ReadRecord> {
  const raw: unknown = await datasets.get(id);
  if (!isObject(raw) || raw.paperChunks === undefined) return { raw, chunks: 0, problem: null };
  return joinChunks(raw, await chunkStore.getAll(chunkRange(id)));
}

/** A record in parts as the list checks it: its part keys (parts 0 to count - 1, no more), not their papers. */
export function partKeysProblem(raw: Record<string, unknown>, keys: IDBValidKey[]): string | null {
  const count = partCount(raw);
  if (count === null) return 'the record’s count of paper parts is not readable';
  const d = raw.dataset;
  if (!isObject(d)) return null;
  for (let i = 0; i < count; i++) {
    const k = keys[i];
    if (!Array.isArray(k) || k[1] !== i) return `part ${i + 1} of ${count} of its papers is missing`;
  }
  if (keys.length > count) return `it has ${keys.length} parts of papers where the record says ${count}`;
  if (Array.isArray(d.papers) && d.papers.length > 0) return 'it has papers both in the record and in parts';
  return null;
}

/** A record's paper count as its record in parts says it (null when it does not: written before the count was kept). */
export const keptPaperCount = (raw: Record<string, unknown>): number | null =>
  typeof raw.paperCount === 'number' && Number.isInteger(raw.paperCount) && raw.paperCount >= 0 ? raw.paperCount : null;

/**
 * Reads a `datasets` record and, when it is in parts, only its parts' keys: `problem` is what those show (the papers
 * of the parts are neither read nor checked: opening the dataset does that); `raw` keeps the record's empty papers.
 */
export async function readRecordShape<M extends IDBTransactionMode>(datasets: DatasetStore<M>, chunkStore: ChunkStore<M>, id: string): Promise<ReadRecord> {
  const raw: unknown = await datasets.get(id);
  if (!isObject(raw) || raw.paperChunks === undefined) return { raw, chunks: 0, problem: null };
  const keys = await chunkStore.getAllKeys(chunkRange(id));
  return { raw, chunks: partCount(raw) ?? 0, problem: partKeysProblem(raw, keys) };
}

/** Writes a record and its parts, replacing any parts it had (in the caller's transaction). */
export async function writeRecord(datasets: DatasetStore, chunkStore: ChunkStore, record: StoredDataset, size?: PartSize): Promise<void> {
  const { kept, chunks } = splitRecord(record, size);
  await chunkStore.delete(chunkRange(record.id));
  const pending: Promise<unknown>[] = [];
  try {
    for (const c of chunks) pending.push(chunkStore.put(c));
    pending.push(datasets.put(kept));
  } catch (e) {
    // A part that cannot be stored (not cloneable, too large) throws here: the caller aborts, failing the puts queued.
    for (const p of pending) p.catch(() => {});
    throw e;
  }
  await Promise.all(pending);
}

/** Writes a record whose papers did not change, keeping its `chunks` stored parts as they are. */
export function writeRecordKeepingPapers(datasets: DatasetStore, record: StoredDataset, chunks: number): Promise<string> {
  if (chunks === 0) return datasets.put(record);
  const kept: KeptRecord = { ...record, dataset: { ...record.dataset, papers: [] }, paperChunks: chunks, paperCount: record.dataset.papers.length };
  return datasets.put(kept);
}
