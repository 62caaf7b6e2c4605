import { useEffect } from 'react';
import { useSigma } from '@react-sigma/core';
import { LayoutRunner, type LayoutProgress } from './layout';

/** Starts the worker layout when a graph is shown and hands its controls up. */
export function LayoutController({ autoStart, onReady, onProgress }: {
  autoStart: boolean;
  onReady: (runner: LayoutRunner | null) => void;
  onProgress: (p: LayoutProgress) => void;
}) {
  const sigma = useSigma();
  useEffect(() => {
    const runner = new LayoutRunner(sigma.getGraph(), onProgress);
    onReady(runner);
    if (autoStart) runner.start();
    return () => {
      runner.kill();
      onReady(null);
    };
    // The runner lives as long as the graph it lays out.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sigma]);
  return null;
}
