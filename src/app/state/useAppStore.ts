import { useEffect, useMemo, useState } from 'react';
import type { Theme } from '../../graph/palette';
import type { BuildOptions } from '../../graph/types';
import type { LensState } from '../../lenses/types';
import type { Selection } from '../../model/view';
import type { Workspace } from '../workspace';
import { initialAppState, type AppState } from './appState';
import { createAppStore, type AddressBar, type AppStore } from './store';
import { commitAddress, presentAlgorithms, readAddress } from './urlCodec';

/** The named actions the page and the toolbar features call. */
export interface AppActions {
  /** Opens a workspace chosen on the page: lens filters and drill are reset (see `OpenedVia`). */
  openWorkspace: (ws: Workspace, opts?: { replace?: boolean }) => void;
  /** Opens the workspace the address bar names (on load, back/forward): its lens, drill and selection stay. */
  openFromAddress: (ws: Workspace) => void;
  select: (selection: Selection, opts?: { replace?: boolean; focus?: string[] }) => void;
  setLens: (lens: LensState) => void;
  setOptions: (options: Partial<BuildOptions>) => void;
  drillInto: (drill: string | null) => void;
  setTheme: (theme: Theme) => void;
  notify: (text: string, kind?: 'info' | 'error') => void;
  dismissMessage: () => void;
  focus: (nodes: string[]) => void;
  /** Back/forward: selection, lenses and drill follow the address bar. */
  addressChanged: () => void;
}

const windowAddressBar: AddressBar = {
  location: () => ({ search: window.location.search, hash: window.location.hash }),
  commit: commitAddress,
};

function savedTheme(): Theme {
  const saved = localStorage.getItem('coauthor-atlas:theme');
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function actionsOf(store: AppStore): AppActions {
  const { dispatch } = store;
  return {
    openWorkspace: (workspace, opts) => dispatch({ type: 'openWorkspace', workspace, via: 'user', replace: opts?.replace }),
    openFromAddress: (workspace) =>
      dispatch({ type: 'openWorkspace', workspace, via: 'address', addressAlgorithms: presentAlgorithms(window.location.search) }),
    select: (selection, opts) => dispatch({ type: 'select', selection, replace: opts?.replace, focus: opts?.focus }),
    setLens: (lens) => dispatch({ type: 'setLens', lens }),
    setOptions: (options) => dispatch({ type: 'setOptions', options }),
    drillInto: (drill) => dispatch({ type: 'drillInto', drill }),
    setTheme: (theme) => dispatch({ type: 'setTheme', theme }),
    notify: (text, kind = 'info') => dispatch({ type: 'notify', message: { text, kind } }),
    dismissMessage: () => dispatch({ type: 'notify', message: null }),
    focus: (nodes) => dispatch({ type: 'focus', nodes }),
    addressChanged: () => dispatch({ type: 'addressChanged', address: readAddress(window.location.search) }),
  };
}

/** The App's store (created once per App instance), its state and its actions. */
export function useAppStore(): { state: AppState; actions: AppActions; store: AppStore } {
  const [store] = useState(() => createAppStore(initialAppState(window.location.search, window.location.hash, savedTheme()), windowAddressBar));
  // A plain state update on each change, not useSyncExternalStore: React then renders a change that comes from a
  // worker's message or a promise in a task of its own, as it did when this state was useState. useSyncExternalStore
  // renders every change synchronously at the end of the task that dispatched it: opening ACL's graph file added the
  // whole render to the worker message's task (longest task 333 ms against 135 ms on the overview, 2.9 s against
  // 2.0 s on the whole graph; npm run bench:browser).
  const [, setVersion] = useState(0);
  const state = store.getState();
  useEffect(() => {
    const unsubscribe = store.subscribe(() => setVersion((v) => v + 1));
    // A change between the first render and this subscription (a child's effect dispatching) is rendered now.
    if (store.getState() !== state) setVersion((v) => v + 1);
    return unsubscribe;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);
  const actions = useMemo(() => actionsOf(store), [store]);
  return { state, actions, store };
}
