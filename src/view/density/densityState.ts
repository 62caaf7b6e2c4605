/**
 * Which view the graph stage shows (the network, or its density), the kernel width, and the density frame last
 * drawn (read by the PNG and SVG exports). One store per app (`createDensityStore`), handed down by
 * `DensityProvider` (densityContext.tsx); the view lives in the URL as `?view=density` (`viewFromUrl`,
 * `writeViewToUrl`, through the one URL codec `src/app/state/urlCodec.ts`).
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

export interface DensityState {
  view: StageView;
  kernel: number;
  frame: DensityFrame | null;
}

export interface DensityStore {
  get(): DensityState;
  subscribe(listener: () => void): () => void;
  setView(view: StageView): void;
  setKernel(kernel: number): void;
  setFrame(frame: DensityFrame | null): void;
  /** The density frame on screen, when the density view is shown (what the exports draw instead of the network). */
  shownDensity(): DensityFrame | null;
}

/** The stage view a page address asks for (`?view=density`). */
export function viewFromUrl(search: string = typeof window === 'undefined' ? '' : window.location.search): StageView {
  return readStageView(search);
}

/** Writes the stage view into the address bar (replacing the entry, keeping the other parameters and the hash). */
export function writeViewToUrl(view: StageView): void {
  replaceSearch(withStageView(window.location.search, view));
}

/**
 * A density store: its state, its listeners (for `useSyncExternalStore`), and what a change of view does to the
 * address (`onView`, by default `writeViewToUrl`).
 */
export function createDensityStore(initialView: StageView, onView: (view: StageView) => void = writeViewToUrl): DensityStore {
  let state: DensityState = { view: initialView, kernel: DEFAULT_KERNEL, frame: null };
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((l) => l());
  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setView(view) {
      if (view === state.view) return;
      state = { ...state, view, frame: view === 'density' ? state.frame : null };
      onView(view);
      emit();
    },
    setKernel(kernel) {
      const k = Math.max(0, Math.min(KERNEL_WIDTHS.length - 1, Math.round(kernel)));
      if (k === state.kernel) return;
      state = { ...state, kernel: k };
      emit();
    },
    setFrame(frame) {
      state = { ...state, frame };
      emit();
    },
    shownDensity: () => (state.view === 'density' ? state.frame : null),
  };
}
