import { describe, expect, it } from 'vitest';
import { DEFAULT_ALGORITHMS } from '../../src/graph/algorithms';
import { DEFAULT_LENS } from '../../src/lenses/types';
import {
  isNewEntry,
  linkAddress,
  opensElsewhere,
  readAddress,
  withDataset,
  withDrill,
  withLens,
  withStageView,
  writeAddress,
  type Address,
} from '../../src/app/state/urlCodec';

const BASE: Address = {
  dataset: 'full',
  file: null,
  selection: null,
  lens: { ...DEFAULT_LENS },
  algorithms: { ...DEFAULT_ALGORITHMS },
  drill: null,
  view: 'network',
};

/** One address per parameter the app owns, each differing from the defaults in that parameter alone. */
const ONE_EACH: [string, Partial<Address>][] = [
  ['dataset', { dataset: 'shown' }],
  ['dataset (stored id)', { dataset: 'import-1a2b' }],
  ['file', { file: 'https://example.org/papers.bib?x=1&y=2' }],
  ['author', { selection: { kind: 'author', key: 'yuchen hao' } }],
  ['pair', { selection: { kind: 'pair', a: 'jay li', b: 'quanyu zhu' } }],
  ['paper', { selection: { kind: 'paper', id: 'arXiv:2101.00001' } }],
  ['cluster', { selection: { kind: 'cluster', community: 3 } }],
  ['affiliation', { selection: { kind: 'affiliation', node: 'f:mit' } }],
  ['country', { selection: { kind: 'country', code: 'DE' } }],
  ['years', { lens: { ...DEFAULT_LENS, years: [2019, 2023] } }],
  ['cat', { lens: { ...DEFAULT_LENS, categories: ['cs.LG', 'stat.ML'] } }],
  ['venue', { lens: { ...DEFAULT_LENS, venues: ['ACL', 'EMNLP'] } }],
  ['minPapers', { lens: { ...DEFAULT_LENS, minPapers: 3 } }],
  ['minShared', { lens: { ...DEFAULT_LENS, minShared: 2 } }],
  ['lcc', { lens: { ...DEFAULT_LENS, largestComponent: true } }],
  ['aff', { lens: { ...DEFAULT_LENS, affiliation: 'Tsinghua University' } }],
  ['color', { lens: { ...DEFAULT_LENS, colorBy: 'firstYear' } }],
  ['size', { lens: { ...DEFAULT_LENS, sizeBy: 'coauthors' } }],
  ['ego', { lens: { ...DEFAULT_LENS, egoDepth: 2 } }],
  ['path', { lens: { ...DEFAULT_LENS, path: ['jay li', 'quanyu zhu'] } }],
  ['unit', { lens: { ...DEFAULT_LENS, unit: 'institution' } }],
  ['norm', { lens: { ...DEFAULT_LENS, normalization: 'association' } }],
  ['top', { lens: { ...DEFAULT_LENS, topStrength: 500 } }],
  ['layout', { algorithms: { ...DEFAULT_ALGORITHMS, layout: 'vos' } }],
  ['clusters + resolution', { algorithms: { ...DEFAULT_ALGORITHMS, clustering: 'leiden', resolution: 1.5 } }],
  ['drill (a cluster)', { drill: '7' }],
  ['drill (all)', { drill: 'all' }],
  ['view', { view: 'density' }],
];

describe('URL codec', () => {
  it('reads the defaults from an empty address, and writes them as an empty query', () => {
    expect(readAddress('')).toEqual(BASE);
    expect(writeAddress(BASE, '')).toBe('');
  });

  it.each(ONE_EACH)('%s round-trips (state → query → state), and only its own parameter is written', (name, part) => {
    const address = { ...BASE, ...part };
    const search = writeAddress(address, '');
    expect(search).not.toBe('');
    expect(readAddress(search)).toEqual(address);
    // Written again from what was read: the same query (canonical form).
    expect(writeAddress(readAddress(search), '')).toBe(search);
    // The parameter is named after the field (first word of the case name).
    const params = [...new URLSearchParams(search).keys()];
    for (const key of name.split(' ')[0] === 'clusters' ? ['clusters', 'resolution'] : [name.split(' ')[0]]) expect(params).toContain(key);
  });

  it('round-trips all the parameters together', () => {
    const all = ONE_EACH.reduce<Address>(
      (a, [, part]) => ({ ...a, ...part, lens: { ...a.lens, ...part.lens }, algorithms: { ...a.algorithms, ...part.algorithms } }),
      BASE,
    );
    const search = writeAddress(all, '');
    expect(readAddress(search)).toEqual(all);
  });

  it('ignores an unknown parameter when reading, and keeps it (in place) when writing', () => {
    expect(readAddress('?utm_source=mail&author=yuchen%20hao')).toEqual({ ...BASE, selection: { kind: 'author', key: 'yuchen hao' } });
    const written = writeAddress({ ...BASE, selection: { kind: 'paper', id: 'p1' }, drill: '2', view: 'density' }, '?utm_source=mail&author=x');
    expect(new URLSearchParams(written).get('utm_source')).toBe('mail');
    expect(written.startsWith('?utm_source=mail&')).toBe(true);
    expect(new URLSearchParams(written).get('author')).toBeNull();
    expect(withLens('?zz=1', { ...DEFAULT_LENS, minPapers: 2 })).toBe('?zz=1&minPapers=2');
    expect(withDrill('?zz=1&drill=3', null)).toBe('?zz=1');
    expect(withStageView('?zz=1', 'density')).toBe('?zz=1&view=density');
    expect(withDataset('?zz=1&dataset=shown', 'full')).toBe('?zz=1');
  });

  it('drops values it cannot use', () => {
    expect(readAddress('?cluster=abc&years=banana&color=nope&layout=zzz&view=map&country=Germany')).toEqual(BASE);
  });

  it('says which changes make a history entry: dataset, file and selection, not lenses or drill', () => {
    expect(isNewEntry('?years=2020', '?years=2021')).toBe(false);
    expect(isNewEntry('', '?drill=2')).toBe(false);
    expect(isNewEntry('', '?author=a')).toBe(true);
    expect(isNewEntry('?dataset=shown', '')).toBe(true);
    expect(isNewEntry('', '?file=https%3A%2F%2Fx.org%2Fa.bib')).toBe(true);
  });

  it('knows an address that opens something else than an embedded dataset, and builds a link reopen', () => {
    expect(opensElsewhere('', '')).toBe(false);
    expect(opensElsewhere('?dataset=shown', '')).toBe(false);
    expect(opensElsewhere('?dataset=import-1', '')).toBe(true);
    expect(opensElsewhere('?file=https%3A%2F%2Fx.org%2Fa.bib', '')).toBe(true);
    expect(opensElsewhere('', '#s=abc')).toBe(true);
    expect(readAddress(linkAddress('https://x.org/a.bib', 'shown'))).toMatchObject({ file: 'https://x.org/a.bib', dataset: 'shown' });
    expect(linkAddress('https://x.org/a.bib', 'full')).toBe('?file=https%3A%2F%2Fx.org%2Fa.bib');
  });
});
