import { useEffect, useRef } from 'react';
import { useAtlas } from '../../app/context';
import { updateStoredDataset } from '../../store/datasetStore';

const POLL_MS = 2000;

/**
 * Keeps a stored dataset's layout positions and build options: when the shown positions have stopped
 * changing (the layout is done) and differ from what was saved, they are written with the dataset.
 */
export function usePositionSaver() {
  const { workspace, graph, options, displayIsWhole } = useAtlas();
  const saved = useRef<{ id: string; sum: number; options: string } | null>(null);
  useEffect(() => {
    // An overview or a single cluster is not the dataset's layout: nothing to save then.
    if (workspace.origin !== 'import' || !displayIsWhole) return;
    let last = NaN;
    let busy = false;
    const timer = window.setInterval(() => {
      if (busy || graph.order === 0) return;
      let sum = 0;
      graph.forEachNode((_n, a) => (sum += a.x * 1.31 + a.y * 0.77));
      const opts = JSON.stringify(options);
      const stable = sum === last;
      last = sum;
      const prev = saved.current;
      if (!stable || (prev && prev.id === workspace.id && prev.sum === sum && prev.options === opts)) return;
      const positions: Record<string, [number, number]> = {};
      graph.forEachNode((n, a) => (positions[n] = [a.x, a.y]));
      busy = true;
      // Positions and options are derived state: written without a new revision, and skipped (not an error) when
      // another tab changed the dataset since it was opened here, so that they never overwrite its work.
      updateStoredDataset(workspace.id, (r) => ({ ...r, positions, options }), { check: 'skip', derived: true })
        // Saved or skipped: nothing to do until the positions or options change (null: not stored yet, try again).
        .then((r) => (saved.current = r ? { id: workspace.id, sum, options: opts } : saved.current))
        .catch(() => {}) // storage problems were reported when the dataset was stored
        .finally(() => (busy = false));
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [workspace, graph, options, displayIsWhole]);
}
