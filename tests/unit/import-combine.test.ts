import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProfileText, parseInput } from '../../src/import';
import { combineResults, importedNothing } from '../../src/import/combine';
import type { Dataset, Paper } from '../../src/model/types';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = (name: string) => readFileSync(path.join(root, 'tests/fixtures/import', name), 'utf8');
const p = (id: string, title: string, extra: Partial<Paper> = {}): Paper => ({
  id,
  title,
  authors: [{ name: 'Ann Lee' }],
  truncated: false,
  year: 2020,
  ...extra,
});
const result = (papers: Paper[], aliases = [] as Dataset['aliases']) => ({
  papers,
  aliases,
  report: {
    format: 'bibtex' as const,
    read: papers.length,
    imported: papers.length,
    skipped: [],
    warnings: [],
    duplicatesMerged: [],
    truncated: [],
    noAuthors: [],
    noYear: [],
  },
});

describe('combining files', () => {
  it('makes ids unique across files and merges duplicates across them', () => {
    const c = combineResults([
      { fileName: 'a.bib', result: result([p('x', 'One', { doi: '10.1/a' }), p('y', 'Two')]) },
      { fileName: 'b.ris', result: result([p('x', 'Three'), p('z', 'Other title', { doi: '10.1/A' })]) },
    ]);
    expect(c.papers.map((q) => q.id)).toEqual(['x', 'y', 'x-2']);
    expect(c.merged).toEqual([
      {
        keptId: 'x',
        keptTitle: 'One',
        keptFile: 'a.bib',
        droppedFile: 'b.ris',
        droppedIndex: 1,
        droppedTitle: 'Other title',
        by: 'doi',
        authorsAdded: 0,
      },
    ]);
    expect(c.files.map((f) => [f.report.imported, f.report.duplicatesMerged.length])).toEqual([
      [2, 0],
      [1, 1],
    ]);
    expect(c.added).toBe(3);
    expect(c.files.map((f) => f.fileName)).toEqual(['a.bib', 'b.ris']);
  });
  it('appends to a base dataset without changing its papers, and counts what was added', () => {
    const base = [p('x', 'One', { doi: '10.1/a' })];
    const c = combineResults(
      [{ fileName: 'more.bib', result: result([p('x', 'One again', { doi: '10.1/a', venue: 'V' }), p('n', 'New')], [{ from: 'A', to: 'B' }]) }],
      { papers: base, aliases: [{ from: 'C', to: 'D' }] },
    );
    expect(c.papers.map((q) => q.id)).toEqual(['x', 'n']);
    expect(c.papers[0].venue).toBe('V');
    expect(base[0].venue).toBeUndefined();
    expect(c.added).toBe(1);
    expect(c.aliases).toEqual([
      { from: 'C', to: 'D' },
      { from: 'A', to: 'B' },
    ]);
  });
  it('says when an import brought nothing to open: no papers, or only duplicates of the base and no new alias', () => {
    const base = { papers: [p('x', 'One', { doi: '10.1/a' })], aliases: [{ from: 'C', to: 'D' }] };
    const empty = combineResults([{ fileName: 'empty.bib', result: result([]) }]);
    expect(importedNothing(empty)).toBe(true);
    const duplicate = combineResults([{ fileName: 'again.bib', result: result([p('x', 'One again', { doi: '10.1/a' })]) }], base);
    expect(duplicate.added).toBe(0);
    expect(importedNothing(duplicate, base.aliases.length)).toBe(true);
    const newAlias = combineResults([{ fileName: 'again.bib', result: result([p('x', 'One again', { doi: '10.1/a' })], [{ from: 'A', to: 'B' }]) }], base);
    expect(importedNothing(newAlias, base.aliases.length)).toBe(false);
    const newPaper = combineResults([{ fileName: 'new.bib', result: result([p('n', 'New')]) }], base);
    expect(importedNothing(newPaper, base.aliases.length)).toBe(false);
    expect(importedNothing(combineResults([{ fileName: 'a.bib', result: result([p('y', 'Two')]) }]))).toBe(false);
  });
  it('a broken browser-test fixture keeps its good records and reports the bad ones by line', () => {
    const text = fixture('e2e-broken.bib');
    const r = parseInput(text, null, { fileName: 'e2e-broken.bib' });
    const lines = text.split('\r\n');
    expect(r.papers.map((q) => q.id)).toEqual(['good1', 'good2']);
    expect(r.report.skipped.map((s) => s.line)).toEqual([
      lines.findIndex((l) => l.startsWith('@article{notitle')) + 1,
      lines.findIndex((l) => l.startsWith('@article{broken')) + 1,
    ]);
  });
});

describe('browser-test fixtures', () => {
  it('profile-shown.txt is the embedded profile’s text as formatProfileText writes it', () => {
    const shown = JSON.parse(fixture('../../../data/profile-shown.json')) as Dataset;
    expect(fixture('profile-shown.txt')).toBe(formatProfileText(shown, { referenceYear: 2026 }));
  });
  it('the library fixtures parse completely', () => {
    expect(parseInput(fixture('e2e-library.bib')).report).toMatchObject({ read: 6, imported: 6, skipped: [] });
    expect(parseInput(fixture('e2e-library.csl.json')).report).toMatchObject({ read: 4, imported: 4, skipped: [] });
  });
});
