import type { AuthorRef, Dataset, Paper, ProfileHeader } from '../model/types';
import { compact, emptyReport, finish, IdMaker, isoDate, plausibleYear, progress, stripBom, yearDropped, type Parsed } from './common';
import type { ParseOptions, ParseResult } from './types';

// The text of a profile page as a browser copies it:
//   Yuchen Hao / LG / h-index25 / 12papers / 16,701citations / Novelty56% / AI Score53 / 12 Papers
//   then per paper: "AIJul 31, 2024" (category and date run together), title,
//   "A, B, C et al. · allen-ai, berkeley" (authors, then affiliation tags after a middle dot), abstract.
// Blank lines carry no meaning. The older rendering (category and date on lines of their own, tags on a line
// after the authors) is read too.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.? (\\d{1,2})(?:, (\\d{4}))?';
const CATEGORY_LINE = /^(?:cs\.)?([A-Z]{2,4})$/;
const DATE_LINE = new RegExp(`^${MONTH}$`);
/** "AIJul 31, 2024": the category (optional) glued to the date. Backtracking is bounded by the 2-4 letters. */
const PAGE_DATE_LINE = new RegExp(`^(?:(?:cs\\.)?([A-Z]{2,4}))?${MONTH}$`);
const TAG_LINE = /^[a-z0-9][a-z0-9-]*(?:, ?[a-z0-9][a-z0-9-]*)*$/;
/** " et al." at the end; the leading comma and spaces are trimmed separately (a `,?\s+` prefix backtracks). */
const ET_AL = /(?:^|\s)et al\.?$/;
const TAGS_AFTER = ' · ';
const LIST_HEADING = /^[\d,]+ Papers?$/;
/** Tagged exports (Web of Science, PubMed/MEDLINE) start with a tag line; a profile page with a name. */
const TAGGED_START = /^(?:FN |VR |PT |PMID-)/;

/** "Jul 31, 2024", or "May 23" when the year is the reference year (as the page shows it). */
export function profileDate(iso: string | undefined, referenceYear?: number): string | undefined {
  const m = iso?.match(/^(\d{4})-(\d{2})(?:-(\d{2}))?/);
  if (!m) return undefined;
  const month = MONTHS[Number(m[2]) - 1];
  const day = m[3] ? Number(m[3]) : 1;
  return Number(m[1]) === referenceYear ? `${month} ${day}` : `${month} ${day}, ${m[1]}`;
}

function statLines(p?: ProfileHeader): string[] {
  const lines: string[] = [];
  if (!p) return lines;
  if (p.category) lines.push(p.category);
  if (p.hIndex !== undefined) lines.push(`h-index${p.hIndex}`);
  if (p.papers !== undefined) lines.push(`${p.papers}papers`);
  if (p.citations !== undefined) lines.push(`${p.citations.toLocaleString('en-US')}citations`);
  if (p.noveltyPercent !== undefined) lines.push(`Novelty${p.noveltyPercent}%`);
  if (p.aiScore !== undefined) lines.push(`AI Score${p.aiScore}`);
  return lines;
}

function authorsLine(p: Paper): string {
  const names = p.authors.map((a) => a.name).join(', ');
  const shown = p.truncated ? `${names} et al.`.trimStart() : names;
  return p.affiliationTags?.length ? `${shown}${TAGS_AFTER}${p.affiliationTags.join(', ')}` : shown;
}

function paperBlock(p: Paper, referenceYear: number): string {
  const date = profileDate(p.date, referenceYear) ?? profileDate(p.year ? `${p.year}-01-01` : undefined, referenceYear) ?? '';
  const head = `${p.category ?? ''}${date}\n${p.title}\n\n${authorsLine(p)}`;
  return p.abstract ? `${head}\n\n${p.abstract}` : head;
}

/**
 * Renders a dataset as the text of its profile page copied from the browser: the name, the profile's figures,
 * "N Papers", then per paper the category glued to the date, the title, the authors ("et al." when cut) with the
 * affiliation tags after " · ", and the abstract; blank lines between, as the page copies.
 */
export function formatProfileText(dataset: Dataset, options?: { referenceYear?: number }): string {
  const referenceYear = options?.referenceYear ?? new Date().getFullYear();
  const name = dataset.profile?.name ?? dataset.owner ?? dataset.title;
  const stats = statLines(dataset.profile);
  const head = [name, ...(stats.length ? [stats.join('\n')] : []), `${dataset.papers.length} Papers`];
  return `${[...head, ...dataset.papers.map((p) => paperBlock(p, referenceYear))].join('\n\n')}\n`;
}

