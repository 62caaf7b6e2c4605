/**
 * Which view the graph stage shows (the network, or its density), the kernel width, and the density frame last
 * drawn (read by the PNG and SVG exports). A small store outside React so the exporters can read it; the view
 * lives in the URL as `?view=density`.
 */
import type { DensityGrid } from '../../density/kde';
import { readStageView, replaceSearch, withStageView, type StageView } from '../../app/state/urlCodec';

export type { StageView };

export interface DensityLabel {
  x: number;
  y: number;
  text: string;
  /** Font size in CSS pixels. */
  size: number;
}

/** What the density view shows, in the stage's CSS pixels. */
export interface DensityFrame {
  width: number;
  height: number;
  grid: DensityGrid;
  labels: DensityLabel[];
}

/** Kernel width as a share of the stage's smaller side at the camera's home zoom. */
export const KERNEL_WIDTHS = [0.015, 0.025, 0.04, 0.06, 0.09] as const;
export const DEFAULT_KERNEL = 2;

interface State {
  view: StageView;
  kernel: number;
  frame: DensityFrame | null;
}

const fromUrl = (): StageView => (typeof window !== 'undefined' ? readStageView(window.location.search) : 'network');

let state: State = { view: fromUrl(), kernel: DEFAULT_KERNEL, frame: null };
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export const densityStore = {
  get: (): State => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  setView(view: StageView) {
    if (view === state.view) return;
    state = { ...state, view, frame: view === 'density' ? state.frame : null };
    replaceSearch(withStageView(window.location.search, view));
    emit();
  },
  setKernel(kernel: number) {
    const k = Math.max(0, Math.min(KERNEL_WIDTHS.length - 1, Math.round(kernel)));
    if (k === state.kernel) return;
    state = { ...state, kernel: k };
    emit();
  },
  setFrame(frame: DensityFrame | null) {
    state = { ...state, frame };
    emit();
  },
};

/** The density frame on screen, when the density view is shown (what the exports draw instead of the network). */
export const shownDensity = (): DensityFrame | null => (state.view === 'density' ? state.frame : null);
