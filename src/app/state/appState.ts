/**
 * The app's state: one object, changed only by the actions of `reducer.ts`. `STATE_FIELDS` says where each field
 * lives beyond memory (like excalidraw's appState.ts): the URL (through `urlCodec.ts`), share links and snapshots,
 * IndexedDB (stored datasets, src/store) or localStorage.
 */
import type { Theme } from '../../graph/palette';
import { DEFAULT_BUILD_OPTIONS, type BuildOptions } from '../../graph/types';
import type { LensState } from '../../lenses/types';
import type { Selection } from '../../model/view';
import { embeddedWorkspace, loadingWorkspace, type Workspace } from '../workspace';
import { opensElsewhere, readAddress } from './urlCodec';

export interface AppMessage {
  text: string;
  kind: 'info' | 'error';
}

/** Move the camera to these nodes; `nonce` counts the requests so the same nodes can be asked for twice. */
export interface FocusRequest {
  nodes: string[];
  nonce: number;
}

export interface AppState {
  /** The workspace asked for; the one on screen is the pipeline's bundle (big graphs build in a worker). */
  workspace: Workspace;
  /** The `dataset` URL parameter: 'full', 'shown' or a stored dataset's id (what a reload reopens). */
  dataset: string;
  /** What the user selected (the App checks it against the data before showing it). */
  selection: Selection;
  lens: LensState;
  options: BuildOptions;
  /** Level of detail: null for a big graph's cluster overview, a community number, or 'all'. */
  drill: string | null;
  theme: Theme;
  /** The notice over the graph. */
  message: AppMessage | null;
  focusRequest: FocusRequest | null;
}

export type StateHome = 'url' | 'snapshot' | 'indexeddb' | 'localStorage' | 'memory';

/**
 * Where each field lives beyond memory. 'url': written through urlCodec.ts and read back on reload and back/forward;
 * 'snapshot': kept in snapshot files and share links (`#s=`); 'indexeddb': a stored dataset (src/store) keeps it.
 */
export const STATE_FIELDS: { readonly [K in keyof AppState]: readonly StateHome[] } = {
  /** `dataset=` or `file=` names it; an import lives in IndexedDB, a snapshot or share link carries its own data. */
  workspace: ['url', 'indexeddb', 'snapshot'],
  dataset: ['url'],
  /** `author=`, `pair=`, `paper=`, `cluster=`, `affiliation=`, `country=`; a snapshot keeps its selection. */
  selection: ['url', 'snapshot'],
  /** `years=`, `color=`, `norm=`…; a snapshot keeps the map lens (normalisation, top N). */
  lens: ['url', 'snapshot'],
  /** `layout=`, `clusters=`, `resolution=` in the URL; all of them in snapshots and stored datasets. */
  options: ['url', 'snapshot', 'indexeddb'],
  drill: ['url'],
  /** `coauthor-atlas:theme`; a snapshot records the theme it was taken in. */
  theme: ['localStorage', 'snapshot'],
  message: ['memory'],
  focusRequest: ['memory'],
};

/** The state a page opens with, from its address and the saved theme. Pure: the caller reads window. */
export function initialAppState(search: string, hash: string, theme: Theme): AppState {
  const address = readAddress(search);
  const embedded = address.dataset === 'shown' ? embeddedWorkspace('shown') : embeddedWorkspace('full');
  return {
    // A link, a share link or a stored dataset opens asynchronously (useOpenFromAddress): nothing is built meanwhile.
    workspace: opensElsewhere(search, hash) ? loadingWorkspace() : embedded,
    dataset: address.dataset,
    selection: address.selection,
    lens: address.lens,
    // Layout and clustering choices live in the URL; the other options come with a workspace.
    options: { ...DEFAULT_BUILD_OPTIONS, ...address.algorithms },
    drill: address.drill,
    theme,
    message: null,
    focusRequest: null,
  };
}

/**
 * The `dataset` URL parameter that reopens a workspace: an embedded or stored dataset. A snapshot,
 * graph file or link is not stored, so its URL keeps the default rather than pointing at nothing.
 */
export function datasetParamOf(ws: Workspace): string {
  if (ws.origin === 'embedded') return ws.id === embeddedWorkspace('shown').id ? 'shown' : 'full';
  return ws.origin === 'import' ? ws.id : 'full';
}

/** The workspace an embedded `dataset` URL parameter names, if it names one. */
export function embeddedFor(param: string): Workspace | null {
  return param === 'full' ? embeddedWorkspace('full') : param === 'shown' ? embeddedWorkspace('shown') : null;
}
