import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/model/types';
import { detectFormat, formatProfileText, parseInput, UNKNOWN_FORMAT } from '../../src/import';
import { parseProfileText } from '../../src/import/profileText';

const root = path.resolve(import.meta.dirname, '../..');
const shown = JSON.parse(readFileSync(path.join(root, 'data/profile-shown.json'), 'utf8')) as Dataset;
// The embedded profile's undated-year entries ("May 23") are 2026 dates.
const referenceYear = 2026;

describe('profile text', () => {
  const text = formatProfileText(shown, { referenceYear });
  const r = parseProfileText(text, { referenceYear });

  it('is detected as profile text', () => {
    expect(detectFormat(text)).toBe('profile-text');
  });
  it('round-trips titles, shown authors, et al., categories, dates, abstracts, tags', () => {
    expect(r.report.read).toBe(shown.papers.length);
    expect(r.papers.map((p) => p.title)).toEqual(shown.papers.map((p) => p.title));
    expect(r.papers.map((p) => p.authors.map((a) => a.name))).toEqual(shown.papers.map((p) => p.authors.map((a) => a.name)));
    expect(r.papers.map((p) => p.truncated)).toEqual(shown.papers.map((p) => p.truncated));
    expect(r.papers.map((p) => p.category)).toEqual(shown.papers.map((p) => p.category));
    expect(r.papers.map((p) => p.date)).toEqual(shown.papers.map((p) => p.date));
    expect(r.papers.map((p) => p.abstract)).toEqual(shown.papers.map((p) => p.abstract));
    expect(r.papers.map((p) => p.affiliationTags ?? [])).toEqual(shown.papers.map((p) => p.affiliationTags ?? []));
    expect(r.owner).toBe(shown.owner);
    expect(r.profile).toMatchObject({ name: 'Yuchen Hao', category: 'LG', hIndex: 25, papers: 12, citations: 16701, noveltyPercent: 56, aiScore: 53 });
  });
  const sharedData = path.resolve(root, '../shared/data');
  if (!existsSync(sharedData)) console.log(`${sharedData} not found: the check against the page's own text is skipped.`);
  it.skipIf(!existsSync(sharedData))('renders header and dates the way the page shows them (against ../shared/data)', () => {
    const seedPath = path.resolve(root, '../shared/data/seed-papers.seed.json');
    const header = JSON.parse(readFileSync(path.resolve(root, '../shared/data/seed-profile.json'), 'utf8')) as { raw_header_lines: string[] };
    expect(text.split('\n').filter(Boolean).slice(0, header.raw_header_lines.length)).toEqual(header.raw_header_lines);
    type SeedPaper = { title: string; category: string; date: string; authors_shown: string[]; affiliations_shown: string[] };
    const seed = JSON.parse(readFileSync(seedPath, 'utf8')) as SeedPaper[];
    for (const s of seed) {
      // On the page the category and the date run together, and the tags follow the authors after a middle dot.
      expect(text).toContain(`\n${s.category}${s.date}\n${s.title}\n`);
      const tags = s.affiliations_shown.length ? ` · ${s.affiliations_shown.join(', ')}` : '';
      expect(text).toContain(`\n${s.authors_shown.join(', ')} et al.${tags}\n`);
    }
  });
  it('copes with Windows line ends, extra blank lines and a block without a title', () => {
    const messy = `\ufeff${text.replace(/\n/g, '\r\n\r\n')}LG\r\nJan 2, 2020\r\n`;
    const m = parseInput(messy, undefined, { referenceYear });
    expect(m.papers).toHaveLength(shown.papers.length);
    expect(m.report.skipped).toHaveLength(1);
    expect(m.report.warnings.filter((w) => /no year/.test(w.message))).toHaveLength(shown.papers.filter((p) => p.year === referenceYear).length);
  });
});

describe('profile text in the older rendering (category and date on lines of their own, tags on a line)', () => {
  const old = readFileSync(path.join(root, 'tests/fixtures/import/profile-old-format.txt'), 'utf8');
  it('is still detected and read the same', () => {
    expect(old.split('\n').slice(8, 14)).toEqual([
      'AI',
      'Jul 31, 2024',
      'The Llama 3 Herd of Models',
      'Aaron Grattafiori, Abhimanyu Dubey, Abhinav Jauhri et al.',
      'allen-ai, berkeley',
      expect.stringMatching(/^Modern artificial/),
    ]);
    expect(detectFormat(old)).toBe('profile-text');
    const r = parseProfileText(old, { referenceYear });
    expect(r.papers.map((p) => p.title)).toEqual(shown.papers.map((p) => p.title));
    expect(r.papers.map((p) => p.authors.map((a) => a.name))).toEqual(shown.papers.map((p) => p.authors.map((a) => a.name)));
    expect(r.papers.map((p) => [p.category, p.date])).toEqual(shown.papers.map((p) => [p.category, p.date]));
    expect(r.papers.map((p) => p.affiliationTags ?? [])).toEqual(shown.papers.map((p) => p.affiliationTags ?? []));
    expect(r.papers.map((p) => p.abstract)).toEqual(shown.papers.map((p) => p.abstract));
    expect(r.owner).toBe('Yuchen Hao');
  });
});

describe('what is not profile text', () => {
  // Web of Science plain text (two-letter field tags, "ER" ends a record, "EF" the file), as its export writes it.
  const wos = [
    'FN Clarivate Analytics Web of Science',
    'VR 1.0',
    'PT J',
    'AU Smith, J',
    '   Doe, A',
    'AF Smith, John',
    '   Doe, Ann',
    'TI A study of graphs',
    'SO JOURNAL OF GRAPHS',
    'LA English',
    'DT Article',
    'PD JUL 31',
    'PY 2024',
    'AB An abstract.',
    'ER',
    '',
    'EF',
    '',
  ].join('\n');
  it('a Web of Science export is not detected as profile text', () => {
    expect(detectFormat(wos)).not.toBe('profile-text');
    expect(detectFormat(wos, 'savedrecs.txt')).not.toBe('profile-text');
    // Even a record whose lines look like a profile's category and date.
    expect(detectFormat(wos.replace('AB An abstract.', 'AB An abstract.\n   AI\n   Jul 31, 2024\n   more'), 'savedrecs.txt')).not.toBe('profile-text');
  });
  it("a .txt in no format we read gets the list of formats, not the profile parser's rules", () => {
    const notes = 'Shopping list\nmilk, eggs\nbread\n';
    expect(detectFormat(notes, 'notes.txt')).toBeNull();
    const r = parseInput(notes, undefined, { fileName: 'notes.txt' });
    expect(r.papers).toEqual([]);
    expect(r.report.fatal).toBe(UNKNOWN_FORMAT);
    for (const f of ['BibTeX', 'RIS', 'CSL-JSON', 'OpenAlex', 'CSV', 'Web of Science', 'Scopus CSV', 'PubMed/MEDLINE', 'ACL Anthology', 'profile page']) {
      expect(r.report.fatal).toContain(f);
    }
    expect(r.report.fatal).not.toMatch(/category/);
  });
  it('reads a long authors line in linear time (the "et al." test does not backtrack)', () => {
    // 200,000 spaces before a non-"et al." end: a `,?\s+et al` pattern tries every split of the run (quadratic).
    const line = `A B${' '.repeat(200_000)}x`;
    const t0 = performance.now();
    const r = parseProfileText(`Jane Doe\n\nLGJul 31, 2024\nA title\n\n${line}\n`, { referenceYear });
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.papers[0].truncated).toBe(false);
    expect(r.papers[0].authors.map((a) => a.name)).toEqual([line]);
  });
});
