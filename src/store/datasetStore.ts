import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { closeConnection, db, StoreError, toStoreError, type AtlasDb } from './connection';
import type { DamagedRecord, StoredDataset, StoredSummary } from './types';
import {
  chunkRange,
  joinChunks,
  keptPaperCount,
  readRecord,
  readRecordShape,
  writeRecord,
  writeRecordKeepingPapers,
  type KeptRecord,
  type ReadRecord,
} from './paperChunks';
import { damageFoundIn, forgetAllDamaged, forgetDamaged, reportDamaged } from './damageNotices';
import { conflict, corrupt, isObject, nameOf, normalised, recordProblem, revisionOf, summaryOf, summaryProblem } from './recordChecks';

export { StoreError, type StoreErrorKind } from './connection';
export type { DamagedRecord, StoredDataset, StoredSummary } from './types';
export { recordProblem } from './recordChecks';

/**
 * Imported datasets kept in IndexedDB: the dataset (papers, aliases), build options and layout positions.
 * A small summary per dataset is kept apart so that the list never loads the papers. A dataset of more papers than fit
 * one IndexedDB value keeps them in parts (paperChunks.ts), read and written with its record in the same transaction.
 *
 * Faults never lose data:
 * - a stored record of the wrong shape (hand-edited, an old or foreign version, a half-written browser profile) is
 *   reported by name (`listStoredDatasets().damaged`, a `corrupt` StoreError when opened; damage inside a big
 *   dataset's parts is found when it is opened, as the list does not read them) and left as it is: no write ever
 *   replaces it; only an explicit delete removes it;
 * - two tabs writing the same dataset: every record carries a `revision`, bumped by each write. This tab remembers the
 *   revision it last read or wrote per dataset (its base); a write that would replace data derived from an older
 *   revision than the stored one is refused with a `conflict` StoreError, checked and written in one transaction, so
 *   the other tab's work is never overwritten silently. The caller keeps its data in memory and tells the user;
 *   reopening the dataset reads the newer revision. Field changes computed from the fresh record (a rename) are applied
 *   atomically without that check (`{ check: false }`), and do not hide a conflict from later checked writes;
 * - no IndexedDB, storage blocked or full: an `unavailable` or `quota` StoreError; what was stored stays as it was.
 */

/** For tests: forget the open connection (e.g. after replacing the IndexedDB factory) and the revisions seen. */
export function resetStoreConnection(): void {
  closeConnection();
  seen.clear();
  checked.clear();
  forgetAllDamaged();
}

/** Per dataset, the revision this tab last opened or wrote: the base of its next write. */
const seen = new Map<string, number>();
/**
 * Per dataset, the revision whose record this tab has checked (the list reads the others once): read whole and found
 * valid, or, for a dataset in parts, its record and its parts' keys (its papers are checked whenever it is opened).
 */
const checked = new Map<string, number>();

/** A record found damaged where it was read whole: told to every tab's list (damageNotices.ts), and the error naming it. */
function damagedFound(id: string, raw: unknown, reason: string): StoreError {
  const name = nameOf(id, raw);
  reportDamaged({ id, name, reason, revision: isObject(raw) ? revisionOf(raw) : 0, updatedAt: isObject(raw) ? raw.updatedAt : undefined });
  return corrupt(name, reason);
}

export interface WriteOptions {
  /**
   * The revision the written data was derived from. Default: the revision this tab last opened or wrote
   * (none for a dataset it never opened: then any stored record counts as newer).
   */
  baseRevision?: number;
  /**
   * When the stored record is newer than the base: 'refuse' (default) throws a `conflict` StoreError; 'skip' writes
   * nothing and returns the stored record as it is; false writes anyway, for changes computed from the fresh record that cannot lose
   * another tab's work (a rename).
   */
  check?: 'refuse' | 'skip' | false;
  /** Derived state (layout positions, build options): written without a new revision, so it never causes a conflict. */
  derived?: boolean;
  /** Estimated bytes per stored part of a big dataset (default `PART_BYTES`, 16 MB; tests set it small). */
  partBytes?: number;
  /** At most this many papers per stored part (default: no limit but the bytes; tests set it small). */
  papersPerChunk?: number;
}

