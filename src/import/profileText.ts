import type { AuthorRef, Dataset, Paper, ProfileHeader } from '../model/types';
import { compact, emptyReport, finish, IdMaker, isoDate, plausibleYear, progress, stripBom, yearDropped, type Parsed } from './common';
import type { ParseOptions, ParseResult } from './types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const CATEGORY_LINE = /^(?:cs\.)?([A-Z]{2,4})$/;
const DATE_LINE = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? (\d{1,2})(?:, (\d{4}))?$/;
const TAG_LINE = /^[a-z0-9][a-z0-9-]*(?:, ?[a-z0-9][a-z0-9-]*)*$/;
const ET_AL = /,?\s+et al\.?$/;

/** "Jul 31, 2024", or "May 23" when the year is the reference year (as the page shows it). */
export function profileDate(iso: string | undefined, referenceYear?: number): string | undefined {
  const m = iso?.match(/^(\d{4})-(\d{2})(?:-(\d{2}))?/);
  if (!m) return undefined;
  const month = MONTHS[Number(m[2]) - 1];
  const day = m[3] ? Number(m[3]) : 1;
  return Number(m[1]) === referenceYear ? `${month} ${day}` : `${month} ${day}, ${m[1]}`;
}

function headerLines(name: string, p?: ProfileHeader): string[] {
  const lines = [name];
  if (!p) return lines;
  if (p.category) lines.push(p.category);
  if (p.hIndex !== undefined) lines.push(`h-index${p.hIndex}`);
  if (p.papers !== undefined) lines.push(`${p.papers}papers`);
  if (p.citations !== undefined) lines.push(`${p.citations.toLocaleString('en-US')}citations`);
  if (p.noveltyPercent !== undefined) lines.push(`Novelty${p.noveltyPercent}%`);
  if (p.aiScore !== undefined) lines.push(`AI Score${p.aiScore}`);
  return lines;
}

/**
 * Renders a dataset as the text of a profile page copied from the browser: header lines,
 * then per paper category, date, title, authors ("et al." when cut), tags, abstract.
 */
export function formatProfileText(dataset: Dataset, options?: { referenceYear?: number }): string {
  const referenceYear = options?.referenceYear ?? new Date().getFullYear();
  const name = dataset.profile?.name ?? dataset.owner ?? dataset.title;
  const blocks = [headerLines(name, dataset.profile).join('\n')];
  for (const p of dataset.papers) {
    const lines: string[] = [];
    lines.push(p.category ?? 'NA');
    lines.push(profileDate(p.date, referenceYear) ?? profileDate(p.year ? `${p.year}-01-01` : undefined, referenceYear) ?? '');
    lines.push(p.title);
    const names = p.authors.map((a) => a.name).join(', ');
    lines.push(p.truncated ? `${names} et al.` : names);
    if (p.affiliationTags?.length) lines.push(p.affiliationTags.join(', '));
    if (p.abstract) lines.push(p.abstract);
    blocks.push(lines.join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}

function parseHeader(lines: string[]): ProfileHeader | undefined {
  if (!lines.length) return undefined;
  const header: ProfileHeader = { name: lines[0] };
  const num = (re: RegExp) => {
    for (const l of lines) { const m = l.match(re); if (m) return Number(m[1].replace(/,/g, '')); }
    return undefined;
  };
  const cat = lines.slice(1).find((l) => CATEGORY_LINE.test(l));
  return compact({
    ...header,
    category: cat?.match(CATEGORY_LINE)?.[1],
    hIndex: num(/^h-index\s*([\d,]+)$/i),
    papers: num(/^([\d,]+)\s*papers$/i),
    citations: num(/^([\d,]+)\s*citations$/i),
    noveltyPercent: num(/^Novelty\s*([\d.]+)%$/i),
    aiScore: num(/^AI Score\s*([\d.]+)$/i),
  });
}

export interface ProfileParseResult extends ParseResult { profile?: ProfileHeader }

export function parseProfileText(input: string, options?: ParseOptions): ProfileParseResult {
  const referenceYear = options?.referenceYear ?? new Date().getFullYear();
  const all = stripBom(input).split(/\r\n|\r|\n/).map((l, i) => ({ text: l.trim(), line: i + 1 })).filter((l) => l.text);
  const starts: number[] = [];
  for (let i = 0; i + 1 < all.length; i++) {
    if (CATEGORY_LINE.test(all[i].text) && DATE_LINE.test(all[i + 1].text)) starts.push(i);
  }
  const report = emptyReport('profile-text');
  if (!starts.length) {
    report.fatal = 'No paper found: expected a category line (e.g. "LG") followed by a date line (e.g. "Jul 31, 2024").';
    return { papers: [], report };
  }
  const profile = parseHeader(all.slice(0, starts[0]).map((l) => l.text));
  const ids = new IdMaker();
  const items: Parsed[] = [];
  const tick = progress(options, starts.length);
  starts.forEach((start, index) => {
    tick(index + 1);
    const block = all.slice(start, starts[index + 1] ?? all.length);
    const line = block[0].line;
    const [catLine, dateLine, titleLine, authorsLine, ...rest] = block.map((l) => l.text);
    if (!titleLine) {
      report.skipped.push({ index, line, reason: 'paper block has no title line', excerpt: block.map((l) => l.text).join(' ') });
      return;
    }
    const dm = dateLine.match(DATE_LINE) as RegExpMatchArray;
    const year = dm[3] ? plausibleYear(Number(dm[3])) : referenceYear;
    if (dm[3] && year === undefined) report.warnings.push({ index, line: line + 1, message: yearDropped(`paper ${index + 1}`, dm[3]) });
    if (!dm[3]) report.warnings.push({ index, line: line + 1, message: `date "${dateLine}" has no year; ${referenceYear} assumed` });
    const truncated = !!authorsLine && ET_AL.test(authorsLine);
    const authors: AuthorRef[] = (authorsLine ?? '').replace(ET_AL, '').split(/,\s*/).map((s) => s.trim()).filter(Boolean).map((name) => ({ name }));
    let tags: string[] = [];
    if (rest.length && TAG_LINE.test(rest[0])) tags = rest.shift()?.split(/,\s*/) ?? [];
    const paper: Paper = compact({
      id: ids.make(undefined, `profile-${String(index + 1).padStart(2, '0')}`),
      title: titleLine,
      authors,
      truncated,
      date: isoDate(year, MONTHS.indexOf(dm[1]) + 1, Number(dm[2])),
      year,
      category: catLine.match(CATEGORY_LINE)?.[1],
      abstract: rest.length ? rest.join('\n') : undefined,
      affiliationTags: tags,
      sources: ['Profile page text'],
    });
    items.push({ paper, index });
  });
  report.read = starts.length;
  const result = finish(items, report, options);
  return { ...result, owner: profile?.name, profile };
}
