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
    // sigma only listens to window resizes; a notice appearing above the graph changes its height too.
    const observer = new ResizeObserver(() => {
      if (sigmaAlive(sigma)) sigma.resize(true).refresh({ schedule: true });
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