/**
 * Reads the stored record, checks it, computes the next one and writes it, in one transaction: a write from
 * another tab cannot slip in between. `make` gets the current record (null when there is none) and returns the
 * record to write, or null to write nothing. Returns the record written (or, skipped as stale, the stored one).
 */
async function readModifyWrite(
  id: string,
  make: (current: StoredDataset | null) => StoredDataset | null,
  opts: WriteOptions = {},
): Promise<StoredDataset | null> {
  const check = opts.check ?? 'refuse';
  let d: IDBPDatabase<AtlasDb>;
  try {
    d = await db();
  } catch (e) {
    throw toStoreError(e);
  }
  let tx: IDBPTransaction<AtlasDb, ('datasets' | 'summaries' | 'datasetPapers')[], 'readwrite'>;
  try {
    tx = d.transaction(['datasets', 'summaries', 'datasetPapers'], 'readwrite');
  } catch (e) {
    throw toStoreError(e);
  }
  // The transaction's own failure (a full disk is reported when it commits) is handled below, never left unhandled.
  tx.done.catch(() => {});
  let written: StoredDataset | null = null;
  let skipped: StoredDataset | null = null;
  let before = 0;
  try {
    const datasets = tx.objectStore('datasets');
    const chunkStore = tx.objectStore('datasetPapers');
    const { raw, chunks, problem: partsProblem } = await readRecord(datasets, chunkStore, id);
    let current: StoredDataset | null = null;
    let stale = false;
    if (raw !== undefined) {
      const problem = partsProblem ?? recordProblem(raw, id);
      if (problem) throw damagedFound(id, raw, problem);
      current = normalised(raw as StoredDataset);
      before = current.revision ?? 0;
      const base = opts.baseRevision ?? seen.get(id);
      stale = base === undefined || base < before;
      if (stale && check === 'refuse') throw conflict(current.dataset.title);
    }
    const next = stale && check === 'skip' ? null : make(current);
    if (next) {
      const problem = recordProblem(next, id);
      if (problem) throw new StoreError('failed', `The dataset was not saved: ${problem}. The data shown stays usable until you reload.`);
      const { paperChunks: _, paperCount: __, ...fields } = next as KeptRecord;
      written = { ...fields, id, revision: current && opts.derived ? before : before + 1 };
      // Papers left as they were (positions, merges, a rename) keep their stored parts: only the record is rewritten.
      if (current && written.dataset.papers === current.dataset.papers) await writeRecordKeepingPapers(datasets, written, chunks);
      else await writeRecord(datasets, chunkStore, written, opts);
      await tx.objectStore('summaries').put(summaryOf(written));
    } else if (stale && check === 'skip') skipped = current;
    await tx.done;
  } catch (e) {
    try {
      tx.abort();
    } catch {
      /* already finished */
    }
    throw toStoreError(e);
  }
  if (written) {
    // A checked write is based on what this tab has; an unchecked one moves the base only when it was current.
    const base = seen.get(id);
    if (check === 'refuse' || base === before) seen.set(id, written.revision ?? 0);
    checked.set(id, written.revision ?? 0);
    forgetDamaged(id);
  }
  return written ?? skipped;
}

/**
 * This tab now holds revision `revision` of dataset `id`, written elsewhere on its behalf (the import worker stores big
 * new datasets): later saves from this tab are based on it.
 */
export function markOpened(id: string, revision: number): void {
  seen.set(id, revision);
  checked.set(id, revision);
}

/**
 * Saves a dataset with its options and positions: a new one, or one this tab opened (its base revision).
 * Refused (`conflict`) when another tab wrote it since; refused (`corrupt`) over a damaged record.
 */
export async function saveDataset(
  input: Omit<StoredDataset, 'createdAt' | 'updatedAt' | 'revision'> & { createdAt?: number },
  opts: WriteOptions = {},
): Promise<StoredDataset> {
  const now = Date.now();
  const record = await readModifyWrite(input.id, (current) => ({ ...input, createdAt: input.createdAt ?? current?.createdAt ?? now, updatedAt: now }), opts);
  return record!;
}

/**
 * A stored dataset by id; null when there is none. A damaged record is a `corrupt` StoreError.
 * `{ open: true }`: the caller shows it, so its revision becomes this tab's base for later writes
 * (a plain read, e.g. of a side field, leaves the base alone so as not to hide another tab's changes).
 */
