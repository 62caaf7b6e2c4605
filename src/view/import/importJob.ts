import type { CombinedImport } from '../../import/combine';
import type { CsvMapping, ImportFormat } from '../../import';
import type { Alias, Dataset, Paper } from '../../model/types';
import type { BuildOptions } from '../../graph/types';
import { runWorker } from '../../workers/runner';
import type { WorkerContract } from '../../workers/protocol';

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

/** How far the worker is: file `file` of `files`, `done` of `total` (records or characters) read. */
export interface ImportProgress {
  file: number;
  files: number;
  done: number;
  total: number;
}

/**
 * The import worker (importWorker.ts): the imported papers come as slices (one big message would hold the page for
 * its whole structured clone), then the rest of the import, whose `papers` is empty.
 */
export type ImportContract = WorkerContract<ImportJob, JobResult, Paper[], ImportProgress>;

export interface JobHandle {
  promise: Promise<JobResult>;
  cancel: () => void;
}

/** Runs one import in a fresh worker; cancel() terminates it and rejects with an AbortError. */
export function runImportJob(job: ImportJob, onProgress: (fraction: number, label: string) => void): JobHandle {
  const papers: Paper[] = [];
  const run = runWorker<ImportContract>(() => new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' }), job, {
    failedMessage: 'the import worker failed',
    onProgress: (m) => {
      const within = m.total > 0 ? m.done / m.total : 0;
      // Parsers count records, or characters (BibTeX reads in batches): a share says the same for both.
      onProgress((m.file + within) / m.files, `${job.files[m.file]?.name ?? ''}: ${Math.floor(within * 100)}% read`);
    },
    onSlice: (slice) => {
      for (const p of slice) papers.push(p);
    },
  });
  const promise = run.outcome.then((o) => {
    if (o.kind === 'cancelled') throw new DOMException('Import cancelled', 'AbortError');
    if (o.kind === 'error') throw new Error(o.message);
    return { combined: { ...o.result.combined, papers }, store: o.result.store };
  });
  return { promise, cancel: run.cancel };
}

/** Format of a file: ACL name variants by name, else `detectFormat`'s answer (may be null: ask the user). */
export function isNameVariantsFile(name: string, text: string): boolean {
  return /\.ya?ml$/i.test(name) && /^\s*-\s*canonical\s*:/m.test(text.slice(0, 4000));
}