function parseHeader(lines: string[]): ProfileHeader | undefined {
  if (!lines.length) return undefined;
  const header: ProfileHeader = { name: lines[0] };
  const rest = lines.slice(1).filter((l) => !LIST_HEADING.test(l));
  const num = (re: RegExp) => {
    for (const l of rest) {
      const m = l.match(re);
      if (m) return Number(m[1].replace(/,/g, ''));
    }
    return undefined;
  };
  const cat = rest.find((l) => CATEGORY_LINE.test(l));
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

interface Line {
  text: string;
  line: number;
}
/** Where a paper starts: its line, and whether the category and date are on two lines (the older rendering). */
interface Start {
  at: number;
  split: boolean;
}

function findStarts(lines: string[]): Start[] {
  const starts: Start[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (i + 1 < lines.length && CATEGORY_LINE.test(lines[i]) && DATE_LINE.test(lines[i + 1])) {
      starts.push({ at: i, split: true });
      i++;
    } else if (PAGE_DATE_LINE.test(lines[i])) starts.push({ at: i, split: false });
  }
  return starts;
}

function nonBlankLines(input: string, limit = Infinity): Line[] {
  const lines: Line[] = [];
  const raw = stripBom(input).split(/\r\n|\r|\n/);
  for (let i = 0; i < raw.length && lines.length < limit; i++) {
    const text = raw[i].trim();
    if (text) lines.push({ text, line: i + 1 });
  }
  return lines;
}

/** True when the text reads as a profile page: a paper's date line ("AIJul 31, 2024", or "AI" then "Jul 31, 2024"). */
export function looksLikeProfileText(head: string): boolean {
  const lines = nonBlankLines(head, 2000).map((l) => l.text);
  if (!lines.length || TAGGED_START.test(lines[0])) return false;
  return findStarts(lines).some((s) => s.at + (s.split ? 2 : 1) < lines.length);
}

/** Authors shown, whether the list is cut ("et al."), and the affiliation tags after " · ". */
function readAuthors(line: string): { authors: AuthorRef[]; truncated: boolean; tags: string[] } {
  const dot = line.indexOf(TAGS_AFTER);
  const names = (dot < 0 ? line : line.slice(0, dot)).trim();
  const tags =
    dot < 0
      ? []
      : line
          .slice(dot + TAGS_AFTER.length)
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
  const cut = names.match(ET_AL);
  const list = cut ? names.slice(0, cut.index).trimEnd().replace(/,$/, '') : names;
  const authors = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((name) => ({ name }));
  return { authors, truncated: Boolean(cut), tags };
}

export interface ProfileParseResult extends ParseResult {
  profile?: ProfileHeader;
}

export function parseProfileText(input: string, options?: ParseOptions): ProfileParseResult {
  const referenceYear = options?.referenceYear ?? new Date().getFullYear();
  const all = nonBlankLines(input);
  const starts = findStarts(all.map((l) => l.text));
  const report = emptyReport('profile-text');
  if (!starts.length) {
    report.fatal = 'No paper found: expected a paper\'s category and date (e.g. "LGJul 31, 2024", or "LG" then "Jul 31, 2024").';
    return { papers: [], report };
  }
  const profile = parseHeader(all.slice(0, starts[0].at).map((l) => l.text));
  const ids = new IdMaker();
  const items: Parsed[] = [];
  const tick = progress(options, starts.length);
  starts.forEach((start, index) => {
    tick(index + 1);
    const block = all.slice(start.at, starts[index + 1]?.at ?? all.length);
    const line = block[0].line;
    const texts = block.map((l) => l.text);
    const dm = (start.split ? texts[1].match(DATE_LINE) : texts[0].match(PAGE_DATE_LINE)) as RegExpMatchArray;
    const category = start.split ? texts[0].match(CATEGORY_LINE)?.[1] : dm[1];
    const [month, day, yearText] = start.split ? dm.slice(1) : dm.slice(2);
    const [titleLine, authorLine, ...rest] = texts.slice(start.split ? 2 : 1);
    if (!titleLine) {
      report.skipped.push({ index, line, reason: 'paper block has no title line', excerpt: texts.join(' ') });
      return;
    }
    const year = yearText ? plausibleYear(Number(yearText)) : referenceYear;
    const dateLine = block[start.split ? 1 : 0];
    if (yearText && year === undefined) report.warnings.push({ index, line: dateLine.line, message: yearDropped(`paper ${index + 1}`, yearText) });
    if (!yearText) report.warnings.push({ index, line: dateLine.line, message: `date "${dateLine.text}" has no year; ${referenceYear} assumed` });
    const { authors, truncated, tags } = readAuthors(authorLine ?? '');
    // The older rendering has the tags on a line of their own.
    if (start.split && !tags.length && rest.length && TAG_LINE.test(rest[0])) tags.push(...(rest.shift() ?? '').split(/,\s*/));
    const paper: Paper = compact({
      id: ids.make(undefined, `profile-${String(index + 1).padStart(2, '0')}`),
      title: titleLine,
      authors,
      truncated,
      date: isoDate(year, MONTHS.indexOf(month) + 1, Number(day)),
      year,
      category,
      abstract: rest.length ? rest.join('\n') : undefined,
      affiliationTags: tags,
      sources: ['Profile page text'],
    });
    items.push({ paper, index, line: block[0].line });
  });
  report.read = starts.length;
  const result = finish(items, report, options);
  return { ...result, owner: profile?.name, profile };
}
