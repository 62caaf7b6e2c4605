import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { createSnapshot, parseSnapshot, serializeSnapshot, validateSnapshot, type Snapshot } from '../../src/export/snapshot';
import { decodeShareLink, encodeShareLink, fromBase64Url, SHARE_HASH_MAX_CHARS, toBase64Url } from '../../src/export/shareLink';
import { DEFAULT_BUILD_OPTIONS } from '../../src/graph/types';
import type { Paper } from '../../src/model/types';
import { sampleDataset } from '../fixtures/graphfile/sample';

function snapshot(): Snapshot {
  return createSnapshot({
    createdAt: '2025-01-02T03:04:05.000Z',
    dataset: sampleDataset(),
    options: { ...DEFAULT_BUILD_OPTIONS },
    merges: [{ from: 'A. Lovelace', to: 'Ada Lovelace' }],
    positions: { 'a:ada lovelace': [1.5, -2.25], 'p:p3': [0, 0] },
    camera: { x: 0.5, y: 0.5, ratio: 1.2, angle: 0 },
    filters: { minWeight: 2, communities: [0, 1], search: 'ada', yearRange: { from: 2019, to: null } },
    selection: { kind: 'author', key: 'ada lovelace' },
    theme: 'dark',
  });
}

const errorsOf = (value: unknown) => {
  const r = validateSnapshot(value);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.errors.join('\n');
};

describe('snapshot', () => {
  it('round-trips through JSON', () => {
    const s = snapshot();
    expect(s).toMatchObject({ format: 'coauthor-atlas-snapshot', version: 1 });
    const r = parseSnapshot(serializeSnapshot(s));
    expect(r).toEqual({ ok: true, snapshot: s });
    expect(validateSnapshot({ ...s, selection: null, theme: undefined }).ok).toBe(true);
  });

  it('refuses wrong types with paths', () => {
    const s = snapshot() as unknown as Record<string, unknown>;
    expect(errorsOf({ ...s, camera: { x: '0', y: 0, ratio: 1, angle: 0 } })).toContain('$.camera.x: not a finite number');
    expect(errorsOf({ ...s, camera: { x: 0, y: 0, ratio: 0, angle: 0 } })).toContain('$.camera.ratio: not positive');
    expect(errorsOf({ ...s, positions: { a: [1] } })).toContain('not an [x, y] pair');
    expect(errorsOf({ ...s, options: { ...DEFAULT_BUILD_OPTIONS, counting: 'half' } })).toContain('$.options.counting');
    expect(errorsOf({ ...s, selection: { kind: 'edge', id: 'x' } })).toContain('$.selection.kind');
    expect(errorsOf({ ...s, merges: 'none' })).toContain('$.merges: not an array');
    const ds = sampleDataset();
    (ds.papers[0] as unknown as Record<string, unknown>).truncated = 'no';
    expect(errorsOf({ ...s, dataset: ds })).toContain('$.dataset.papers[0].truncated: not a boolean');
    expect(errorsOf({ ...s, createdAt: 'yesterday' })).toContain('$.createdAt: not a date');
    expect(errorsOf('x')).toContain('not an object');
    expect(parseSnapshot('{oops')).toMatchObject({ ok: false, errors: [expect.stringContaining('not JSON')] });
  });

  it('refuses unknown versions and formats', () => {
    const s = snapshot();
    expect(errorsOf({ ...s, version: 2 })).toContain('unsupported version 2');
    expect(errorsOf({ ...s, version: '1' })).toContain('$.version');
    expect(errorsOf({ ...s, format: 'other' })).toContain('$.format');
  });

  it('refuses unknown and missing keys', () => {
    const s = snapshot();
    expect(errorsOf({ ...s, extra: 1 })).toContain('$.extra: unknown key');
    expect(errorsOf({ ...s, camera: { ...s.camera, zoom: 2 } })).toContain('$.camera.zoom: unknown key');
    const p: Paper & { html?: string } = { ...sampleDataset().papers[0], html: '<b>' };
    expect(errorsOf({ ...s, dataset: { ...s.dataset, papers: [p] } })).toContain('$.dataset.papers[0].html: unknown key');
    const { camera: _camera, ...noCamera } = s;
    expect(errorsOf(noCamera)).toContain('$.camera: missing');
  });

  it('refuses prototype-pollution keys anywhere', () => {
    const text = serializeSnapshot(snapshot());
    const polluted = text.replace('"filters":{', '"filters":{"__proto__":{"polluted":true},');
    const r = parseSnapshot(polluted);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toContain('$.filters.__proto__: forbidden key');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const deep = text.replace('"camera":{', '"camera":{"constructor":{"prototype":{}},');
    expect(parseSnapshot(deep).ok).toBe(false);
    // An object whose prototype is not Object.prototype is not plain data.
    expect(errorsOf({ ...snapshot(), filters: Object.create({ evil: 1 }) })).toContain('not a plain object');
  });

  it('enforces length limits and keeps text as text', () => {
    const s = snapshot();
    expect(errorsOf({ ...s, dataset: { ...s.dataset, title: 'x'.repeat(10_000) } })).toContain('$.dataset.title: longer than');
    const js = { ...s.dataset.papers[0], url: 'javascript:alert(1)' };
    expect(errorsOf({ ...s, dataset: { ...s.dataset, papers: [js] } })).toContain('not an http(s) URL');
    const script = { ...s.dataset.papers[0], title: '<script>alert(1)</script>' };
    const ok = validateSnapshot({ ...s, dataset: { ...s.dataset, papers: [script] } });
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(ok.snapshot.dataset.papers[0].title).toBe('<script>alert(1)</script>');
  });
});

