import { useEffect } from 'react';
import type { DatasetIndex } from '../graph/dataIndex';

/** Below this many papers the first search folds every name and title in a few tens of milliseconds. */
const WARM_MIN_PAPERS = 5_000;
/** Names and titles folded per task (a few milliseconds each). */
const SLICE = 1_000;

/**
 * Folds a big dataset's search keys a slice at a time once it has opened, so the first search answers at once: folded
 * on that search instead, a million authorships took seconds of one task (BENCHMARKS.md, "A million authorships").
 */
export function useSearchWarmUp(index: DatasetIndex): void {
  useEffect(() => {
    if (index.dataset.papers.length < WARM_MIN_PAPERS) return;
    // Starts after the first frames of the new graph, then one slice per task.
    let timer = setTimeout(function step() {
      if (!index.prepareSearch(SLICE)) timer = setTimeout(step, 0);
    }, 1_000);
    return () => clearTimeout(timer);
  }, [index]);
}
