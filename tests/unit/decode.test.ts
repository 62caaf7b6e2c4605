import { describe, expect, it } from 'vitest';
import { decodeText, sniffEncoding } from '../../src/import/decode';

const TEXT = 'PT\tAU\tTI\nJ\tGómez, J\tÜber Straße — 研究\n';

/** The test's own encoders (Node's Buffer), with and without a BOM. */
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const utf16le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
const utf16be = (s: string) => {
  const le = utf16le(s);
  const be = new Uint8Array(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return be;
};
const withBom = (bom: number[], bytes: Uint8Array) => new Uint8Array([...bom, ...bytes]);

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM, dropping the BOM', () => {
    expect(decodeText(utf8(TEXT))).toEqual({ text: TEXT, encoding: 'utf-8', bom: false });
    expect(decodeText(withBom([0xef, 0xbb, 0xbf], utf8(TEXT)))).toEqual({ text: TEXT, encoding: 'utf-8', bom: true });
  });

  it('reads UTF-16 LE and BE by their BOMs', () => {
    expect(decodeText(withBom([0xff, 0xfe], utf16le(TEXT)))).toEqual({ text: TEXT, encoding: 'utf-16le', bom: true });
    expect(decodeText(withBom([0xfe, 0xff], utf16be(TEXT)))).toEqual({ text: TEXT, encoding: 'utf-16be', bom: true });
  });

  it('tells UTF-16 without a BOM by its NUL bytes', () => {
    expect(decodeText(utf16le(TEXT))).toEqual({ text: TEXT, encoding: 'utf-16le', bom: false });
    expect(decodeText(utf16be(TEXT))).toEqual({ text: TEXT, encoding: 'utf-16be', bom: false });
  });

  it('does not take UTF-8 text in a script without ASCII for UTF-16', () => {
    const cjk = '共著ネットワークの研究。'.repeat(50);
    expect(decodeText(utf8(cjk))).toEqual({ text: cjk, encoding: 'utf-8', bom: false });
  });

  it('keeps going on bad bytes and empty input', () => {
    expect(decodeText(new Uint8Array([0x41, 0xff, 0x42])).text).toBe('A\uFFFDB');
    expect(decodeText(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8', bom: false });
    expect(decodeText(new Uint8Array([0xff, 0xfe])).text).toBe('');
  });

  it('sniffs from the head alone', () => {
    expect(sniffEncoding(utf16le('PT\tAU').subarray(0, 4))).toEqual({ encoding: 'utf-16le', bom: false });
    expect(sniffEncoding(utf8('P'))).toEqual({ encoding: 'utf-8', bom: false });
  });
});
