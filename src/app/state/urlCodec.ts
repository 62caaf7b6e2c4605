/**
 * The one URL codec: every parameter of the address bar is read and written here, and this is the only module that
 * calls `history.pushState` / `history.replaceState` (grep for them). The parameters, by owner:
 *
 * - dataset: `dataset` ('full' is left out; 'shown' or a stored dataset's id), `file` (a `?file=` link)
 * - selection: `author`, `pair` (`a|b`), `paper`, `cluster`, `affiliation`, `country` (src/app/selection.ts)
 * - lenses: `years`, `cat`, `venue`, `minPapers`, `minShared`, `lcc`, `aff`, `color`, `size`, `ego`, `path`, `unit`,
 *   `norm`, `top` (src/lenses/url.ts, src/lenses/mapLens.ts)
 * - build options: `layout`, `clusters`, `resolution` (src/graph/algorithms.ts)
 * - level of detail: `drill` (a community number, or 'all')
 * - stage view: `view=density` (src/view/density/densityState.ts)
 * - share links: the hash `#s=…` (camera, options, selection, positions: src/export/shareLink.ts reads it)
 *
 * Defaults are left out. A parameter the app does not own is ignored when reading and kept, in place, when writing
 * (a link with `?utm_source=x` keeps it through every selection, lens and drill).
 */
import { presentAlgorithmParams, readAlgorithmParams, writeAlgorithmParams, type AlgorithmOptions } from '../../graph/algorithms';
import { readLensState, writeLensState } from '../../lenses/url';
import type { LensState } from '../../lenses/types';
import type { Selection } from '../../model/view';
import { readUrlState, writeUrlState } from '../selection';

export type StageView = 'network' | 'density';

/** Everything the address bar says. */
export interface Address {
  /** 'full' (left out of the URL), 'shown', or a stored dataset's id. */
  dataset: string;
  /** The `?file=` link, or null. */
  file: string | null;
  selection: Selection;
  lens: LensState;
  algorithms: AlgorithmOptions;
  /** `?drill=<community>` or `?drill=all`; null on the overview. */
  drill: string | null;
  view: StageView;
}

/** The parameters of `dataset`, `file` and the selection: the ones whose change is a new history entry. */
const ENTRY_PARAMS = ['dataset', 'file', 'author', 'pair', 'paper', 'cluster', 'affiliation', 'country'] as const;

const query = (p: URLSearchParams) => (p.toString() ? `?${p}` : '');

export function readAddress(search: string): Address {
  const p = new URLSearchParams(search);
  const { dataset, selection } = readUrlState(search);
  return {
    dataset,
    file: p.get('file') || null,
    selection,
    lens: readLensState(search),
    algorithms: readAlgorithmParams(search),
    drill: readDrill(search),
    view: readStageView(search),
  };
}

/** The query string of an address; parameters of `currentSearch` the app does not own are kept. */
export function writeAddress(a: Address, currentSearch: string): string {
  let search = writeUrlState({ dataset: a.dataset, selection: a.selection }, currentSearch);
  search = withFile(search, a.file);
  search = writeLensState(a.lens, search);
  search = writeAlgorithmParams(a.algorithms, search);
  search = withDrill(search, a.drill);
  return withStageView(search, a.view);
}

// ---- One part at a time (each keeps every other parameter where it is) ----

export const withSelection = (search: string, dataset: string, selection: Selection) => writeUrlState({ dataset, selection }, search);
export const withLens = (search: string, lens: LensState) => writeLensState(lens, search);
/** Only the layout and clustering choices the address names (they win over a workspace's own). */
export const presentAlgorithms = (search: string): Partial<AlgorithmOptions> => presentAlgorithmParams(search);
export const withAlgorithms = (search: string, algorithms: AlgorithmOptions) => writeAlgorithmParams(algorithms, search);

/** The `drill` parameter as written; a value that names no cluster shows the overview (see useShownGraph). */
export const readDrill = (search: string): string | null => new URLSearchParams(search).get('drill');

export function withDrill(search: string, drill: string | null): string {
  return withParam(search, 'drill', drill);
}

/** Sets the `dataset` parameter alone ('full' leaves it out). */
export function withDataset(search: string, dataset: string): string {
  return withParam(search, 'dataset', dataset === 'full' ? null : dataset);
}

export function withFile(search: string, file: string | null): string {
  return withParam(search, 'file', file);
}

export const readStageView = (search: string): StageView => (new URLSearchParams(search).get('view') === 'density' ? 'density' : 'network');

export function withStageView(search: string, view: StageView): string {
  return withParam(search, 'view', view === 'density' ? 'density' : null);
}

/** Sets or (null) deletes one parameter, keeping the others in place. */
function withParam(search: string, key: string, value: string | null): string {
  const p = new URLSearchParams(search);
  if (value === null) p.delete(key);
  else if (p.get(key) !== value) p.set(key, value);
  return query(p);
}

/** `?file=<link>`, with the `dataset` to fall back on when the link fails (see `reopenAtLink`). */
export function linkAddress(link: string, fallbackDataset: string | null): string {
  const p = new URLSearchParams();
  p.set('file', link);
  if (fallbackDataset && fallbackDataset !== 'full') p.set('dataset', fallbackDataset);
  return query(p);
}

/** Does a change from one query string to another make a new history entry (dataset, file or selection changed)? */
export function isNewEntry(from: string, to: string): boolean {
  const a = new URLSearchParams(from);
  const b = new URLSearchParams(to);
  return ENTRY_PARAMS.some((k) => a.getAll(k).join('\n') !== b.getAll(k).join('\n'));
}

/** Is the hash a share link's view (`#s=…`)? */
export const isShareHash = (hash: string) => hash.startsWith('#s=');

/** Does this address open something other than an embedded dataset (a link, a share link, a stored dataset)? */
export function opensElsewhere(search: string, hash: string): boolean {
  const { dataset, file } = readAddress(search);
  return file !== null || isShareHash(hash) || (dataset !== 'full' && dataset !== 'shown');
}

// ---- The address bar (the only writer) ----

export type HistoryMode = 'push' | 'replace';

/** One write to the address bar: a query string, the hash to keep (the current one when absent), push or replace. */
export interface AddressWrite {
  search: string;
  hash?: string;
  mode: HistoryMode;
}

/** Writes the address bar. The history state object is kept (the app keeps none of its own there). */
export function commitAddress(write: AddressWrite): void {
  const hash = write.hash ?? window.location.hash;
  const href = `${window.location.pathname}${write.search}${hash}`;
  if (write.mode === 'push') window.history.pushState(window.history.state, '', href);
  else window.history.replaceState(window.history.state, '', href);
}

/** Replaces the current entry's query when it differs (lens steps, options, the stage view). */
export function replaceSearch(search: string): void {
  if (search !== window.location.search) commitAddress({ search, mode: 'replace' });
}
