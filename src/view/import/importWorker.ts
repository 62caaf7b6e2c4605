/// <reference lib="webworker" />
// Parses imported files off the main thread and combines them (with the dataset appended to, if any).
import { parseInput, parseNameVariantsYaml } from '../../import';
import { emptyReport } from '../../import/common';
import { parseOpenAlexRecords } from '../../import/json';
import { loadFieldPages } from '../../store/fieldPages';
import { combineResults, importedNothing, type CombinedImport, type FileResult } from '../../import/combine';
import { authorshipCount, type Dataset } from '../../model/types';
import { paperSlices } from '../../model/paperSlices';
import { saveDataset, type StoreError } from '../../store/datasetStore';
import type { ImportContract, ImportJob, WorkerStore } from './importJob';
import { serveWorker } from '../../workers/serve';

/** Stores a big new dataset from here (see StoreInWorker), when the import gave something to store. */
async function storeHere(job: ImportJob, combined: CombinedImport): Promise<WorkerStore> {
  const store = job.store;
  // The page asks only for a new dataset (an append is stored by the page, over its stored revision).
  if (!store) return { state: 'not-asked' };
  if (authorshipCount(combined) < store.minAuthorships || importedNothing(combined)) return { state: 'not-asked' };
  const dataset: Dataset = { ...store.meta, papers: combined.papers, aliases: combined.aliases, ...(combined.owner ? { owner: combined.owner } : {}) };
  try {
    const written = await saveDataset({ id: dataset.id, dataset, ...(store.options ? { options: store.options } : {}) });
    return { state: 'stored', revision: written.revision ?? 0 };
  } catch (e) {
    return { state: 'failed', error: (e as StoreError).message };
  }
}

serveWorker<ImportContract>(async (job, { progress, slice }) => {
  const { files, base, keepApart } = job;
  // A field fetch's pages are read here, from IndexedDB: they never pass through the page as text.
  const fieldWorks = new Map<number, unknown[]>();
  for (const [i, f] of files.entries())
    if (f.storedField)
      fieldWorks.set(
        i,
        (await loadFieldPages(f.storedField)).flatMap((p) => p.works),
      );
  const results: FileResult[] = files.map((f, i) => {
    progress({ file: i, files: files.length, done: 0, total: 1 });
    const onProgress = (done: number, total: number) => progress({ file: i, files: files.length, done, total });
    const works = fieldWorks.get(i);
    if (works) return { fileName: f.name, result: parseOpenAlexRecords(works, { fileName: f.name, onProgress }) };
    if (f.format === 'name-variants') {
      const aliases = parseNameVariantsYaml(f.text);
      const report = emptyReport('acl-xml');
      if (!aliases.length) report.fatal = 'No name variants could be read from this YAML file.';
      return { fileName: f.name, result: { papers: [], report, aliases } };
    }
    const result = parseInput(f.text, f.format, { fileName: f.name, csvMapping: f.csvMapping, onProgress });
    return { fileName: f.name, result: f.owner && !result.owner ? { ...result, owner: f.owner } : result };
  });
  const combined = combineResults(results, base, { keepApart });
  const store = await storeHere(job, combined);
  for (const papers of paperSlices(combined.papers)) slice(papers);
  return { combined: { ...combined, papers: [] }, store };
});
