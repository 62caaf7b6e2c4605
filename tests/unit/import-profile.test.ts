import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/model/types';
import { detectFormat, formatProfileText, parseInput } from '../../src/import';
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
    expect(text.split('\n').slice(0, header.raw_header_lines.length)).toEqual(header.raw_header_lines);
    const seed = JSON.parse(readFileSync(seedPath, 'utf8')) as { date: string; authors_shown: string[] }[];
    for (const s of seed) {
      expect(text).toContain(`\n${s.date}\n`);
      expect(text).toContain(`\n${s.authors_shown.join(', ')} et al.\n`);
    }
  });
  it('copes with Windows line ends, extra blank lines and a block without a title', () => {
    const messy = `\ufeff${text.replace(/\n/g, '\r\n\r\n')}LG\r\nJan 2, 2020\r\n`;
    const m = parseInput(messy, undefined, { referenceYear });
    expect(m.papers).toHaveLength(shown.papers.length);
    expect(m.report.skipped).toHaveLength(1);
    expect(m.report.warnings.filter((w) => /no year/.test(w.message))).toHaveLength(
      shown.papers.filter((p) => p.year === referenceYear).length);
  });
});
