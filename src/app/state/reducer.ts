/**
 * The app's actions, as a pure reducer (unit-tested in node: tests/unit/app-state.test.ts). What each action writes
 * to the address bar is `addressWrites.ts`'s job; the store (store.ts) runs both.
 */
import type { AlgorithmOptions } from '../../graph/algorithms';
import type { Theme } from '../../graph/palette';
import { checkedBuildOptions, type BuildOptions } from '../../graph/types';
import { DEFAULT_LENS, type LensState } from '../../lenses/types';
import type { Selection } from '../../model/view';
import type { Workspace } from '../workspace';
import { datasetParamOf, type AppMessage, type AppState } from './appState';
import type { Address } from './urlCodec';

/**
 * How a workspace was asked for. 'user': a choice on the page (embedded dataset, import, paste, stored dataset,
 * OpenAlex author or field, a link opened on the page, a snapshot file, a merge); the lens filters and the drill made
 * for the previous data are dropped. 'address': the address bar named it (on load, or back/forward): the lens, drill
 * and selection the address carries stay, and its layout and clustering win over the workspace's.
 */
export type OpenedVia = 'user' | 'address';

export type AppAction =
  | { type: 'openWorkspace'; workspace: Workspace; via: OpenedVia; replace?: boolean; addressAlgorithms?: Partial<AlgorithmOptions> }
  | { type: 'select'; selection: Selection; replace?: boolean; focus?: string[] }
  | { type: 'setLens'; lens: LensState }
  | { type: 'setOptions'; options: Partial<BuildOptions> }
  | { type: 'drillInto'; drill: string | null }
  | { type: 'setTheme'; theme: Theme }
  | { type: 'notify'; message: AppMessage | null }
  | { type: 'focus'; nodes: string[] }
  | { type: 'addressChanged'; address: Address };

/** Filters made for the previous data would hide the new one; colour, size and unit carry over, the map lens comes with the workspace. */
export function lensForNewWorkspace(previous: LensState, ws: Workspace): LensState {
  return {
    ...DEFAULT_LENS,
    colorBy: previous.colorBy,
    sizeBy: previous.sizeBy,
    unit: previous.unit,
    normalization: ws.lens?.normalization ?? previous.normalization,
    topStrength: ws.lens?.topStrength,
    // How many lines are drawn is a drawing preference, like colour and size: it carries over unless the workspace brings one.
    maxLines: ws.lens?.maxLines ?? previous.maxLines,
  };
}

const nextFocus = (state: AppState, nodes: string[]) => ({ nodes, nonce: (state.focusRequest?.nonce ?? 0) + 1 });

function openWorkspace(state: AppState, action: Extract<AppAction, { type: 'openWorkspace' }>): AppState {
  const ws = action.workspace;
  if (action.via === 'address') {
    return {
      ...state,
      workspace: ws,
      options: ws.options ? checkedBuildOptions({ ...ws.options, ...action.addressAlgorithms }) : state.options,
      lens: ws.lens && (ws.lens.normalization || ws.lens.topStrength || ws.lens.maxLines) ? { ...state.lens, ...ws.lens } : state.lens,
      // A share link or snapshot brings its own selection.
      selection: ws.selection ?? state.selection,
    };
  }
  return {
    ...state,
    workspace: ws,
    options: ws.options ? checkedBuildOptions(ws.options) : state.options,
    lens: lensForNewWorkspace(state.lens, ws),
    drill: null,
    dataset: datasetParamOf(ws),
    selection: ws.selection ?? null,
    focusRequest: ws.selection ? null : state.focusRequest,
  };
}

export function appReducer(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'openWorkspace':
      return openWorkspace(state, action);
    case 'select':
      return { ...state, selection: action.selection, focusRequest: action.focus ? nextFocus(state, action.focus) : state.focusRequest };
    case 'setLens':
      return { ...state, lens: action.lens };
    case 'setOptions':
      return { ...state, options: checkedBuildOptions({ ...state.options, ...action.options }) };
    case 'drillInto':
      return { ...state, drill: action.drill };
    case 'setTheme':
      return action.theme === state.theme ? state : { ...state, theme: action.theme };
    case 'notify':
      return { ...state, message: action.message };
    case 'focus':
      return { ...state, focusRequest: nextFocus(state, action.nodes) };
    case 'addressChanged':
      // Back/forward: the selection, the lenses and the drill follow the address (the workspace is opened apart, see useOpenFromAddress).
      return { ...state, dataset: action.address.dataset, selection: action.address.selection, lens: action.address.lens, drill: action.address.drill };
  }
}