export async function getStoredDataset(id: string, { open = false }: { open?: boolean } = {}): Promise<StoredDataset | null> {
  let read: ReadRecord;
  try {
    const tx = (await db()).transaction(['datasets', 'datasetPapers'], 'readonly');
    [read] = await Promise.all([readRecord(tx.objectStore('datasets'), tx.objectStore('datasetPapers'), id), tx.done]);
  } catch (e) {
    throw toStoreError(e);
  }
  const { raw } = read;
  if (raw === undefined) return null;
  const problem = read.problem ?? recordProblem(raw, id);
  if (problem) throw damagedFound(id, raw, problem);
  const r = normalised(raw as StoredDataset);
  checked.set(id, r.revision ?? 0);
  forgetDamaged(id);
  if (open) seen.set(id, r.revision ?? 0);
  return r;
}

/** A dataset's summary (title, paper count), without reading its papers; null when there is none. */
export async function storedSummary(id: string): Promise<StoredSummary | null> {
  try {
    const s: unknown = await (await db()).get('summaries', id);
    return isObject(s) && typeof s.papers === 'number' ? (s as unknown as StoredSummary) : null;
  } catch (e) {
    throw toStoreError(e);
  }
}

/** A stored dataset to show: `getStoredDataset(id, { open: true })`. */
export const openStoredDataset = (id: string) => getStoredDataset(id, { open: true });

/**
 * Changes some fields of a stored dataset; returns the new record, or null when there is no such dataset.
 * `change` gets the fresh stored record; by default the write is refused when another tab changed the dataset
 * since this tab read it (see `WriteOptions`).
 */
export async function updateStoredDataset(id: string, change: (r: StoredDataset) => StoredDataset, opts: WriteOptions = {}): Promise<StoredDataset | null> {
  return readModifyWrite(id, (current) => (current ? { ...change(current), id, createdAt: current.createdAt, updatedAt: Date.now() } : null), opts);
}

/** Renames a stored dataset: computed from the stored record, so it never loses another tab's changes. */
export const renameDataset = (id: string, title: string) => updateStoredDataset(id, (r) => ({ ...r, dataset: { ...r.dataset, title } }), { check: false });

/** Deletes a dataset, damaged or not. */
export async function deleteDataset(id: string): Promise<void> {
  try {
    const d = await db();
    const tx = d.transaction(['datasets', 'summaries', 'datasetPapers'], 'readwrite');
    await Promise.all([
      tx.objectStore('datasets').delete(id),
      tx.objectStore('summaries').delete(id),
      tx.objectStore('datasetPapers').delete(chunkRange(id)),
      tx.done,
    ]);
    seen.delete(id);
    checked.delete(id);
    forgetDamaged(id);
  } catch (e) {
    throw toStoreError(e);
  }
}

/**
 * Stored datasets, most recently changed first, and the records that cannot be read (by name, with the reason).
 * Each dataset record is read once per tab and revision to check it (later lists read the summaries only): a record
 * whose papers are in parts is read without them (its papers are empty; its parts' keys are read and checked, not their
 * papers: a 160 MB dataset would cost the page seconds of structured clone), so damage inside a part's papers is
 * found when the dataset is opened (a `corrupt` StoreError naming it), and this tab's list names it from then on.
 * A missing or damaged summary is rebuilt in the list from a valid record, never written.
 */
