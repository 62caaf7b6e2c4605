/** The checks and derived values of stored dataset records (src/store/datasetStore.ts): pure, no IndexedDB. */
import * as v from 'valibot';
import { storedAuthorShape, storedPaperShape } from '../export/datasetSchema';
import { StoreError } from './connection';
import type { StoredDataset, StoredSummary } from './types';

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const revisionOf = (r: { revision?: unknown }): number => (typeof r.revision === 'number' && Number.isFinite(r.revision) ? r.revision : 0);

/** Why a stored dataset record cannot be used, or null when it has the expected shape. */
export function recordProblem(r: unknown, id?: string): string | null {
  if (!isObject(r)) return `the stored record is ${r === null ? 'null' : Array.isArray(r) ? 'a list' : `a ${typeof r}`}, not a dataset`;
  if (typeof r.id !== 'string' || (id !== undefined && r.id !== id)) return 'the record has no valid id';
  const d = r.dataset;
  if (!isObject(d)) return 'the record has no dataset';
  if (typeof d.title !== 'string') return 'the dataset has no title';
  if (!Array.isArray(d.papers)) return 'the dataset has no list of papers';
  if (d.aliases !== undefined && !Array.isArray(d.aliases)) return 'the name merges are not a list';
  for (let i = 0; i < d.papers.length; i++) {
    const p: unknown = d.papers[i];
    if (!isObject(p) || !v.is(storedPaperShape, p)) return `paper ${i + 1} is not a valid paper`;
    if (!p.authors.every((a) => isObject(a) && v.is(storedAuthorShape, a))) return `paper ${i + 1} has an invalid author`;
  }
  if (r.positions !== undefined && !isObject(r.positions)) return 'the saved positions are not readable';
  return null;
}

export function summaryProblem(s: unknown): string | null {
  if (!isObject(s)) return 'the summary is not an object';
  if (
    typeof s.id !== 'string' ||
    typeof s.title !== 'string' ||
    typeof s.papers !== 'number' ||
    typeof s.updatedAt !== 'number' ||
    typeof s.createdAt !== 'number'
  )
    return 'the summary has the wrong shape';
  return null;
}

/** The best name for a record that may be damaged: its title when there is one, else its id. */
export function nameOf(id: string, ...candidates: unknown[]): string {
  for (const c of candidates) {
    if (!isObject(c)) continue;
    const t = typeof c.title === 'string' ? c.title : isObject(c.dataset) && typeof c.dataset.title === 'string' ? c.dataset.title : null;
    if (t && t.trim()) return t;
  }
  return id;
}

export const corrupt = (name: string, reason: string) =>
  new StoreError(
    'corrupt',
    `The stored dataset “${name}” cannot be read (${reason}). It is kept as it is and was not changed; you can export it or delete it from the stored datasets.`,
  );

export const conflict = (name: string) =>
  new StoreError(
    'conflict',
    `“${name}” was changed in another tab or window since it was opened here: this change was not saved, so as not to overwrite that one. What is shown here stays usable until you reload; reopen the dataset to continue from the newer version.`,
  );

/** Normalises a valid stored record (old records get revision 0 and an empty alias list). */
export function normalised(r: StoredDataset): StoredDataset {
  const dataset = Array.isArray(r.dataset.aliases) ? r.dataset : { ...r.dataset, aliases: [] };
  return { ...r, dataset, revision: revisionOf(r) };
}

export const summaryOf = (r: StoredDataset): StoredSummary => ({
  id: r.id,
  title: r.dataset.title,
  papers: r.dataset.papers.length,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  revision: r.revision ?? 0,
});
