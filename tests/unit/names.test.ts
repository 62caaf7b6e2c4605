import { describe, expect, it } from 'vitest';
import { nameKey, searchKey } from '../../src/model/names';

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
});
