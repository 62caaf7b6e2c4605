import { useEffect, useRef } from 'react';
import { useRegisterEvents, useSigma } from '@react-sigma/core';
import { sigmaAlive } from './alive';

declare global {
  interface Window {
    /** Stable test contract: the displayed sigma instance and the layout state. */
    __coauthorAtlas?: {
      sigma: unknown;
      layoutRunning: () => boolean;
      frames: { order: number; t: number }[];
      /** The node labels drawn in the last frame, as viewport boxes (src/view/labels). */
      labelBoxes?: () => { key: string; label: string; x: number; y: number; width: number; height: number }[];
      /** How many label candidates sigma offered in the last frame (before overlaps were dropped). */
      labelCandidates?: () => number;
    };
  }
}

export function ExposeForTests({ layoutRunning }: { layoutRunning: () => boolean }) {
  const sigma = useSigma();
  const registerEvents = useRegisterEvents();
  const running = useRef(layoutRunning);
  useEffect(() => {
    running.current = layoutRunning;
  }, [layoutRunning]);
  useEffect(() => {
    // Frames drawn (graph size and time) let the benchmark find the first complete frame.
    const frames = window.__coauthorAtlas?.frames ?? [];
    window.__coauthorAtlas = { sigma, layoutRunning: () => running.current(), frames };
    // A new sigma draws its graph as it is made, before any controller can listen (and useRegisterEvents attaches a
    // render later still): that first frame is on screen now. A still graph (saved positions) draws no other.
    if (sigmaAlive(sigma) && frames.length < 10_000) frames.push({ order: sigma.getGraph().order, t: performance.now() });
    registerEvents({
      afterRender: () => {
        if (sigmaAlive(sigma) && frames.length < 10_000) frames.push({ order: sigma.getGraph().order, t: performance.now() });
      },
    });
  }, [sigma, registerEvents]);
  return null;
}
