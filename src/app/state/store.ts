/**
 * The store: one per App (no module-level singleton), read through `useAppStore` (a re-render per change). `dispatch` runs the pure
 * reducer, then writes the address bar as `addressWrites` says. The address bar is passed in, so the store runs in
 * node with a stand-in (tests/unit/app-state-store.test.ts).
 */
import { addressWrites, type Location } from './addressWrites';
import type { AppState } from './appState';
import { appReducer, type AppAction } from './reducer';
import type { AddressWrite } from './urlCodec';

export interface AddressBar {
  location: () => Location;
  commit: (write: AddressWrite) => void;
}

export interface AppStore {
  getState: () => AppState;
  subscribe: (listener: () => void) => () => void;
  dispatch: (action: AppAction) => void;
}

export function createAppStore(initial: AppState, addressBar: AddressBar): AppStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispatch(action) {
      const prev = state;
      const next = appReducer(prev, action);
      if (next === prev) return;
      state = next;
      for (const write of addressWrites(action, prev, next, addressBar.location())) {
        addressBar.commit(write);
      }
      listeners.forEach((l) => l());
    },
  };
}
