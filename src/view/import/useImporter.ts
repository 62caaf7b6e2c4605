import { useCallback, useRef, useState } from 'react';
import { useAtlas } from '../../app/context';
import { workspaceFromText } from '../../app/openFile';
import { importedNothing, type CombinedImport } from '../../import/combine';
import type { CsvMapping } from '../../import';
import type { Dataset } from '../../model/types';
import { markOpened, newDatasetId, saveDataset, type StoreError } from '../../store/datasetStore';
import { WORKER_MIN_AUTHORSHIPS } from '../../app/pipeline';
import { workspaceFromSnapshotText } from '../export/openSnapshot';
import { runImportJob, type JobFile, type JobFormat, type JobResult } from './importJob';
import { classify, type InputFile } from './readFiles';

/** A paper file waiting for the user: its format is unknown, or it is CSV and needs a column mapping. */
export interface PendingFile extends InputFile {
  format: JobFormat | null;
  csvMapping?: CsvMapping;
}

export interface Outcome {
  combined?: CombinedImport;
  /** Why nothing was opened (the current dataset is kept). */
  error?: string;
  /** Title of the dataset opened, and whether it is kept in this browser. */
  opened?: { title: string; stored: boolean; storeError?: string };
  /** Snapshots and graph files opened or refused, in words. */
  notes: string[];
}

export interface ImportOptions {
  format: JobFormat | null;
  append: boolean;
  /** Keep records that look like one paper as separate papers (no merging, within or across files). */
  keepApart?: boolean;
}

/** How a run of paper files is combined: added to the dataset shown or not, duplicates merged or kept apart. */
type RunOptions = Pick<ImportOptions, 'append' | 'keepApart'>;

