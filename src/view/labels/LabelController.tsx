import { useEffect, useRef } from 'react';
import { useRegisterEvents, useSigma } from '@react-sigma/core';
import { drawDiscNodeLabel } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import { sigmaAlive } from '../controllers/alive';
import { LabelPlacer, setDrawnLabels, type LabelData } from './labelPlacer';

/**
 * Draws sigma's node labels without overlaps. sigma picks the candidates (its label grid, forced labels, the size
 * threshold) and calls `defaultDrawNodeLabel` for each in grid order; we only collect them there, then at the end of
 * the frame place them priority first, largest first (`placeLabels`) and draw the kept ones on sigma's label layer.
 * The selected nodes and the hovered one are the priority: their labels always win.
 */
export function LabelController({ selected }: { selected: string[] }) {
  const sigma = useSigma();
  const registerEvents = useRegisterEvents();
  const priority = useRef(new Set<string>());
  const selectedRef = useRef(selected);
  const hovered = useRef<string | null>(null);

  useEffect(() => {
    selectedRef.current = selected;
    priority.current = new Set([...selected, ...(hovered.current ? [hovered.current] : [])]);
  }, [selected]);

  useEffect(() => {
    if (!sigmaAlive(sigma)) return;
    const context = sigma.getCanvases().labels?.getContext('2d');
    const placer = new LabelPlacer((key) => priority.current.has(key));

    // Another renderer made with these settings (the PNG export's) draws its labels itself, as sigma would.
    const collect = (ctx: CanvasRenderingContext2D, data: LabelData, settings: Settings) =>
      ctx === context ? placer.collect(ctx, data, settings) : drawDiscNodeLabel(ctx, data, settings);

    /** A selected or hovered node too small for sigma's threshold (or thinned by its grid) still gets its label. */
    const addMissingPriority = () => {
      const settings = sigma.getSettings();
      for (const key of priority.current) {
        if (placer.has(key)) continue;
        const display = sigma.getNodeDisplayData(key);
        if (!display || display.hidden || !display.label) continue;
        const at = sigma.framedGraphToViewport(display);
        placer.collect(context!, { ...display, key, x: at.x, y: at.y, size: sigma.scaleSize(display.size) }, settings);
      }
    };
    const onBefore = () => placer.reset();
    const onAfter = () => {
      if (!context || !sigmaAlive(sigma)) return;
      addMissingPriority();
      placer.flush(context);
      setDrawnLabels(sigma, new Set(placer.drawn.map((d) => d.key)));
      const atlas = window.__coauthorAtlas;
      if (atlas && atlas.sigma === sigma) {
        atlas.labelBoxes = () => placer.drawn.map((d) => ({ ...d }));
        atlas.labelCandidates = () => placer.considered;
      }
    };
    const onEnter = ({ node }: { node: string }) => {
      hovered.current = node;
      priority.current = new Set([...selectedRef.current, node]);
    };
    const onLeave = () => {
      hovered.current = null;
      priority.current = new Set(selectedRef.current);
    };

    sigma.setSetting('defaultDrawNodeLabel', collect as Settings['defaultDrawNodeLabel']);
    registerEvents({ beforeRender: onBefore, afterRender: onAfter, enterNode: onEnter, leaveNode: onLeave });
    sigma.scheduleRender();
  }, [sigma, registerEvents]);
  return null;
}