export async function listStoredDatasets(): Promise<{ datasets: StoredSummary[]; damaged: DamagedRecord[] }> {
  const datasets: StoredSummary[] = [];
  const damaged: DamagedRecord[] = [];
  try {
    const d = await db();
    const tx = d.transaction(['datasets', 'summaries', 'datasetPapers'], 'readonly');
    const [summaryKeys, summaries, datasetKeys] = await Promise.all([
      tx.objectStore('summaries').getAllKeys(),
      tx.objectStore('summaries').getAll() as Promise<unknown[]>,
      tx.objectStore('datasets').getAllKeys(),
    ]);
    const good = new Map<string, StoredSummary>();
    summaryKeys.forEach((k, i) => {
      const s = summaries[i];
      if (!summaryProblem(s) && (s as StoredSummary).id === k) good.set(k, s as StoredSummary);
    });
    for (const id of datasetKeys) {
      if (typeof id !== 'string') continue;
      const s = good.get(id);
      const found = s && damageFoundIn(id, s);
      if (found) {
        damaged.push(found);
        continue;
      }
      if (s && checked.get(id) === (s.revision ?? 0)) {
        datasets.push(s);
        continue;
      }
      // A record in parts is read without its papers (only its parts' keys): they are checked when it is opened.
      let read = await readRecordShape(tx.objectStore('datasets'), tx.objectStore('datasetPapers'), id);
      const foundInRecord = isObject(read.raw) && damageFoundIn(id, read.raw);
      if (foundInRecord) {
        damaged.push(foundInRecord);
        continue;
      }
      const papers = read.chunks > 0 && isObject(read.raw) ? (keptPaperCount(read.raw) ?? s?.papers) : undefined;
      // Written before records in parts kept their count, and its summary damaged: the count is in the parts.
      if (read.chunks > 0 && !read.problem && papers === undefined) read = await readRecord(tx.objectStore('datasets'), tx.objectStore('datasetPapers'), id);
      const { raw } = read;
      const problem = read.problem ?? recordProblem(raw, id);
      if (problem) {
        damaged.push({ id, name: nameOf(id, s, raw, summaries[summaryKeys.indexOf(id)]), reason: problem });
        continue;
      }
      const r = normalised(raw as StoredDataset);
      checked.set(id, r.revision ?? 0);
      datasets.push(papers === undefined ? summaryOf(r) : { ...summaryOf(r), papers });
    }
    // A summary left without its dataset: the papers are gone, say so rather than list an entry that cannot open.
    const datasetSet = new Set(datasetKeys);
    summaryKeys.forEach((k, i) => {
      if (typeof k === 'string' && !datasetSet.has(k)) damaged.push({ id: k, name: nameOf(k, summaries[i]), reason: 'the papers of this dataset are missing' });
    });
    await tx.done;
  } catch (e) {
    throw toStoreError(e);
  }
  return { datasets: datasets.sort((a, b) => b.updatedAt - a.updatedAt), damaged };
}

/** Stored datasets that can be opened, most recently changed first (damaged records are left out: see `listStoredDatasets`). */
export async function listDatasets(): Promise<StoredSummary[]> {
  return (await listStoredDatasets()).datasets;
}

/**
 * Everything stored, for a rescue export: the readable datasets in full, and the damaged records as they are
 * (when they can be written as JSON). Does not change what this tab has seen.
 */
export async function exportStoredDatasets(): Promise<{ datasets: StoredDataset[]; damaged: (DamagedRecord & { raw?: unknown })[] }> {
  const datasets: StoredDataset[] = [];
  const damaged: (DamagedRecord & { raw?: unknown })[] = [];
  try {
    const d = await db();
    const tx = d.transaction(['datasets', 'datasetPapers'], 'readonly');
    const [keys, values] = await Promise.all([tx.objectStore('datasets').getAllKeys(), tx.objectStore('datasets').getAll() as Promise<unknown[]>]);
    const reads = await Promise.all(
      values.map(async (raw, i) =>
        isObject(raw) && raw.paperChunks !== undefined ? joinChunks(raw, await tx.objectStore('datasetPapers').getAll(chunkRange(keys[i]))) : null,
      ),
    );
    await tx.done;
    keys.forEach((k, i) => {
      const id = String(k);
      const raw = reads[i]?.raw ?? values[i];
      const problem = reads[i]?.problem ?? recordProblem(raw, id);
      if (!problem) {
        datasets.push(normalised(raw as StoredDataset));
        return;
      }
      let json: unknown;
      try {
        json = JSON.parse(JSON.stringify(raw) ?? 'null');
      } catch {
        json = undefined;
      }
      damaged.push({ id, name: nameOf(id, raw), reason: problem, ...(json !== undefined ? { raw: json } : {}) });
    });
  } catch (e) {
    throw toStoreError(e);
  }
  return { datasets, damaged };
}

/** A new dataset id: time and randomness, safe in a URL. */
export function newDatasetId(): string {
  return `ds-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
