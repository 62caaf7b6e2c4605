/**
 * A dataset too big for one IndexedDB value (Chromium refuses a value over 133,169,152 bytes: a field query of a
 * million authorships is one of 160 MB) keeps its papers in parts of `PAPERS_PER_CHUNK` papers in the `datasetPapers`
 * store, keyed [datasetId, chunk]; its `datasets` record then has no papers and says how many parts there are
 * (`paperChunks`). A dataset of up to `PAPERS_PER_CHUNK` papers stays one record, as every record before version 2 of
 * the database was: the common case costs nothing more, and old records need no migration.
 * The record and its parts are always read and written in one transaction (see datasetStore.ts).
 */
import type { IDBPObjectStore, StoreNames } from 'idb';
import type { Paper } from '../model/types';
import type { AtlasDb, PaperChunk } from './connection';
import { isObject } from './recordChecks';
import type { StoredDataset } from './types';

/**
 * Papers per part: about 10 MB at the million-authorship query's 1 KB a paper, so a part reaches Chromium's cap only
 * if its papers average 13 KB (hundreds of authors each), and a 160 MB dataset is 16 parts.
 */
export const PAPERS_PER_CHUNK = 10_000;

/** A `datasets` record as kept: a big dataset's has `paperChunks` and no papers. */
export type KeptRecord = StoredDataset & { paperChunks?: number };

type ChunkStore<M extends IDBTransactionMode = 'readwrite'> = IDBPObjectStore<AtlasDb, ArrayLike<StoreNames<AtlasDb>>, 'datasetPapers', M>;
type DatasetStore<M extends IDBTransactionMode = 'readwrite'> = IDBPObjectStore<AtlasDb, ArrayLike<StoreNames<AtlasDb>>, 'datasets', M>;

/** Every part of one dataset. */
export const chunkRange = (id: string) => IDBKeyRange.bound([id, 0], [id, Infinity]);

/** What to write for `record`: the `datasets` record and its paper parts (none for a dataset that fits one record). */
export function splitRecord(record: StoredDataset, papersPerChunk = PAPERS_PER_CHUNK): { kept: KeptRecord; chunks: PaperChunk[] } {
  const papers = record.dataset.papers;
  const size = Math.max(1, Math.floor(papersPerChunk));
  if (papers.length <= size) return { kept: record, chunks: [] };
  const chunks: PaperChunk[] = [];
  for (let i = 0; i < papers.length; i += size) chunks.push({ datasetId: record.id, chunk: chunks.length, papers: papers.slice(i, i + size) });
  return { kept: { ...record, dataset: { ...record.dataset, papers: [] }, paperChunks: chunks.length }, chunks };
}

/** A `datasets` record read with its parts: `raw` has its papers back, or `problem` says why they cannot be. */
export interface ReadRecord {
  raw: unknown;
  /** How many parts the stored record has (0: its papers are in the record). */
  chunks: number;
  problem: string | null;
}

/** `raw` (a `datasets` value) with the papers of its parts (`values`, in key order) put back in order. */
export function joinChunks(raw: unknown, values: unknown[]): ReadRecord {
  if (!isObject(raw) || raw.paperChunks === undefined) return { raw, chunks: 0, problem: null };
  const count = raw.paperChunks;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1)
    return { raw, chunks: 0, problem: 'the record’s count of paper parts is not readable' };
  const d = raw.dataset;
  if (!isObject(d)) return { raw, chunks: count, problem: null };
  const parts: unknown[][] = [];
  for (let i = 0; i < count; i++) {
    const c = values[i];
    if (!isObject(c) || c.chunk !== i || !Array.isArray(c.papers)) return { raw, chunks: count, problem: `part ${i + 1} of ${count} of its papers is missing` };
    parts.push(c.papers);
  }
  if (values.length > count) return { raw, chunks: count, problem: `it has ${values.length} parts of papers where the record says ${count}` };
  if (Array.isArray(d.papers) && d.papers.length > 0) return { raw, chunks: count, problem: 'it has papers both in the record and in parts' };
  const { paperChunks: _, ...rest } = raw;
  return { raw: { ...rest, dataset: { ...d, papers: ([] as unknown[]).concat(...parts) } }, chunks: count, problem: null };
}

/** Reads a `datasets` record and its parts (in the same transaction); `raw` is undefined when there is none. */
export async function readRecord<M extends IDBTransactionMode>(datasets: DatasetStore<M>, chunkStore: ChunkStore<M>, id: string): Promise<ReadRecord> {
  const raw: unknown = await datasets.get(id);
  if (!isObject(raw) || raw.paperChunks === undefined) return { raw, chunks: 0, problem: null };
  return joinChunks(raw, await chunkStore.getAll(chunkRange(id)));
}

/** Writes a record and its parts, replacing any parts it had (in the caller's transaction). */
export async function writeRecord(datasets: DatasetStore, chunkStore: ChunkStore, record: StoredDataset, papersPerChunk?: number): Promise<void> {
  const { kept, chunks } = splitRecord(record, papersPerChunk);
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
  return datasets.put(chunks > 0 ? ({ ...record, dataset: { ...record.dataset, papers: [] as Paper[] }, paperChunks: chunks } as KeptRecord) : record);
}
