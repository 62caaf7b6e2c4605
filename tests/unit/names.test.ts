import { describe, expect, it } from 'vitest';
import { foldText, nameKey, searchKey } from '../../src/model/names';

describe('nameKey', () => {
  it('folds case, diacritics, punctuation and spacing', () => {
    expect(nameKey('Onur Çelebi')).toBe('onur celebi');
    expect(nameKey('  ONUR   çelebi ')).toBe('onur celebi');
    expect(nameKey('Jae-Woo Choi')).toBe(nameKey('Jae Woo Choi'));
    expect(nameKey('Francisco Guzmán')).toBe('francisco guzman');
  });
  it('reads "Last, First" as "First Last"', () => {
    expect(nameKey('Martín-Martín, Roberto')).toBe(nameKey('Roberto Martin Martin'));
  });
  it('keeps different full names apart', () => {
    expect(nameKey('Ellie Wen')).not.toBe(nameKey('Ellie Dingqiao Wen'));
    expect(nameKey('Adi Gangidi')).not.toBe(nameKey('Adithya Gangidi'));
    expect(nameKey('Jie Wang')).not.toBe(nameKey('Jia Wang'));
  });
  it('gives an accent-insensitive search key', () => {
    expect(searchKey('Guzmán')).toBe('guzman');
  });
  it('folds plain ASCII by its shortcut exactly as by Unicode folding', () => {
    const byUnicode = (t: string) =>
      foldText(t)
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 20_000; i++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 24) }, () => String.fromCharCode(Math.floor(random() * 128))).join('');
      expect(searchKey(text)).toBe(byUnicode(text));
    }
    expect(searchKey("  O'Brien, J.-P. (2nd) ")).toBe('o brien j p 2nd');
  });
});
