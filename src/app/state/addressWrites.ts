/**
 * What an action writes to the address bar, as a pure function of the action, the states before and after it and
 * the current address (unit-tested in node). The store hands the writes to `commitAddress`.
 *
 * A new history entry (push) for what back/forward should step through: a selection, a drill, a workspace opened
 * on the page (when its dataset, file or selection differs). Lens steps, option changes and opening from the address
 * replace the current entry.
 */
import type { AppState } from './appState';
import type { AppAction } from './reducer';
import { isNewEntry, isShareHash, readAddress, withAlgorithms, withDrill, withFile, withLens, withSelection, type AddressWrite } from './urlCodec';

export interface Location {
  search: string;
  hash: string;
}

/** The `file` parameter for a workspace opened on the page: the link it was read from, if any (kept for one made from a link). */
function fileParam(next: AppState, currentSearch: string): string | null {
  const ws = next.workspace;
  if (ws.sourceUrl) return ws.sourceUrl;
  return ws.origin === 'link' ? readAddress(currentSearch).file : null;
}

export function addressWrites(action: AppAction, prev: AppState, next: AppState, at: Location): AddressWrite[] {
  const replaceIfChanged = (search: string): AddressWrite[] => (search !== at.search ? [{ search, mode: 'replace' }] : []);
  const optionsWrite = (search: string) => (next.options !== prev.options ? withAlgorithms(search, next.options) : search);
  switch (action.type) {
    case 'select': {
      const search = withSelection(at.search, next.dataset, next.selection);
      return search !== at.search ? [{ search, mode: action.replace ? 'replace' : 'push' }] : [];
    }
    case 'setLens':
      return replaceIfChanged(withLens(at.search, next.lens));
    case 'setOptions':
      return replaceIfChanged(optionsWrite(at.search));
    case 'drillInto':
      return [{ search: withDrill(at.search, next.drill), mode: 'push' }];
    case 'openWorkspace': {
      if (action.via === 'address') {
        let search = next.lens !== prev.lens ? withLens(at.search, next.lens) : at.search;
        if (next.selection !== prev.selection) search = withSelection(search, next.dataset, next.selection);
        return replaceIfChanged(optionsWrite(search));
      }
      let search = withFile(at.search, fileParam(next, at.search));
      search = withDrill(search, null);
      search = withLens(search, next.lens);
      search = withSelection(search, next.dataset, next.selection);
      search = optionsWrite(search);
      // A share link's hash describes the workspace it opened, not this one.
      const hash = isShareHash(at.hash) ? '' : at.hash;
      return [{ search, hash, mode: isNewEntry(at.search, search) && !action.replace ? 'push' : 'replace' }];
    }
    case 'setTheme':
    case 'notify':
    case 'focus':
    case 'addressChanged':
      return [];
  }
}
