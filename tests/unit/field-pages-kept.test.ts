// A field fetch's stored pages are the only copy of minutes of fetching: they go only once the dataset made of them is
// stored, and a fetched job whose dataset was not stored stays listed (to open again or discard), not hidden.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { deleteFieldJob, keptFieldJobs, loadFieldPages, saveFieldPage, type FieldJob } from '../../src/store/fieldPages';
import { fieldPagesReleasable } from '../../src/view/import/fieldJob';

const job = (key: string, startedAt: string, complete: boolean): FieldJob => ({
  key,
  label: key,
  count: 3,
  state: complete ? { cursor: null, pages: 2, works: 3 } : { cursor: 'next', pages: 1, works: 2 },
  refetched: 0,
  complete,
  startedAt,
});
const works = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `https://openalex.org/W${i}`, title: `Work ${i}` }));

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('kept field fetches', () => {
  it('lists every kept job, unfinished and fetched-but-not-stored, newest first, each with its pages', async () => {
    const fetched = job('topics.id:T1', '2026-12-06T09:00:00Z', true);
    const unfinished = job('topics.id:T2', '2026-12-06T10:00:00Z', false);
    await saveFieldPage(fetched, 0, works(2));
    await saveFieldPage(fetched, 1, works(1));
    await saveFieldPage(unfinished, 0, works(2));
    const kept = await keptFieldJobs();
    expect(kept.map((j) => [j.key, j.complete])).toEqual([
      ['topics.id:T2', false],
      ['topics.id:T1', true],
    ]);
    expect((await loadFieldPages('topics.id:T1')).flatMap((p) => p.works)).toHaveLength(3);
    await deleteFieldJob('topics.id:T2');
    expect((await keptFieldJobs()).map((j) => j.key)).toEqual(['topics.id:T1']);
    expect(await loadFieldPages('topics.id:T2')).toEqual([]);
    expect(await loadFieldPages('topics.id:T1')).toHaveLength(2);
  });

  it('releases the pages only when the opened dataset was stored', () => {
    expect(fieldPagesReleasable({ stored: true })).toBe(true);
    // Storing failed (e.g. a value over IndexedDB's cap at a million authorships): the pages are the only copy.
    expect(fieldPagesReleasable({ stored: false })).toBe(false);
    expect(fieldPagesReleasable(undefined)).toBe(false);
  });
});
