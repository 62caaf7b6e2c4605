import { useEffect, useRef } from 'react';
import { useSigma } from '@react-sigma/core';
import { drawDiscNodeLabel } from 'sigma/rendering';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import type { Settings } from 'sigma/settings';
import { sigmaAlive } from '../controllers/alive';
import { placeLabels, type LabelBox, type LabelCandidate } from './placeLabels';

type LabelData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'> & { key?: string };
interface Pending extends LabelCandidate {
  data: LabelData;
  settings: Settings;
}
export interface DrawnLabel extends LabelBox {
  key: string;
  label: string;
}

/** Room around a label's text, in pixels, so that two kept labels never touch. */
const PAD = 1;
const MAX_WIDTH_CACHE = 20_000;

/** The box `drawDiscNodeLabel` fills: text from x + size + 3, baseline at y + labelSize / 3. */
export function labelBox(data: { x: number; y: number; size: number }, labelSize: number, textWidth: number): LabelBox {
  return { x: data.x + data.size + 3 - PAD, y: data.y - 0.55 * labelSize - PAD, width: textWidth + 2 * PAD, height: 1.1 * labelSize + 2 * PAD };
}

/**
 * Draws sigma's node labels without overlaps. sigma picks the candidates (its label grid, forced labels, the size
 * threshold) and calls `defaultDrawNodeLabel` for each in grid order; we only collect them there, then at the end of
 * the frame place them priority first, largest first (`placeLabels`) and draw the kept ones on sigma's label layer.
 * The selected nodes and the hovered one are the priority: their labels always win.
 */
export function LabelController({ selected }: { selected: string[] }) {
  const sigma = useSigma();
  const priority = useRef(new Set<string>());
  const selectedRef = useRef(selected);
  const hovered = useRef<string | null>(null);

  useEffect(() => {
    selectedRef.current = selected;
    priority.current = new Set([...selected, ...(hovered.current ? [hovered.current] : [])]);
  }, [selected]);

  useEffect(() => {
    if (!sigmaAlive(sigma)) return;
    let pending: Pending[] = [];
    let drawn: DrawnLabel[] = [];
    let considered = 0;
    const widths = new Map<string, number>();
    let widthFont = '';
    const context = sigma.getCanvases().labels?.getContext('2d');

    const collect = (ctx: CanvasRenderingContext2D, data: LabelData, settings: Settings) => {
      if (!data.label) return;
      const font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
      if (font !== widthFont || widths.size > MAX_WIDTH_CACHE) {
        widths.clear();
        widthFont = font;
      }
      let width = widths.get(data.label);
      if (width === undefined) {
        ctx.font = font;
        width = ctx.measureText(data.label).width;
        widths.set(data.label, width);
      }
      const key = data.key ?? '';
      pending.push({ ...labelBox(data, settings.labelSize, width), key, size: data.size, priority: priority.current.has(key), data, settings });
    };
    const onBefore = () => {
      pending = [];
    };
    const onAfter = () => {
      if (!context) return;
      addMissingPriority();
      const kept = placeLabels(pending, { cellSize: 48 });
      considered = pending.length;
      drawn = kept.map((c) => ({ key: c.key, label: c.data.label ?? '', x: c.x, y: c.y, width: c.width, height: c.height }));
      for (const c of kept) drawDiscNodeLabel(context, c.data, c.settings);
      pending = [];
    };
    /** A selected or hovered node too small for sigma's threshold (or thinned by its grid) still gets its label. */
    const addMissingPriority = () => {
      if (!priority.current.size) return;
      const offered = new Set(pending.map((c) => c.key));
      const settings = sigma.getSettings();
      for (const key of priority.current) {
        if (offered.has(key)) continue;
        const display = sigma.getNodeDisplayData(key);
        if (!display || display.hidden || !display.label) continue;
        const at = sigma.framedGraphToViewport(display);
        collect(context!, { ...display, key, x: at.x, y: at.y, size: sigma.scaleSize(display.size) }, settings);
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
    sigma.on('beforeRender', onBefore);
    sigma.on('afterRender', onAfter);
    sigma.on('enterNode', onEnter);
    sigma.on('leaveNode', onLeave);
    const expose = () => {
      const atlas = window.__coauthorAtlas;
      if (atlas && atlas.sigma === sigma) {
        atlas.labelBoxes = () => drawn.map((d) => ({ ...d }));
        atlas.labelCandidates = () => considered;
      }
    };
    expose();
    sigma.on('afterRender', expose);
    sigma.scheduleRender();
    return () => {
      sigma.off('beforeRender', onBefore);
      sigma.off('afterRender', onAfter);
      sigma.off('afterRender', expose);
      sigma.off('enterNode', onEnter);
      sigma.off('leaveNode', onLeave);
    };
  }, [sigma]);
  return null;
}
