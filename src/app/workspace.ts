import type { MapLensState } from '../lenses/mapLens';
import type { Dataset } from '../model/types';
import type { AtlasGraph, BuildOptions } from '../graph/types';
import type { Camera, Selection } from '../model/view';
import { EMBEDDED } from './datasets';
import type { PreparedGraph } from './pipeline';
import type { FieldSource } from './fieldFolder';

/** Sigma's camera state (the shared `Camera` type). */
export type CameraState = Camera;

/**
 * Everything the app shows, from wherever it came: an embedded dataset, an import, a snapshot,
 * a graph file or a link. Opening one replaces the current workspace as a whole.
 */
export interface Workspace {
  /** Dataset id: 'embedded-full', 'embedded-shown', or a stored/imported dataset's id. */
  id: string;
  dataset: Dataset;
  origin: 'embedded' | 'import' | 'snapshot' | 'graph-file' | 'link';
  /** A graph read from a graph file (GEXF, GraphML, VOSviewer): shown as it is, instead of buildGraph's. */
  graph?: AtlasGraph;
  /** Clusters and overview of `graph`, when the worker that read the file already computed them. */
  prepared?: PreparedGraph;
  /** Saved positions (node id → [x, y]): drawn at once, and no layout runs unless asked. */
  positions?: Record<string, [number, number]>;
  camera?: CameraState;
  options?: Partial<BuildOptions>;
  /** A snapshot's map lens (normalisation, top N by link strength). */
  lens?: MapLensState;
  /** The selection to show on opening (a snapshot's). */
  selection?: Selection;
  /** Colours and sizes a graph file gave its nodes (kept over the theme's). */
  nodeStyles?: Record<string, { color?: string; size?: number }>;
  /** A field folder (`npm run field`): `graph` is its overview, and clusters are read from the folder when opened. */
  field?: FieldSource;
  /** For the URL: a `?file=` link this workspace was opened from. */
  sourceUrl?: string;
}

export const embeddedWorkspace = (choice: 'full' | 'shown'): Workspace => ({
  id: EMBEDDED[choice].id,
  dataset: EMBEDDED[choice],
  origin: 'embedded',
});

/** Shown while a link, a share link or a stored dataset opens, so the embedded profile is not built for nothing. */
export const loadingWorkspace = (): Workspace => ({
  id: 'loading',
  dataset: { id: 'loading', title: 'Opening…', papers: [], aliases: [] },
  origin: 'embedded',
});
