import type { Paper } from '../model/types';
import { safeHttpUrl } from '../security/url';
import type { ImportFormat, ImportReport, ParseOptions, ParseResult } from './types';

/** Longest reason, message or fatal text put in a report (an excerpt of the input is shorter still). */
export const MESSAGE_MAX = 300;
/** Longest excerpt of the input in a report (plus its ellipsis). */
const EXCERPT_MAX = 120;

/** `text` cut to `max` characters (with an ellipsis); reasons and messages quote the input and must stay short. */
export function capText(text: string, max = MESSAGE_MAX): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Caps every reason, message and excerpt of a report in place (one pass; parsers call it before `finish`). */
export function capReport(report: ImportReport): ImportReport {
  for (const s of report.skipped) {
    s.reason = capText(s.reason);
    if (s.excerpt !== undefined) s.excerpt = capText(s.excerpt, EXCERPT_MAX + 1);
  }
  for (const w of report.warnings) w.message = capText(w.message);
  if (report.fatal !== undefined) report.fatal = capText(report.fatal);
  return report;
}

export function emptyReport(format: ImportFormat): ImportReport {
  return { format, read: 0, imported: 0, skipped: [], warnings: [], duplicatesMerged: [], truncated: [], noAuthors: [], noYear: [] };
}

export function fatalResult(format: ImportFormat, reason: string): ParseResult {
  const report = emptyReport(format);
  report.fatal = capText(reason);
  return { papers: [], report };
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Hands out unique ids: the preferred one when free, else a numbered variant (`base-2`, `base-3`, …). The next
 * number is kept per base, so 20,000 equal ids cost 20,000 steps, not 200 million.
 */
export class IdMaker {
  private used = new Set<string>();
  private next = new Map<string, number>();
  /** Numbered variants tried (a test bounds it). */
  probes = 0;
  make(preferred: string | undefined, fallback: string): string {
    const base = (preferred && preferred.trim()) || fallback;
    let id = base;
    if (this.used.has(id)) {
      let n = this.next.get(base) ?? 2;
      for (; this.used.has(`${base}-${n}`); n++) this.probes++;
      this.probes++;
      id = `${base}-${n}`;
      this.next.set(base, n + 1);
    }
    this.used.add(id);
    return id;
  }
}

/** `text` without the trailing `.`, `,` and `;` (a loop: the regex `[.,;]+$` retries at every dot of a long run). */
function trimTrailingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '.' || text[end - 1] === ',' || text[end - 1] === ';')) end--;
  return text.slice(0, end);
}

export function cleanDoi(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = value.trim().match(/10\.\d{4,9}\/\S+/);
  if (!m) return undefined;
  return trimTrailingPunctuation(m[0]) || undefined;
}

