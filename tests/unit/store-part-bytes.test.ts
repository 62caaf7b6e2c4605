// A big dataset's parts are sized by bytes (src/store/cloneSize.ts, paperChunks.ts), checked against V8's own
// serialiser (node's `v8.serialize` is the structured clone Chromium's IndexedDB stores), not against the estimate.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { serialize } from 'node:v8';
import seedrandom from 'seedrandom';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Dataset, Paper } from '../../src/model/types';
import { getStoredDataset, listStoredDatasets, resetStoreConnection, saveDataset, updateStoredDataset } from '../../src/store/datasetStore';
import { cloneBytes } from '../../src/store/cloneSize';
import { partsOf, PART_BYTES } from '../../src/store/paperChunks';

const NAMES = ['Smith', 'Müller', 'Ødegård', '王小明', 'Nguyễn Văn A', 'O’Brien', 'Ζωή Παπαδοπούλου', '🙂 Emoji'];

/** A paper of `authors` authors with names in several scripts, some optional fields set and some undefined. */
function paper(i: number, authors: number, rng: () => number): Paper {
  return {
    id: `W${i}`,
    title: `Paper ${i} on ${NAMES[i % NAMES.length]}`,
    authors: Array.from({ length: authors }, (_, a) => ({
      name: `${NAMES[(i + a) % NAMES.length]} ${a}`,
      ...(rng() < 0.7 ? { affiliations: [`Institute ${Math.floor(rng() * 1000)}`], countries: ['DE'] } : {}),
      ...(rng() < 0.5 ? { externalId: `https://openalex.org/A${Math.floor(rng() * 1e9)}` } : {}),
    })),
    truncated: rng() < 0.1,
    year: 2000 + (i % 25),
    date: rng() < 0.5 ? `20${10 + (i % 10)}-0${1 + (i % 9)}-1${i % 10}` : undefined,
    venue: rng() < 0.8 ? `Venue ${i % 13}` : undefined,
    doi: `10.1/${i}`,
    citations: rng() < 0.5 ? Math.floor(rng() * 5000) : rng() * 1e6,
    ids: { openalex: `W${i}` },
    ...(rng() < 0.2 ? { abstract: 'Résumé '.repeat(1 + Math.floor(rng() * 200)) } : {}),
  };
}

/** Papers of very different sizes: most of 1-10 authors, some of hundreds, in a seeded order. */
function mixedPapers(n: number, seed: string): Paper[] {
  const rng = seedrandom(seed);
  return Array.from({ length: n }, (_, i) => paper(i, rng() < 0.08 ? 100 + Math.floor(rng() * 400) : 1 + Math.floor(rng() * 10), rng));
}

const dataset = (id: string, papers: Paper[]): Dataset => ({ id, title: `Dataset ${id}`, aliases: [], papers });

async function rawParts(): Promise<{ datasetId: string; chunk: number; papers: Paper[] }[]> {
  const req = indexedDB.open('coauthor-atlas');
  const d = await new Promise<IDBDatabase>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  try {
    return await new Promise((resolve, reject) => {
      const all = d.transaction('datasetPapers').objectStore('datasetPapers').getAll();
      all.onsuccess = () => resolve(all.result as { datasetId: string; chunk: number; papers: Paper[] }[]);
      all.onerror = () => reject(all.error);
    });
  } finally {
    d.close();
  }
}

beforeEach(() => {
  resetStoreConnection();
  globalThis.indexedDB = new IDBFactory();
});

describe('the clone size estimate', () => {
  it('is never below what V8 serialises, and within twice of it, for papers of every size and script', () => {
    const papers = mixedPapers(400, 'estimate');
    for (const p of papers) {
      const real = serialize(p).length;
      const estimate = cloneBytes(p);
      expect(estimate, p.id).toBeGreaterThanOrEqual(real);
      expect(estimate, p.id).toBeLessThan(2 * real);
    }
    const whole = serialize(papers).length;
    expect(cloneBytes(papers)).toBeGreaterThanOrEqual(whole);
    expect(cloneBytes(papers)).toBeLessThan(1.6 * whole);
    // Two-byte strings count twice: a name in Chinese costs more than one of as many Latin letters.
    expect(cloneBytes('王小明王小明')).toBeGreaterThanOrEqual(serialize('王小明王小明').length);
    expect(cloneBytes('王小明王小明')).toBeGreaterThan(cloneBytes('abcdef'));
  });
});

