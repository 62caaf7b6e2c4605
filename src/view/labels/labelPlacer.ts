import { drawDiscNodeLabel } from 'sigma/rendering';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import type { Settings } from 'sigma/settings';
import { placeLabels, type LabelBox, type LabelCandidate } from './placeLabels';

export type LabelData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'> & { key?: string };
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
 * Collects the labels sigma asks for in a frame (as its `defaultDrawNodeLabel`) and draws, when flushed, only those
 * that overlap no label drawn before them: priority first, then largest node first (`placeLabels`).
 */
export class LabelPlacer {
  private pending: Pending[] = [];
  private widths = new Map<string, number>();
  private widthFont = '';
  /** What the last flush drew, in viewport pixels. */
  drawn: DrawnLabel[] = [];
  /** How many candidates the last flush considered. */
  considered = 0;

  constructor(private isPriority: (key: string) => boolean = () => false) {}

  /** sigma's `defaultDrawNodeLabel`: remembers the label, draws nothing yet. */
  collect = (context: CanvasRenderingContext2D, data: LabelData, settings: Settings) => {
    if (!data.label) return;
    const font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
    if (font !== this.widthFont || this.widths.size > MAX_WIDTH_CACHE) {
      this.widths.clear();
      this.widthFont = font;
    }
    let width = this.widths.get(data.label);
    if (width === undefined) {
      context.font = font;
      width = context.measureText(data.label).width;
      this.widths.set(data.label, width);
    }
    const key = data.key ?? '';
    this.pending.push({ ...labelBox(data, settings.labelSize, width), key, size: data.size, priority: this.isPriority(key), data, settings });
  };

  has(key: string) {
    return this.pending.some((c) => c.key === key);
  }

  /** Forgets what was collected (a new frame starts). */
  reset() {
    this.pending = [];
  }

  /** Places the collected labels and draws the kept ones on `context` (sigma's label layer). */
  flush(context: CanvasRenderingContext2D) {
    const kept = placeLabels(this.pending, { cellSize: 48 });
    this.considered = this.pending.length;
    this.drawn = kept.map((c) => ({ key: c.key, label: c.data.label ?? '', x: c.x, y: c.y, width: c.width, height: c.height }));
    for (const c of kept) drawDiscNodeLabel(context, c.data, c.settings);
    this.pending = [];
  }
}

/** The labels each live renderer drew last (the SVG export writes these, not every label sigma offered). */
const drawnBySigma = new WeakMap<object, ReadonlySet<string>>();
export const setDrawnLabels = (sigma: object, keys: ReadonlySet<string>) => drawnBySigma.set(sigma, keys);
export const drawnLabelsOf = (sigma: object): ReadonlySet<string> | undefined => drawnBySigma.get(sigma);
