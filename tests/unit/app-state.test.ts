import { describe, expect, it } from 'vitest';
import { DEFAULT_BUILD_OPTIONS } from '../../src/graph/types';
import { DEFAULT_LENS } from '../../src/lenses/types';
import { datasetParamOf, initialAppState, STATE_FIELDS, type AppState } from '../../src/app/state/appState';
import { appReducer, type AppAction } from '../../src/app/state/reducer';
import { embeddedWorkspace, type Workspace } from '../../src/app/workspace';

const start = (search = '', hash = ''): AppState => initialAppState(search, hash, 'light');
const run = (state: AppState, ...actions: AppAction[]) => actions.reduce(appReducer, state);

const imported: Workspace = {
  id: 'import-1',
  dataset: { id: 'import-1', title: 'Mine', papers: [], aliases: [] },
  origin: 'import',
  options: { allPapersAsHubs: true },
};
const linked: Workspace = {
  id: 'link-1',
  dataset: { id: 'link-1', title: 'Linked', papers: [], aliases: [] },
  origin: 'link',
  sourceUrl: 'https://x.org/a.bib',
};

describe('initial state', () => {
  it('comes from the address: dataset, selection, lens, options, drill', () => {
    const s = start('?dataset=shown&author=yuchen%20hao&years=2020-2022&color=firstYear&layout=vos&drill=4');
    expect(s.workspace.id).toBe(embeddedWorkspace('shown').id);
    expect(s.dataset).toBe('shown');
    expect(s.selection).toEqual({ kind: 'author', key: 'yuchen hao' });
    expect(s.lens).toEqual({ ...DEFAULT_LENS, years: [2020, 2022], colorBy: 'firstYear' });
    expect(s.options).toEqual({ ...DEFAULT_BUILD_OPTIONS, layout: 'vos' });
    expect(s.drill).toBe('4');
    expect(s.theme).toBe('light');
  });

  it('waits (loading workspace) when the address opens something else: a stored dataset, a link, a share link', () => {
    expect(start('?dataset=import-1').workspace.id).toBe('loading');
    expect(start('?file=https%3A%2F%2Fx.org%2Fa.bib').workspace.id).toBe('loading');
    expect(start('', '#s=abc').workspace.id).toBe('loading');
    expect(start().workspace.id).toBe(embeddedWorkspace('full').id);
  });

  it('has a home for every field', () => {
    const s = start();
    expect(Object.keys(STATE_FIELDS).sort()).toEqual(Object.keys(s).sort());
    for (const homes of Object.values(STATE_FIELDS)) expect(homes.length).toBeGreaterThan(0);
  });
});

describe('openWorkspace', () => {
  const busy = start('?author=yuchen%20hao&years=2020-2022&minPapers=3&color=firstYear&size=coauthors&unit=institution&norm=association&drill=2');

  it('from the page: resets the lens filters and the drill, keeps colour, size, unit and the map normalisation', () => {
    const s = run(busy, { type: 'openWorkspace', workspace: imported, via: 'user' });
    expect(s.workspace).toBe(imported);
    expect(s.lens).toEqual({ colorBy: 'firstYear', sizeBy: 'coauthors', unit: 'institution', normalization: 'association', topStrength: undefined });
    expect(s.drill).toBeNull();
    expect(s.selection).toBeNull();
    expect(s.dataset).toBe('import-1');
    expect(s.options.allPapersAsHubs).toBe(true);
  });

  it('from the page, whatever the source (embedded, import, link, snapshot): the same reset', () => {
    const snapshot: Workspace = { ...imported, id: 'snap', origin: 'snapshot', selection: { kind: 'paper', id: 'p1' }, lens: { topStrength: 10 } };
    for (const ws of [embeddedWorkspace('shown'), imported, linked, snapshot]) {
      const s = run(busy, { type: 'openWorkspace', workspace: ws, via: 'user' });
      expect(s.drill).toBeNull();
      expect(s.lens.years).toBeUndefined();
      expect(s.lens.minPapers).toBeUndefined();
      expect(s.dataset).toBe(datasetParamOf(ws));
      expect(s.selection).toEqual(ws.selection ?? null);
    }
    expect(run(busy, { type: 'openWorkspace', workspace: snapshot, via: 'user' }).lens.topStrength).toBe(10);
  });

  it('from the address: keeps the lens, drill and selection the address carries; its layout wins over the workspace’s', () => {
    const s = run(busy, {
      type: 'openWorkspace',
      workspace: { ...imported, options: { layout: 'forceatlas2', allPapersAsHubs: true } },
      via: 'address',
      addressAlgorithms: { layout: 'vos' },
    });
    expect(s.lens).toBe(busy.lens);
    expect(s.drill).toBe('2');
    expect(s.selection).toEqual({ kind: 'author', key: 'yuchen hao' });
    expect(s.options.layout).toBe('vos');
    expect(s.options.allPapersAsHubs).toBe(true);
    // A share link brings its selection and map lens.
    const shared = run(busy, {
      type: 'openWorkspace',
      workspace: { ...linked, selection: { kind: 'cluster', community: 1 }, lens: { topStrength: 9 } },
      via: 'address',
    });
    expect(shared.selection).toEqual({ kind: 'cluster', community: 1 });
    expect(shared.lens).toEqual({ ...busy.lens, topStrength: 9 });
  });
});

describe('the other actions', () => {
  it('select, with a camera request when asked (numbered, so the same nodes can be asked twice)', () => {
    const a = run(start(), { type: 'select', selection: { kind: 'author', key: 'a' }, focus: ['a:a'] });
    expect(a.selection).toEqual({ kind: 'author', key: 'a' });
    expect(a.focusRequest).toEqual({ nodes: ['a:a'], nonce: 1 });
    const b = run(a, { type: 'select', selection: { kind: 'author', key: 'a' }, focus: ['a:a'] });
    expect(b.focusRequest).toEqual({ nodes: ['a:a'], nonce: 2 });
    expect(run(b, { type: 'select', selection: null }).focusRequest).toBe(b.focusRequest);
  });

  it('setLens, setOptions (checked and merged), drillInto, setTheme, notify', () => {
    const s = run(
      start(),
      { type: 'setLens', lens: { ...DEFAULT_LENS, minShared: 2 } },
      { type: 'setOptions', options: { layout: 'vos' } },
      { type: 'setOptions', options: { resolution: 2 } },
      { type: 'drillInto', drill: '5' },
      { type: 'setTheme', theme: 'dark' },
      { type: 'notify', message: { text: 'hi', kind: 'error' } },
    );
    expect(s.lens.minShared).toBe(2);
    expect(s.options).toMatchObject({ layout: 'vos', resolution: 2 });
    expect(s.drill).toBe('5');
    expect(s.theme).toBe('dark');
    expect(s.message).toEqual({ text: 'hi', kind: 'error' });
    expect(run(s, { type: 'notify', message: null }).message).toBeNull();
    expect(run(s, { type: 'setTheme', theme: 'dark' })).toBe(s);
  });

  it('back/forward: selection, lens, drill and dataset follow the address; the workspace is opened apart', () => {
    const s = start('?author=a&years=2020');
    const address = {
      dataset: 'shown',
      file: null,
      selection: { kind: 'paper' as const, id: 'p' },
      lens: { ...DEFAULT_LENS, minPapers: 2 },
      algorithms: s.options,
      drill: 'all',
      view: 'network' as const,
    };
    const next = run(s, { type: 'addressChanged', address });
    expect(next).toMatchObject({ dataset: 'shown', selection: address.selection, lens: address.lens, drill: 'all' });
    expect(next.workspace).toBe(s.workspace);
  });
});