const ARXIV_NEW = /(\d{4}\.\d{4,5})(v\d+)?/;
/** Starts only where a run of letters starts (the lookbehind), so a long run is scanned once, not once per letter. */
const ARXIV_OLD = /(?<![a-z-])([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(v\d+)?/;

/** arXiv id without version, from an id, URL or "arXiv:" string. */
export function cleanArxiv(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = value.match(ARXIV_NEW) ?? value.match(ARXIV_OLD);
  return m ? m[1] : undefined;
}

/** arXiv id hidden in a DOI such as 10.48550/arXiv.2407.21783. */
export function arxivFromDoi(doi: string | undefined): string | undefined {
  const m = doi?.match(/^10\.48550\/arxiv\.(.+)$/i);
  return m ? cleanArxiv(m[1]) : undefined;
}

/**
 * Years a paper may have. Anything else is dropped (the paper kept without a year): views walk every year between
 * the first and the last, so one `1e308` would never let them finish.
 */
export const YEAR_RANGE = { min: 1000, max: 2200 } as const;

/** `n` when it is a whole number within YEAR_RANGE, else undefined. */
export function plausibleYear(n: unknown): number | undefined {
  return typeof n === 'number' && Number.isInteger(n) && n >= YEAR_RANGE.min && n <= YEAR_RANGE.max ? n : undefined;
}

const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * A year from a number or from text ("2019", "2019-05-03", "May 2019"). A year outside YEAR_RANGE (a number, a
 * 4-digit year in text, or text that is only a number) gives undefined and is passed to `onDropped` as written.
 */
export function parseYear(value: unknown, onDropped?: (written: string) => void): number | undefined {
  if (typeof value === 'number') {
    const year = plausibleYear(value);
    if (year === undefined) onDropped?.(String(value));
    return year;
  }
  if (typeof value !== 'string') return undefined;
  const m = value.match(/(?:^|\D)(\d{4})(?!\d)/);
  const year = m ? plausibleYear(Number(m[1])) : undefined;
  if (year === undefined && (m || NUMBER_TEXT.test(value.trim()))) onDropped?.(m ? m[1] : value.trim());
  return year;
}

/** The message for a dropped year, naming the record ("@article{key}", "row 3"). */
export function yearDropped(record: string, written: string): string {
  return `${record}: year "${capText(written, 40)}" is outside ${YEAR_RANGE.min}–${YEAR_RANGE.max}; the paper is kept without a year`;
}

/** An `onDropped` for parseYear that adds one warning for the record, however many of its fields had a bad year. */
export function yearWarner(report: ImportReport, index: number, line: number | undefined, record: string): (written: string) => void {
  let warned = false;
  return (written) => {
    if (warned) return;
    warned = true;
    report.warnings.push({ index, line, message: yearDropped(record, written) });
  };
}

/**
 * The link of a record when it is an absolute http(s) address (see safeHttpUrl); anything else (javascript:,
 * data:, relative, with credentials) is dropped and passed to `onDropped`.
 */
export function webUrl(value: unknown, onDropped?: (written: string) => void): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const raw = value.trim();
  const href = safeHttpUrl(raw);
  if (href === null) {
    onDropped?.(raw);
    return undefined;
  }
  // Kept as written unless the scheme lacks its "//" (URL accepts "https:example.org"; snapshots do not).
  return /^https?:\/\//i.test(raw) ? raw : href;
}

/** The warning for a dropped link. */
export function urlDropped(record: string, written: string): string {
  return `${record}: link "${capText(written, 60)}" is not an http(s) address; left out`;
}

/** An author entry that only says the list was cut. */
export function isEtAl(name: string): boolean {
  return /^(?:et al\.?|others)$/i.test(name.trim());
}

/** ISO date (YYYY, YYYY-MM, YYYY-MM-DD) from parts; undefined without a plausible year. */
export function isoDate(year?: number, month?: number, day?: number): string | undefined {
  if (plausibleYear(year) === undefined) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (!month || month < 1 || month > 12) return String(year);
  if (!day || day < 1 || day > 31) return `${year}-${pad(month)}`;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Normalises a free date string ("2020-05-03", "2020/5", "2020") to ISO. */
export function isoFromString(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = value.trim().match(/^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?/);
  if (!m) return undefined;
  return isoDate(Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined);
}

export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim().normalize('NFC');
}

/** The start of `text`, white space collapsed, at most `max` characters: only the start is read. */
export function excerpt(text: string, max = EXCERPT_MAX): string {
  const from = text.search(/\S/);
  if (from < 0) return '';
  const head = text.slice(from, from + max * 4 + 16);
  const t = collapseSpace(head);
  const more = t.length > max || text.slice(from + head.length).search(/\S/) >= 0;
  return more ? `${t.slice(0, max)}…` : t;
}

/** Line number (1-based) for each offset lookup, built once per text. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0,
      hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Calls onProgress at most ~100 times over `total`. */
export function progress(options: ParseOptions | undefined, total: number): (done: number) => void {
  const cb = options?.onProgress;
  if (!cb) return () => {};
  const step = Math.max(1, Math.floor(total / 100));
  return (done) => {
    if (done === total || done % step === 0) cb(done, total);
  };
}

/** A paper as a parser read it, with the index of the record it came from and its line where known. */
export interface Parsed {
  paper: Paper;
  index: number;
  line?: number;
}

/** The report's per-paper lists (cut author lists, no authors, no year), in one pass. */
export function paperLists(papers: Paper[]): Pick<ImportReport, 'truncated' | 'noAuthors' | 'noYear'> {
  const truncated: string[] = [];
  const noAuthors: string[] = [];
  const noYear: string[] = [];
  for (const p of papers) {
    if (p.truncated) truncated.push(p.id);
    if (p.authors.length === 0) noAuthors.push(p.id);
    if (p.year === undefined) noYear.push(p.id);
  }
  return { truncated, noAuthors, noYear };
}

/**
 * Fills the report's counts and per-paper lists. Parsers never merge duplicates: `combineResults` (combine.ts), which
 * every import path goes through, does it once for all files.
 */
// `_options` is accepted so that every parser ends the same way, `finish(items, report, options)`.
export function finish(items: Parsed[], report: ImportReport, _options?: ParseOptions): ParseResult {
  capReport(report);
  const papers = items.map((i) => i.paper);
  report.imported = papers.length;
  Object.assign(report, paperLists(papers));
  return { papers, report, records: items.map((i) => (i.line === undefined ? { index: i.index } : { index: i.index, line: i.line })) };
}

/** Drops undefined fields so results compare and serialise cleanly. */
export function compact<T extends object>(obj: T): T {
  for (const k of Object.keys(obj) as (keyof T)[]) if (obj[k] === undefined) delete obj[k];
  return obj;
}
