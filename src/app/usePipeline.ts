import { startTransition, useEffect, useMemo, useRef, useState } from 'react';
import { resolveDataset } from '../graph/authors';
import { indexDataset, type DatasetIndex } from '../graph/dataIndex';
import { availableUnits, type DatasetUnits } from '../lenses/institutions';
import type { BuildOptions } from '../graph/types';
import { needsAlgorithmWorker } from '../graph/algorithms';
import { authorshipCount, type Paper } from '../model/types';
import { paperSlices } from '../model/paperSlices';
import { PreparedAssembler } from './preparedAssembler';
import { buildRefusal, prepareGraph, sourceGraph, WORKER_MIN_AUTHORSHIPS, type PipelineContract, type Prepared, type Unit } from './pipeline';
import { loadingWorkspace, type Workspace } from './workspace';
import { runWorker } from '../workers/runner';

/** Everything drawn and read for one workspace, built together so the views never mix two datasets. */
export interface Bundle extends Prepared {
  workspace: Workspace;
  options: BuildOptions;
  unit: Unit;
  index: DatasetIndex;
  /** Which non-author units the dataset supports (read in the worker for big data). */
  units: DatasetUnits;
}

export interface PipelineProgress {
  stage: string;
  /** 0..1 */
  share: number;
}

/** What the graph needs of a paper: everything but its abstract (the heaviest field, read only by the panels). */
const lean = ({ abstract: _abstract, ...paper }: Paper): Paper => paper;
/** Lets the page draw and answer input between two slices of work. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A build refused before it started (past the graph budget): the message for the user. */
interface Refused {
  refused: string;
}

function buildHere(workspace: Workspace, options: BuildOptions, unit: Unit): Bundle | Refused {
  const resolved = resolveDataset(workspace.dataset);
  const refusal = workspace.graph ? null : buildRefusal(options, unit, resolved);
  if (refusal) return { refused: refusal };
  const prepared = workspace.graph
    ? (workspace.prepared ?? prepareGraph(workspace.graph))
    : prepareGraph(sourceGraph(workspace.dataset, options, unit, resolved), resolved);
  return { workspace, options, unit, index: indexDataset(workspace.dataset, resolved), units: availableUnits(workspace.dataset), resolved, ...prepared };
}

const failedMessage = (reason: string) => `The graph could not be built: ${reason}. The previous graph is kept.`;

/**
 * The graph pipeline for the workspace the user asked for. Small data is built at once on the page;
 * big data (over WORKER_MIN_AUTHORSHIPS) in a Web Worker, sent back in slices, while the page keeps
 * showing what it had, with progress. A newer request replaces an unfinished one.
 */
export function usePipeline(
  workspace: Workspace,
  options: BuildOptions,
  unit: Unit,
  onError: (message: string) => void,
): { bundle: Bundle; progress: PipelineProgress | null } {
  // VOS and Leiden run in the worker whatever the data's size: they take seconds on a few hundred nodes.
  const algorithmsInWorker = needsAlgorithmWorker(options);
  const inWorker = useMemo(
    () => !workspace.graph && (algorithmsInWorker || authorshipCount(workspace.dataset) >= WORKER_MIN_AUTHORSHIPS),
    [workspace, algorithmsInWorker],
  );
  const attempt = useMemo(() => (inWorker ? null : buildHere(workspace, options, unit)), [inWorker, workspace, options, unit]);
  const here = attempt && !('refused' in attempt) ? attempt : null;
  const [built, setBuilt] = useState<Bundle | null>(null);
  const [progress, setProgress] = useState<PipelineProgress | null>(null);
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  useEffect(() => {
    if (attempt && 'refused' in attempt) onErrorRef.current(failedMessage(attempt.refused));
  }, [attempt]);

  useEffect(() => {
    if (!inWorker) return;
    let stopped = false;
    const dataset = workspace.dataset;
    const received = new PreparedAssembler(dataset.papers);
    let shownPercent = -1;
    setProgress({ stage: 'Sending the papers to the graph builder', share: 0 });
    const fail = (message: string) => {
      setProgress(null);
      onErrorRef.current(failedMessage(message));
    };
    async function* papersInSlices() {
      let sent = 0;
      for (const slice of paperSlices(dataset.papers)) {
        if (stopped) return;
        yield slice.map(lean);
        setProgress({ stage: 'Sending the papers to the graph builder', share: (0.05 * sent) / dataset.papers.length });
        sent += slice.length;
        await nextTask();
      }
    }
    const { papers: _papers, ...meta } = dataset;
    const job = runWorker<PipelineContract>(
      () => new Worker(new URL('./pipelineWorker.ts', import.meta.url), { type: 'module' }),
      { dataset: meta, options, unit, edgesApartMin: edgesApartMinForTests() },
      {
        failedMessage: 'the worker stopped',
        slices: papersInSlices(),
        onProgress: ({ stage, share }) => setProgress({ stage, share }),
        onSlice: (m) => {
          received.add(m);
          if (m.type !== 'graph') return;
          // A render of the page per slice cost more than the slice itself on the million-authorship bench: one per percent.
          const percent = Math.floor(100 * received.progress());
          if (percent !== shownPercent) setProgress({ stage: 'Receiving the graph', share: 0.7 + 0.003 * (shownPercent = percent) });
        },
      },
    );
    void job.outcome.then((o) => {
      if (stopped || o.kind === 'cancelled') return;
      if (o.kind === 'error') return fail(o.message);
      try {
        received.add(o.result);
        const { prepared, resolved, papersById, units } = received.result();
        if (!resolved) throw new Error('no resolved authors received');
        if (!units) throw new Error('no network units received');
        const bundle: Bundle = {
          workspace,
          options,
          unit,
          resolved,
          index: indexDataset(dataset, resolved, papersById),
          units,
          ...prepared,
        };
        // A transition: React renders the page for the new graph in slices of a few milliseconds, not in one task
        // (~130 ms at a million authorships, where a garbage collection that lands in it passes 200 ms).
        startTransition(() => {
          setBuilt(bundle);
          setProgress(null);
        });
      } catch (err) {
        fail((err as Error).message);
      }
    });
    return () => {
      stopped = true;
      job.cancel();
    };
  }, [inWorker, workspace, options, unit]);

  const current = here ?? (built && built.workspace === workspace && built.options === options && built.unit === unit ? built : null);
  const last = useRef<Bundle | null>(null);
  if (current) last.current = current;
  // The empty workspace is always within the budget.
  const fallback = useMemo(() => buildHere(loadingWorkspace(), options, unit) as Bundle, [options, unit]);
  return { bundle: current ?? last.current ?? fallback, progress: current ? null : progress };
}

/** The browser tests' switch (DEVELOPERS.md, Test-only hooks): a small graph's edges kept apart, as a million's are. */
function edgesApartMinForTests(): number | undefined {
  const min = Number(window.__coauthorAtlasTest?.edgesApartMin);
  return Number.isInteger(min) && min > 0 ? min : undefined;
}
