// The embedded profile's page exactly as a browser copies it (../shared/data/seed-profile-page.txt): pasted, it must
// give the embedded "as the page shows it" dataset, and formatProfileText must write that same text.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/model/types';
import { detectFormat, formatProfileText, parseInput } from '../../src/import';
import { parseProfileText } from '../../src/import/profileText';

const root = path.resolve(import.meta.dirname, '../..');
const seedPath = path.resolve(root, '../shared/data/seed-profile-page.txt');
const hasSeed = existsSync(seedPath);
if (!hasSeed) console.log(`${seedPath} not found: the profile page's own text is not checked.`);
const shown = JSON.parse(readFileSync(path.join(root, 'data/profile-shown.json'), 'utf8')) as Dataset;
// The page shows this year's dates without a year ("May 23"); the embedded data has them as 2026.
const referenceYear = 2026;

describe.skipIf(!hasSeed)('the profile page as the browser copies it', () => {
  const seed = hasSeed ? readFileSync(seedPath, 'utf8') : '';
  const variants: [string, string][] = [
    ['as copied', seed],
    [
      'without blank lines',
      seed
        .split('\n')
        .filter((l) => l.trim())
        .join('\n'),
    ],
    ['with Windows line ends and a BOM', `\ufeff${seed.replace(/\n/g, '\r\n')}`],
    ['with doubled blank lines and trailing spaces', seed.replace(/\n/g, '  \n\n')],
  ];

  it.each(variants)('is detected from its content (%s)', (_name, text) => {
    expect(detectFormat(text)).toBe('profile-text');
    expect(detectFormat(text, 'pasted text')).toBe('profile-text');
  });

  it.each(variants)('gives the embedded dataset as shown: 12 papers, shown authors, tags, dates, owner (%s)', (_name, text) => {
    const r = parseInput(text, undefined, { referenceYear });
    expect(r.report.fatal).toBeUndefined();
    expect(r.report.skipped).toEqual([]);
    expect(r.report.read).toBe(12);
    expect(r.papers.map((p) => p.title)).toEqual(shown.papers.map((p) => p.title));
    expect(r.papers.map((p) => p.authors.map((a) => a.name))).toEqual(shown.papers.map((p) => p.authors.map((a) => a.name)));
    expect(r.papers.map((p) => p.truncated)).toEqual(shown.papers.map(() => true));
    expect(r.papers.map((p) => p.category)).toEqual(shown.papers.map((p) => p.category));
    expect(r.papers.map((p) => p.date)).toEqual(shown.papers.map((p) => p.date));
    expect(r.papers.map((p) => p.year)).toEqual(shown.papers.map((p) => p.year));
    expect(r.papers.map((p) => p.affiliationTags ?? [])).toEqual(shown.papers.map((p) => p.affiliationTags ?? []));
    expect(r.papers.map((p) => p.abstract)).toEqual(shown.papers.map((p) => p.abstract));
    expect(r.owner).toBe('Yuchen Hao');
    expect(r.owner).toBe(shown.owner);
  });

  it('reads the header figures, not the "12 Papers" heading of the list', () => {
    const r = parseProfileText(seed.replace('12papers', '11papers'), { referenceYear });
    expect(r.profile).toEqual({ name: 'Yuchen Hao', category: 'LG', hIndex: 25, papers: 11, citations: 16701, noveltyPercent: 56, aiScore: 53 });
  });

  it('takes a date without a year as the reference year, and says so', () => {
    const r = parseInput(seed, undefined, { referenceYear: 2030 });
    const yearless = seed.split('\n').filter((l) => /^[A-Z]{2}[A-Z][a-z]{2} \d{1,2}$/.test(l));
    expect(yearless).toEqual(['DCMay 23', 'LGMay 11']);
    expect(r.papers.filter((p) => p.year === 2030).map((p) => p.date)).toEqual(['2030-05-23', '2030-05-11']);
    expect(r.report.warnings.map((w) => w.message)).toEqual(['date "DCMay 23" has no year; 2030 assumed', 'date "LGMay 11" has no year; 2030 assumed']);
  });

  it('is what formatProfileText writes for the embedded dataset, byte for byte', () => {
    expect(formatProfileText(shown, { referenceYear })).toBe(`${seed.replace(/\n$/, '')}\n`);
  });
});
