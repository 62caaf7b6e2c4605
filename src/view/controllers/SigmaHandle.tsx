import { useEffect } from 'react';
import { useSigma } from '@react-sigma/core';
import type Sigma from 'sigma';
import type { Camera } from '../../model/view';
import { sigmaAlive } from './alive';

/** Hands the sigma instance up, and puts the camera where a snapshot left it. */
export function SigmaHandle({ onSigma, initialCamera }: { onSigma: (s: Sigma | null) => void; initialCamera?: Camera }) {
  const sigma = useSigma();
  useEffect(() => {
    if (!sigmaAlive(sigma)) return;
    onSigma(sigma);
    if (initialCamera) sigma.getCamera().setState(initialCamera);
    // sigma only listens to window resizes; a notice appearing above the graph changes its height too. The observer's
    // first call (at observe, each time a graph's controllers mount) finds the size sigma has: a forced resize there
    // cleared every canvas and re-indexed the graph, one more frame per graph (100–250 ms each in software WebGL).
    const observer = new ResizeObserver(() => {
      if (!sigmaAlive(sigma)) return;
      const container = sigma.getContainer();
      const { width, height } = sigma.getDimensions();
      if (container.offsetWidth === width && container.offsetHeight === height) return;
      sigma.resize(true).refresh({ schedule: true });
    });
    observer.observe(sigma.getContainer());
    return () => {
      observer.disconnect();
      onSigma(null);
    };
    // The saved camera applies once, to the sigma instance it came with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sigma]);
  return null;
}