describe('parts sized by bytes', () => {
  it('no part over the limit (by V8’s own size), order kept, parts filled, one big paper alone', () => {
    const papers = mixedPapers(600, 'parts');
    const limit = 60_000;
    // One paper bigger than the limit on its own.
    papers[300] = paper(300, 900, seedrandom('huge'));
    expect(serialize(papers[300]).length).toBeGreaterThan(limit);
    const parts = partsOf(papers, { partBytes: limit }, cloneBytes({ datasetId: 'ds-x', chunk: 0, papers: [] }));
    expect(parts.flat()).toStrictEqual(papers);
    expect(parts.length).toBeGreaterThan(10);
    parts.forEach((part, chunk) => {
      if (part.includes(papers[300])) {
        expect(part).toEqual([papers[300]]);
        return;
      }
      expect(serialize({ datasetId: 'ds-x', chunk, papers: part }).length).toBeLessThanOrEqual(limit);
      // Not cut early: the next paper would not have fitted.
      const next = parts[chunk + 1]?.[0];
      if (next && next !== papers[300]) expect(cloneBytes({ datasetId: 'ds-x', chunk, papers: [...part, next] })).toBeGreaterThan(limit);
    });
  });

  it('through the store: parts under the limit, the exact papers back, the count in the list without the parts', async () => {
    const papers = mixedPapers(500, 'store');
    const input = dataset('mixed', papers);
    const limit = 50_000;
    await saveDataset({ id: 'mixed', dataset: input }, { partBytes: limit });
    const parts = await rawParts();
    expect(parts.length).toBeGreaterThan(10);
    expect(parts.map((p) => p.chunk)).toEqual(parts.map((_, i) => i));
    for (const part of parts) expect(serialize(part).length).toBeLessThanOrEqual(limit);
    // The part sizes follow the bytes, not a paper count: parts of big papers hold fewer of them.
    const counts = parts.map((p) => p.papers.length);
    expect(Math.max(...counts)).toBeGreaterThan(3 * Math.min(...counts));
    resetStoreConnection();
    expect((await getStoredDataset('mixed'))?.dataset).toStrictEqual(input);
    resetStoreConnection();
    expect((await listStoredDatasets()).datasets).toMatchObject([{ id: 'mixed', title: 'Dataset mixed', papers: 500 }]);
  });

  it('by default: more than 10,000 small papers stay one record; 800 papers of 300 authors (over 16 MB) go in parts', async () => {
    const rng = seedrandom('default');
    const many = Array.from({ length: 12_000 }, (_, i) => paper(i, 2, rng));
    expect(cloneBytes(many)).toBeLessThan(PART_BYTES);
    await saveDataset({ id: 'many', dataset: dataset('many', many) });
    expect(await rawParts()).toEqual([]);
    expect((await getStoredDataset('many'))?.dataset.papers).toHaveLength(12_000);

    const wide = Array.from({ length: 800 }, (_, i) => paper(i, 300, rng));
    expect(serialize(wide).length).toBeGreaterThan(PART_BYTES);
    await saveDataset({ id: 'wide', dataset: dataset('wide', wide) });
    const parts = await rawParts();
    expect(parts.length).toBeGreaterThanOrEqual(2);
    for (const part of parts) expect(serialize(part).length).toBeLessThanOrEqual(PART_BYTES);
    expect((await getStoredDataset('wide'))?.dataset).toStrictEqual(dataset('wide', wide));
  });

  it('a record stored whole stays whole when only its positions change, whatever its size', async () => {
    const papers = mixedPapers(200, 'old');
    await saveDataset({ id: 'whole', dataset: dataset('whole', papers) });
    await updateStoredDataset('whole', (r) => ({ ...r, positions: { a: [1, 2] } }), { partBytes: 1_000 });
    expect(await rawParts()).toEqual([]);
    expect(await getStoredDataset('whole')).toMatchObject({ positions: { a: [1, 2] }, dataset: dataset('whole', papers) });
    // Its papers changed: now it is split by the size asked for.
    await updateStoredDataset('whole', (r) => ({ ...r, dataset: { ...r.dataset, papers: papers.slice(1) } }), { partBytes: 20_000 });
    expect((await rawParts()).length).toBeGreaterThan(1);
    expect((await getStoredDataset('whole'))?.dataset.papers).toStrictEqual(papers.slice(1));
  });
});
