import type { Paper } from '../model/types';
import type { ImportFormat, ImportReport, ParseOptions, ParseResult } from './types';

export function emptyReport(format: ImportFormat): ImportReport {
  return { format, read: 0, imported: 0, skipped: [], warnings: [], duplicatesMerged: [], truncated: [], noAuthors: [], noYear: [] };
}

export function fatalResult(format: ImportFormat, reason: string): ParseResult {
  const report = emptyReport(format);
  report.fatal = reason;
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

export function cleanDoi(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = value.trim().match(/10\.\d{4,9}\/\S+/);
  return m ? m[0].replace(/[.,;]+$/, '') : undefined;
}

const ARXIV_NEW = /(\d{4}\.\d{4,5})(v\d+)?/;
const ARXIV_OLD = /([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(v\d+)?/;

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

export function parseYear(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = value.match(/(?:^|\D)(\d{4})(?!\d)/);
  return m ? Number(m[1]) : undefined;
}

/** ISO date (YYYY, YYYY-MM, YYYY-MM-DD) from parts. */
export function isoDate(year?: number, month?: number, day?: number): string | undefined {
  if (!year) return undefined;
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

export function excerpt(text: string, max = 120): string {
  const t = collapseSpace(text);
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

/** Line number (1-based) for each offset lookup, built once per text. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Calls onProgress at most ~100 times over `total`. */
export function progress(options: ParseOptions | undefined, total: number): (done: number) => void {
  const cb = options?.onProgress;
  if (!cb) return () => {};
  const step = Math.max(1, Math.floor(total / 100));
  return (done) => { if (done === total || done % step === 0) cb(done, total); };
}

/** A paper as a parser read it, with the index of the record it came from and its line where known. */
export interface Parsed { paper: Paper; index: number; line?: number }

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