/** The import flow: classify inputs, ask for what is missing, parse in a worker, open and store the result. */
export function useImporter(onStored: () => void) {
  const { workspace, options, openWorkspace, notify } = useAtlas();
  const [pending, setPending] = useState<{ files: PendingFile[]; run: RunOptions } | null>(null);
  const [running, setRunning] = useState<{ fraction: number; label: string } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const cancelRef = useRef<(() => void) | null>(null);

  const canAppend = workspace.dataset.papers.length > 0 && !workspace.graph;

  const runPapers = useCallback(
    async (files: JobFile[], { append, keepApart }: RunOptions, notes: string[]) => {
      const base = append && canAppend ? { papers: workspace.dataset.papers, aliases: workspace.dataset.aliases, owner: workspace.dataset.owner } : undefined;
      const names = files.map((f) => f.name);
      // A conference's 324 files are named by count, not listed.
      const named = names.length > 4 ? `${names.length} files (${names.slice(0, 3).join(', ')}, …)` : names.join(', ');
      const appendingStored = Boolean(base) && workspace.origin === 'import';
      const title = base
        ? `${workspace.dataset.title}${appendingStored ? '' : ` + ${names[0]}`}`
        : names.length > 1
          ? `${names[0]} (+${names.length - 1} more)`
          : names[0];
      // Everything of the dataset but what the import brings (papers, aliases, owner).
      const meta: Omit<Dataset, 'papers' | 'aliases' | 'owner'> = {
        id: appendingStored ? workspace.id : newDatasetId(),
        title,
        description: base ? workspace.dataset.description : `Imported from ${named}.`,
        ...(base && workspace.dataset.profile ? { profile: workspace.dataset.profile } : {}),
        sourceNotes: [...(base ? (workspace.dataset.sourceNotes ?? []) : []), `Imported from ${named} on ${new Date().toISOString().slice(0, 10)}.`],
      };
      const keepOptions = base ? options : undefined;
      setRunning({ fraction: 0, label: 'Starting…' });
      // A big new dataset is stored by the worker (the page would pause for its structured clone into IndexedDB).
      const store = base ? undefined : { meta, minAuthorships: WORKER_MIN_AUTHORSHIPS };
      const job = runImportJob({ files, base, store, keepApart }, (fraction, label) => setRunning({ fraction, label }));
      cancelRef.current = job.cancel;
      let result: JobResult;
      try {
        result = await job.promise;
      } catch (e) {
        setRunning(null);
        const cancelled = (e as Error).name === 'AbortError';
        setOutcome({
          error: cancelled ? 'Import cancelled: nothing was changed.' : `The import failed: ${(e as Error).message}. The current dataset is kept.`,
          notes,
        });
        return;
      } finally {
        cancelRef.current = null;
      }
      setRunning(null);
      const { combined } = result;
      if (importedNothing(combined, base?.aliases.length)) {
        setOutcome({
          combined,
          error: `${base ? 'No new papers' : 'No papers'} could be imported (see the report below). The current dataset is kept.`,
          notes,
        });
        return;
      }
      const dataset: Dataset = { ...meta, ...(combined.owner ? { owner: combined.owner } : {}), papers: combined.papers, aliases: combined.aliases };
      openWorkspace({ id: dataset.id, dataset, origin: 'import', ...(keepOptions ? { options: keepOptions } : {}) });
      const opened: Outcome['opened'] = { title, stored: false };
      try {
        if (result.store.state === 'failed') throw new Error(result.store.error);
        if (result.store.state === 'stored') markOpened(dataset.id, result.store.revision);
        else await saveDataset({ id: dataset.id, dataset, ...(keepOptions ? { options: keepOptions } : {}) });
        opened.stored = true;
        onStored();
      } catch (e) {
        opened.storeError = (e as StoreError).message;
        notify(opened.storeError, 'error');
      }
      setOutcome({ combined, opened, notes });
    },
    [canAppend, workspace, options, openWorkspace, notify, onStored],
  );

  /** Starts an import of files or pasted text; asks first when a format is unknown or a CSV needs mapping. */
  const start = useCallback(
    async (inputs: InputFile[], opts: ImportOptions) => {
      setOutcome(null);
      const notes: string[] = [];
      const papers: PendingFile[] = [];
      for (const c of inputs.map((f) => classify(f, opts.format))) {
        if (c.kind === 'snapshot') {
          const r = workspaceFromSnapshotText(c.file.text);
          if (r.ok) {
            openWorkspace(r.workspace);
            notes.push(`Opened the snapshot ${c.file.name}.`);
          } else notes.push(`The snapshot ${c.file.name} could not be opened: ${r.errors.slice(0, 3).join('; ')}`);
        } else if (c.kind === 'graph') {
          // Graph files carry no papers: they open as they are, through the app's file opener.
          const r = await workspaceFromText(c.file.text, c.file.name);
          if (r.ok) {
            openWorkspace(r.workspace);
            notes.push(`Opened the graph file ${c.file.name}.`);
          } else notes.push(`The graph file ${c.file.name} could not be opened: ${r.error}`);
        } else papers.push({ ...c.file, format: c.format });
      }
      if (!papers.length) {
        setOutcome({ notes, error: notes.length ? undefined : 'Nothing to import.' });
        return;
      }
      if (papers.some((p) => p.format === null || p.format === 'csv')) {
        setPending({ files: papers, run: { append: opts.append, keepApart: opts.keepApart } });
        if (notes.length) setOutcome({ notes });
        return;
      }
      await runPapers(
        papers.map((p) => ({ name: p.name, text: p.text, format: p.format! })),
        { append: opts.append, keepApart: opts.keepApart },
        notes,
      );
    },
    [openWorkspace, runPapers],
  );

  const confirmPending = useCallback(
    (files: PendingFile[]) => {
      const run = pending?.run ?? { append: false };
      setPending(null);
      const jobFiles = files.map((p) => ({ name: p.name, text: p.text, format: p.format!, ...(p.csvMapping ? { csvMapping: p.csvMapping } : {}) }));
      void runPapers(jobFiles, run, outcome?.notes ?? []);
    },
    [pending, runPapers, outcome],
  );

  const cancel = useCallback(() => cancelRef.current?.(), []);

  /** Parses prepared files (e.g. works fetched from OpenAlex) in the worker and opens the result. */
  const runFiles = useCallback(
    (files: JobFile[], opts: RunOptions & { notes?: string[] }) => {
      setOutcome(null);
      return runPapers(files, opts, opts.notes ?? []);
    },
    [runPapers],
  );

  return { start, runFiles, pending, setPending, confirmPending, running, cancel, outcome, setOutcome, canAppend };
}
