import { describe, expect, it } from 'vitest';
import { DEFAULT_LENS } from '../../src/lenses/types';
import { initialAppState } from '../../src/app/state/appState';
import { createAppStore } from '../../src/app/state/store';
import { readAddress, type AddressWrite } from '../../src/app/state/urlCodec';
import { embeddedWorkspace, type Workspace } from '../../src/app/workspace';

/** A store on a stand-in address bar that records each write, as history would. */
function storeAt(search: string, hash = '') {
  const at = { search, hash };
  const writes: AddressWrite[] = [];
  const store = createAppStore(initialAppState(search, hash, 'light'), {
    location: () => ({ ...at }),
    commit: (w) => {
      writes.push(w);
      at.search = w.search;
      if (w.hash !== undefined) at.hash = w.hash;
    },
  });
  return { store, writes, at };
}

const imported: Workspace = { id: 'import-1', dataset: { id: 'import-1', title: 'Mine', papers: [], aliases: [] }, origin: 'import' };
const linked: Workspace = { id: 'link-1', dataset: { id: 'link-1', title: 'L', papers: [], aliases: [] }, origin: 'link', sourceUrl: 'https://x.org/a.bib' };

describe('the store writes the address bar through the codec', () => {
  it('a selection is a new history entry; the same selection again writes nothing; dismissing replaces', () => {
    const { store, writes } = storeAt('?utm=1');
    store.dispatch({ type: 'select', selection: { kind: 'author', key: 'yuchen hao' } });
    expect(writes).toEqual([{ search: '?utm=1&author=yuchen+hao', mode: 'push' }]);
    store.dispatch({ type: 'select', selection: { kind: 'author', key: 'yuchen hao' } });
    expect(writes).toHaveLength(1);
    store.dispatch({ type: 'select', selection: null, replace: true });
    expect(writes[1]).toEqual({ search: '?utm=1', mode: 'replace' });
  });

  it('lens steps and option changes replace the entry; a drill pushes one; theme and messages write nothing', () => {
    const { store, writes } = storeAt('?author=a');
    store.dispatch({ type: 'setLens', lens: { ...DEFAULT_LENS, years: [2020, 2021] } });
    store.dispatch({ type: 'setOptions', options: { layout: 'vos' } });
    store.dispatch({ type: 'drillInto', drill: '3' });
    store.dispatch({ type: 'setTheme', theme: 'dark' });
    store.dispatch({ type: 'notify', message: { text: 'x', kind: 'info' } });
    expect(writes).toEqual([
      { search: '?author=a&years=2020-2021', mode: 'replace' },
      { search: '?author=a&years=2020-2021&layout=vos', mode: 'replace' },
      { search: '?author=a&years=2020-2021&layout=vos&drill=3', mode: 'push' },
    ]);
  });

  it('opening on the page: one entry with the new dataset, lens filters, drill, selection and a share hash gone', () => {
    const { store, writes, at } = storeAt('?utm=1&author=a&years=2020&color=firstYear&drill=2', '#s=abc');
    store.dispatch({ type: 'openWorkspace', workspace: imported, via: 'user' });
    expect(writes).toEqual([{ search: '?utm=1&color=firstYear&dataset=import-1', hash: '', mode: 'push' }]);
    expect(at.hash).toBe('');
    // The same dataset again (a merge, a rename): the entry is replaced.
    store.dispatch({ type: 'openWorkspace', workspace: { ...imported, dataset: { ...imported.dataset, title: 'Renamed' } }, via: 'user' });
    expect(writes[1].mode).toBe('replace');
    // Asked to replace (a snapshot opened over a share link).
    store.dispatch({ type: 'openWorkspace', workspace: embeddedWorkspace('shown'), via: 'user', replace: true });
    expect(writes[2]).toMatchObject({ search: '?utm=1&color=firstYear&dataset=shown', mode: 'replace' });
  });

  it('opening a link on the page puts it in the address (a new entry) and drops the fallback dataset', () => {
    const { store, writes } = storeAt('?dataset=shown');
    store.dispatch({ type: 'openWorkspace', workspace: linked, via: 'user' });
    expect(writes).toEqual([{ search: '?file=https%3A%2F%2Fx.org%2Fa.bib', hash: '', mode: 'push' }]);
    // Another workspace from the page (an import) leaves the link.
    store.dispatch({ type: 'openWorkspace', workspace: imported, via: 'user' });
    expect(writes[1].search).toBe('?dataset=import-1');
  });

  it('a workspace made from the linked one (a merge) keeps the link; the same dataset and file replace the entry', () => {
    const { store, writes } = storeAt('?file=https%3A%2F%2Fx.org%2Fa.bib&years=2020');
    store.dispatch({ type: 'openWorkspace', workspace: { ...linked, sourceUrl: undefined }, via: 'user' });
    expect(writes).toEqual([{ search: '?file=https%3A%2F%2Fx.org%2Fa.bib', hash: '', mode: 'replace' }]);
  });

  it('opening from the address keeps the address, and only adds what the workspace brings (selection, map lens, options)', () => {
    const { store, writes } = storeAt('?dataset=import-1&years=2020&drill=1');
    store.dispatch({ type: 'openWorkspace', workspace: imported, via: 'address' });
    expect(writes).toEqual([]);
    store.dispatch({
      type: 'openWorkspace',
      workspace: { ...imported, selection: { kind: 'paper', id: 'p1' }, lens: { topStrength: 5 }, options: { layout: 'vos' } },
      via: 'address',
    });
    // (The lens parameters are written together, after the ones they leave in place.)
    expect(writes).toEqual([{ search: '?drill=1&years=2020&top=5&dataset=import-1&paper=p1&layout=vos', mode: 'replace' }]);
    expect(store.getState().drill).toBe('1');
  });

  it('back/forward reads the address and writes nothing', () => {
    const { store, writes, at } = storeAt('?author=a');
    let heard = 0;
    store.subscribe(() => heard++);
    at.search = '?paper=p&minPapers=2';
    store.dispatch({ type: 'addressChanged', address: readAddress(at.search) });
    expect(writes).toEqual([]);
    expect(store.getState().selection).toEqual({ kind: 'paper', id: 'p' });
    expect(store.getState().lens.minPapers).toBe(2);
    expect(heard).toBe(1);
  });
});