describe('share link', () => {
  it('base64url round-trips every length', () => {
    for (let n = 0; n < 20; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n) & 255);
      const text = toBase64Url(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(Array.from(fromBase64Url(text)!)).toEqual(Array.from(bytes));
    }
    expect(toBase64Url(strToU8('hello?>'))).toBe(Buffer.from('hello?>').toString('base64url'));
    expect(fromBase64Url('a+b/')).toBeNull();
  });

  it('encodes into #s= and decodes back', () => {
    const s = snapshot();
    const enc = encodeShareLink(s);
    if (!enc.ok) throw new Error('too large');
    expect(enc.hash.startsWith('#s=')).toBe(true);
    expect(enc.hash.length).toBeLessThanOrEqual(SHARE_HASH_MAX_CHARS);
    expect(decodeShareLink(enc.hash)).toEqual({ ok: true, snapshot: s });
    expect(decodeShareLink(`https://example.org/atlas/${enc.hash}`)).toEqual({ ok: true, snapshot: s });
  });

  it('refuses a snapshot that is too large, with its size', () => {
    const s = snapshot();
    const papers: Paper[] = Array.from({ length: 400 }, (_, i) => ({
      id: `x${i}`,
      title: `Paper ${i} ${Math.sin(i).toString(36)}`,
      authors: [{ name: `Author ${(i * 7919).toString(36)}` }],
      truncated: false,
    }));
    const big = { ...s, dataset: { ...s.dataset, papers } };
    expect(validateSnapshot(big).ok).toBe(true);
    const enc = encodeShareLink(big);
    expect(enc).toMatchObject({ ok: false, reason: 'too-large', limit: SHARE_HASH_MAX_CHARS });
    if (!enc.ok) expect(enc.size).toBeGreaterThan(SHARE_HASH_MAX_CHARS);
  });

  it('refuses broken and hostile links', () => {
    expect(decodeShareLink('#x=1')).toMatchObject({ ok: false, reason: 'no-snapshot' });
    expect(decodeShareLink('#s=@@@')).toMatchObject({ ok: false, reason: 'bad-encoding' });
    expect(decodeShareLink('#s=AAAA')).toMatchObject({ ok: false });
    const notSnapshot = '#s=' + toBase64Url(deflateSync(strToU8('{"__proto__":{"x":1}}')));
    expect(decodeShareLink(notSnapshot)).toMatchObject({ ok: false, reason: 'invalid' });
    // A small link that inflates to a huge text is cut off.
    const bomb = '#s=' + toBase64Url(deflateSync(new Uint8Array(20_000_000).fill(32), { level: 9 }));
    expect(bomb.length).toBeLessThan(SHARE_HASH_MAX_CHARS * 4);
    expect(decodeShareLink(bomb)).toMatchObject({ ok: false, reason: 'too-large' });
  });
});
