import type { CombinedImport } from '../../import/combine';
import type { CsvMapping, ImportFormat } from '../../import';
import type { Alias, Dataset, Paper } from '../../model/types';
import type { BuildOptions } from '../../graph/types';

/** A file's format: a paper format, or ACL's name_variants.yaml (a merge list). */
export type JobFormat = ImportFormat | 'name-variants';

export interface JobFile {
  name: string;
  text: string;
  format: JobFormat;
  csvMapping?: CsvMapping;
  /** The profile owner these papers belong to (e.g. the author picked in OpenAlex): linked to every paper. */
  owner?: string;
  /** A field fetch's key: the worker reads its stored OpenAlex pages (format 'openalex') instead of `text`. */
  storedField?: string;
}

/**
 * Where a big new dataset is stored from the worker itself: the page would otherwise hold for the structured clone
 * of the whole dataset into IndexedDB (half a second for the ACL Anthology). `meta` is the dataset without papers,
 * aliases and owner, which the import supplies.
 */
export interface StoreInWorker {
  meta: Omit<Dataset, 'papers' | 'aliases' | 'owner'>;
  options?: Partial<BuildOptions>;
  /** Below this many authorships the page stores the dataset itself (small: no pause). */
  minAuthorships: number;
}

export interface ImportJob {
  files: JobFile[];
  base?: { papers: Paper[]; aliases: Alias[]; owner?: string };
  store?: StoreInWorker;
  /** Keep records that look like one paper apart (the import dialog's "Keep duplicates apart"). */
  keepApart?: boolean;
}

/** What the worker did about storing: nothing (the page stores), stored, or failed with a message for the user. */
export type WorkerStore = { state: 'not-asked' } | { state: 'stored'; revision: number } | { state: 'failed'; error: string };

export interface JobResult {
  combined: CombinedImport;
  store: WorkerStore;
}

export type ImportMessage =
  | { type: 'progress'; file: number; files: number; done: number; total: number }
  /** The imported papers, in slices (one big message would hold the page for its whole structured clone). */
  | { type: 'papers'; papers: Paper[] }
  /** The rest of the import; its `papers` is empty: the slices before it carry them. */
  | { type: 'done'; combined: CombinedImport; store: WorkerStore }
  | { type: 'error'; error: string };

export interface JobHandle {
  promise: Promise<JobResult>;
  cancel: () => void;
}

/** Runs one import in a fresh worker; cancel() terminates it and rejects with an AbortError. */
export function runImportJob(job: ImportJob, onProgress: (fraction: number, label: string) => void): JobHandle {
  const worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
  let cancel = () => {};
  const papers: Paper[] = [];
  const promise = new Promise<JobResult>((resolve, reject) => {
    cancel = () => {
      worker.terminate();
      reject(new DOMException('Import cancelled', 'AbortError'));
    };
    worker.onmessage = (e: MessageEvent<ImportMessage>) => {
      const m = e.data;
      if (m.type === 'progress') {
        const within = m.total > 0 ? m.done / m.total : 0;
        // Parsers count records, or characters (BibTeX reads in batches): a share says the same for both.
        onProgress((m.file + within) / m.files, `${job.files[m.file]?.name ?? ''}: ${Math.floor(within * 100)}% read`);
        return;
      }
      if (m.type === 'papers') {
        for (const p of m.papers) papers.push(p);
        return;
      }
      worker.terminate();
      if (m.type === 'done') resolve({ combined: { ...m.combined, papers }, store: m.store });
      else reject(new Error(m.error));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'the import worker failed'));
    };
  });
  worker.postMessage(job);
  return { promise, cancel };
}

/** Format of a file: ACL name variants by name, else `detectFormat`'s answer (may be null: ask the user). */
export function isNameVariantsFile(name: string, text: string): boolean {
  return /\.ya?ml$/i.test(name) && /^\s*-\s*canonical\s*:/m.test(text.slice(0, 4000));
}
