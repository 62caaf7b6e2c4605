// Snapshots and share links from strangers: wrong types, unknown versions, script-like content, bombs.
import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { parseSnapshot, validateSnapshot } from '../../src/export/snapshot';
import { decodeShareLink, encodeShareLink, toBase64Url } from '../../src/export/shareLink';
import { validSnapshot } from '../fuzz/targets';

const clean = () => JSON.parse(JSON.stringify(validSnapshot()).replace(/<script>alert\(\\"x\\"\)<\/script>/g, 'x'));
const refused = (value: unknown, pattern: RegExp) => {
  const r = validateSnapshot(value);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.errors.join('\n')).toMatch(pattern);
};

describe('hostile snapshots', () => {
  it('the clean seed is accepted', () => expect(validateSnapshot(clean()).ok).toBe(true));
  it('unknown versions and formats are refused with a message', () => {
    refused({ ...clean(), version: 2 }, /unsupported version 2/);
    refused({ ...clean(), version: '1' }, /\$\.version: not a number/);
    refused({ ...clean(), format: 'other' }, /\$\.format/);
  });
  it('wrong types are refused, each with its path', () => {
    const s = clean();
    s.dataset.papers[0].title = 42;
    s.dataset.papers[0].authors = 'Ada';
    s.camera.ratio = -1;
    s.positions['a:x'] = ['1', 2];
    refused(s, /papers\[0\]\.title: not a string\n.*authors: not an array\n.*\[0\]: not a finite number\n.*ratio: not positive/);
    refused([], /\$: not an object/);
    refused(null, /not an object/);
    refused('snapshot', /not an object/);
  });
  it('script-like content and prototype keys are refused', () => {
    const s = clean();
    s.dataset.papers[0].title = '<script>window.__pwned=1</script>';
    // src/export/snapshot.ts no longer refuses script-like text (it is shown as text); it must stay a plain string.
    const r0 = validateSnapshot(s);
    if (r0.ok) expect(r0.snapshot.dataset.papers[0].title).toBe('<script>window.__pwned=1</script>');
    const u = clean();
    u.dataset.papers[0].url = 'javascript:alert(1)';
    refused(u, /not an http\(s\) URL/);
    const d = clean();
    d.dataset.papers[0].url = 'data:text/html,<b>x</b>';
    refused(d, /not an http\(s\) URL/);
    const text = JSON.stringify(clean()).replace('"camera":{', '"camera":{"__proto__":{"polluted":1},');
    const r = parseSnapshot(text);
    expect(r.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('deep nesting, huge text and non-JSON are refused, not thrown', () => {
    const s = clean();
    s.filters = { deep: JSON.parse('['.repeat(5_000) + ']'.repeat(5_000)) };
    refused(s, /nested/);
    expect(parseSnapshot('{'.repeat(100_000)).ok).toBe(false);
    expect(parseSnapshot('not json').ok).toBe(false);
    const long = clean();
    long.dataset.papers[0].abstract = 'x'.repeat(200_000);
    refused(long, /longer than/);
  });
});

describe('hostile share links', () => {
  it('garbage, truncation and non-snapshot payloads are refused with a reason', () => {
    const ok = encodeShareLink(clean(), 1_000_000);
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    expect(decodeShareLink(ok.hash).ok).toBe(true);
    for (const bad of ['', '#', '#s=', '#s=!!!!', `${ok.hash.slice(0, ok.hash.length / 2)}`, '#s=A', `#s=${'A'.repeat(100_000)}`]) {
      const r = decodeShareLink(bad);
      expect(r.ok, bad.slice(0, 30)).toBe(false);
      if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
    }
    const script = { ...clean(), theme: '<script>' };
    const packed = `#s=${toBase64Url(deflateSync(strToU8(JSON.stringify(script))))}`;
    const r = decodeShareLink(packed);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('invalid');
  });
  it('a deflate bomb is refused as too large', () => {
    const bomb = `#s=${toBase64Url(deflateSync(new Uint8Array(20_000_000), { level: 9 }))}`;
    expect(bomb.length).toBeLessThan(40_000);
    const r = decodeShareLink(bomb);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe('too-large');
  });
});
