// Large and hostile BibTeX: the file is read in batches of whole records (see BIBTEX_LIMITS in src/import/bibtex.ts).
import { describe, expect, it } from 'vitest';
import { BIBTEX_LIMITS, parseBibtex } from '../../src/import/bibtex';

const entry = (i: number) => `@article{k${i},
  author = {Last${i}, First and Other${i % 97}, Person},
  title = {Title number ${i} about co-authorship networks},
  journal = {Journal of Tests},
  year = {${2000 + (i % 25)}},
  doi = {10.1000/test.${i}},
  abstract = {${'Some words of an abstract. '.repeat(30)}}
}
`;

function library(minChars: number): string {
  const parts: string[] = ['% generated\n@string{jt = "Journal of Tests"}\n\n'];
  let size = 0;
  for (let i = 0; size < minChars; i++) {
    const e = entry(i);
    parts.push(e, '\n');
    size += e.length + 1;
  }
  return parts.join('');
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('BibTeX: large and hostile files', () => {
  it('reads a ~5 MB file of normal entries in batches, with progress', () => {
    const text = library(5_000_000);
    const expected = (text.match(/@article\{/g) ?? []).length;
    const calls: [number, number][] = [];
    const r = parseBibtex(text, { onProgress: (d, t) => calls.push([d, t]) });
    expect(r.report.read).toBe(expected);
    expect(r.papers).toHaveLength(expected);
    expect(r.report.skipped).toEqual([]);
    expect(r.papers[expected - 1].title).toBe(`Title number ${expected - 1} about co-authorship networks`);
    expect(calls.length).toBeGreaterThan(1);
    const [done, total] = calls[calls.length - 1];
    expect(done).toBe(total);
    for (let i = 1; i < calls.length; i++) expect(calls[i][0]).toBeGreaterThanOrEqual(calls[i - 1][0]);
  });

  it('an unclosed record among good ones is skipped with its line; the rest are kept', () => {
    const good = Array.from({ length: 40 }, (_, i) => entry(i));
    const bad = '@article{broken,\n  author = {Nobody, Here},\n  title = {Never closes,\n  abstract = {' + 'x '.repeat(50_000) + '\n';
    const text = [...good.slice(0, 20), bad, ...good.slice(20)].join('\n');
    const r = parseBibtex(text);
    expect(r.papers).toHaveLength(40);
    expect(r.report.read).toBe(41);
    expect(r.report.skipped).toHaveLength(1);
    expect(r.report.skipped[0].line).toBe(lineOf(text, '@article{broken'));
  });

  it('a 1,000,000-character abstract: the call returns; the entry is skipped with a reason (or kept whole)', () => {
    const huge = `@article{huge,\n  author = {Big, Abstract},\n  title = {Huge},\n  abstract = {${'lorem ipsum '.repeat(83_334).slice(0, 1_000_000)}}\n}\n`;
    const text = `${entry(1)}\n${huge}\n${entry(2)}`;
    const r = parseBibtex(text);
    expect(r.papers.map((p) => p.id).sort()).toEqual(expect.arrayContaining(['k1', 'k2']));
    const kept = r.papers.find((p) => p.id === 'huge');
    if (kept) expect(kept.abstract?.length).toBeGreaterThan(900_000);
    else {
      expect(r.report.skipped).toHaveLength(1);
      expect(r.report.skipped[0].line).toBe(lineOf(text, '@article{huge'));
      expect(r.report.skipped[0].reason).toMatch(/@article\{huge\} is larger than \d+ KB/);
    }
  });

  it('line numbers of skipped records in a later batch are right', () => {
    const parts: string[] = [];
    for (let i = 0; i < BIBTEX_LIMITS.batchRecords * 3; i++) {
      parts.push(entry(i));
      if (i === 100) parts.push('@article{notitle1,\n  author = {Doe, Jane},\n  year = {2017}\n}\n');
      if (i === BIBTEX_LIMITS.batchRecords * 2 + 7) parts.push('@article{notitle2,\n  author = {Doe, Jane},\n  year = {2017}\n}\n');
      if (i === BIBTEX_LIMITS.batchRecords + 30) parts.push('@article{unclosed,\n  title = {Never closes,\n  year = 2018\n\n');
    }
    const text = parts.join('\n');
    const calls: number[] = [];
    const r = parseBibtex(text, { onProgress: (d) => calls.push(d) });
    expect(calls.length).toBeGreaterThanOrEqual(3);
    expect(r.report.skipped.map((s) => s.line)).toEqual([
      lineOf(text, '@article{notitle1'),
      lineOf(text, '@article{unclosed'),
      lineOf(text, '@article{notitle2'),
    ]);
    expect(r.report.warnings).toEqual([]);
    expect(r.papers).toHaveLength(BIBTEX_LIMITS.batchRecords * 3);
  });

  it('@string macros and crossref resolve across batches', () => {
    const parts = ['@string{acl = "Proceedings of ACL"}\n'];
    parts.push('@inproceedings{child,\n  author = {Smith, John},\n  title = {A Child},\n  booktitle = acl # " 2019",\n  crossref = {proc}\n}\n');
    for (let i = 0; i < BIBTEX_LIMITS.batchRecords * 2; i++) parts.push(entry(i));
    parts.push('@proceedings{proc,\n  title = {Proceedings of ACL 2019},\n  year = {2019},\n  publisher = {ACL}\n}\n');
    const r = parseBibtex(parts.join('\n'));
    const child = r.papers.find((p) => p.id === 'child');
    expect(child?.venue).toBe('Proceedings of ACL 2019');
    expect(child?.year).toBe(2019);
  });

  it('keeps < and > in text fields; inverted marks written as such stay', () => {
    const text = `@article{lt,
  author = {Doe, Jane},
  title = {Effects with P < 0.05 and n > 30},
  journal = {A <B> Journal},
  abstract = {x<y and z>w; $a < b$},
  doi = {10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0}
}
@article{es,
  author = {Ruiz, Ana},
  title = {{\\textexclamdown}Hola! {\\textquestiondown}Qu\\'e?},
  year = {2020}
}
`;
    const r = parseBibtex(text);
    const lt = r.papers.find((p) => p.id === 'lt');
    expect(lt?.title).toBe('Effects with P < 0.05 and n > 30');
    expect(lt?.venue).toBe('A <B> Journal');
    expect(lt?.abstract).toBe('x<y and z>w; a<b'); // math mode drops spaces
    expect(lt?.doi).toBe('10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0');
    expect(r.papers.find((p) => p.id === 'es')?.title).toBe('¡Hola! ¿Qué?');
  });

  it('many records on one line and a run of bare @ signs are read without hanging', () => {
    const oneLine = Array.from({ length: 600 }, (_, i) => entry(i).replace(/\n/g, ' ')).join(' ');
    const r = parseBibtex(`${oneLine}\n${'@a'.repeat(30_000)}\n${entry(9999)}`);
    expect(r.papers.filter((p) => p.title.startsWith('Title number'))).toHaveLength(601);
  });
});
