import { parse as parseBib, type Creator, type Entry } from '@retorquere/bibtex-parser';
import type { AuthorRef, Paper } from '../model/types';
import {
  arxivFromDoi, cleanArxiv, cleanDoi, collapseSpace, compact, emptyReport, excerpt, fatalResult, finish,
  IdMaker, isoDate, lineIndex, parseYear, progress, stripBom, type Parsed,
} from './common';
import type { ParseOptions, ParseResult } from './types';

const NON_PAPER = new Set(['proceedings', 'mvproceedings', 'collection', 'mvcollection', 'book', 'mvbook', 'periodical']);
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The parser renders some LaTeX as HTML (<i>, <b>, <sup>); keep the text. */
function plain(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = collapseSpace(value.replace(/<\/?[a-z][a-z0-9]*(?:\s[^>]*)?>/gi, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
  return text || undefined;
}

function creatorName(c: Creator): string {
  if (c.name) return collapseSpace(c.name);
  return collapseSpace([c.firstName, c.prefix, c.lastName, c.suffix].filter(Boolean).join(' '));
}

function isOthers(c: Creator): boolean {
  return !c.firstName && (c.lastName ?? c.name ?? '').trim().toLowerCase() === 'others';
}

function monthNumber(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const n = Number(value);
  if (Number.isInteger(n) && n >= 1 && n <= 12) return n;
  const i = MONTHS.indexOf(value.trim().slice(0, 3).toLowerCase());
  return i >= 0 ? i + 1 : undefined;
}

/** Start line of each `@type{key` by key, for reporting. */
function entryLines(text: string): { byKey: Map<string, number>; heads: { type: string; key: string; line: number }[] } {
  const line = lineIndex(text);
  const byKey = new Map<string, number>();
  const heads: { type: string; key: string; line: number }[] = [];
  const re = /@\s*([a-zA-Z]+)\s*[{(]\s*([^,\s{}()]*)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const type = m[1].toLowerCase();
    if (type === 'string' || type === 'comment' || type === 'preamble') continue;
    const l = line(m.index);
    heads.push({ type, key: m[2], line: l });
    if (!byKey.has(m[2])) byKey.set(m[2], l);
  }
  return { byKey, heads };
}

export function parseBibtex(input: string, options?: ParseOptions): ParseResult {
  const text = stripBom(input);
  const report = emptyReport('bibtex');
  let lib;
  try {
    lib = parseBib(text, {
      english: false, sentenceCase: false, caseProtection: false, unsupported: 'ignore', applyCrossRef: true,
    });
  } catch (err) {
    return fatalResult('bibtex', `BibTeX could not be read: ${(err as Error).message}`);
  }
  const { byKey } = entryLines(text);
  const ids = new IdMaker();
  const items: Parsed[] = [];
  const entries = lib.entries.filter((e: Entry) => !NON_PAPER.has(e.type.toLowerCase()));
  const tick = progress(options, entries.length);
  const failedKeys = new Set<string>();

  // Errors the parser gives for entries it could not read.
  lib.errors.forEach((err) => {
    const head = err.input?.match(/@\s*[a-zA-Z]+\s*[{(]\s*([^,\s{}()]*)/);
    const key = head?.[1];
    if (key) failedKeys.add(key);
    const lm = err.error.match(/line (\d+)/);
    report.skipped.push({
      index: -1, line: key && byKey.has(key) ? byKey.get(key) : lm ? Number(lm[1]) : undefined,
      reason: err.error, excerpt: err.input ? excerpt(err.input) : undefined,
    });
  });

  entries.forEach((entry: Entry, index: number) => {
    tick(index + 1);
    const line = byKey.get(entry.key);
    if (failedKeys.has(entry.key) && !entry.input) {
      // Already reported through lib.errors; give it its record index.
      const s = report.skipped.find((r) => r.index === -1 && r.line === line);
      if (s) s.index = index;
      return;
    }
    const f = entry.fields as Record<string, unknown>;
    const title = plain(f.title);
    if (!title) {
      report.skipped.push({ index, line, reason: `@${entry.type}{${entry.key}} has no title`, excerpt: excerpt(entry.input) });
      return;
    }
    const creators = (Array.isArray(f.author) ? f.author : []) as Creator[];
    const truncated = creators.some(isOthers);
    const authors: AuthorRef[] = creators.filter((c) => !isOthers(c)).map((c) => ({ name: creatorName(c) })).filter((a) => a.name);
    const year = parseYear(f.year) ?? parseYear(f.date);
    const dateField = typeof f.date === 'string' ? f.date.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/) : null;
    const date = dateField
      ? isoDate(Number(dateField[1]), dateField[2] ? Number(dateField[2]) : undefined, dateField[3] ? Number(dateField[3]) : undefined)
      : isoDate(year, monthNumber(typeof f.month === 'string' ? f.month : undefined));
    const doi = cleanDoi(f.doi);
    const eprintIsArxiv = typeof f.archiveprefix === 'string' ? /arxiv/i.test(f.archiveprefix) : typeof f.eprinttype === 'string' && /arxiv/i.test(f.eprinttype);
    const arxiv = (eprintIsArxiv ? cleanArxiv(f.eprint) : undefined) ?? arxivFromDoi(doi)
      ?? (typeof f.url === 'string' && /arxiv\.org/.test(f.url) ? cleanArxiv(f.url) : undefined);
    const paper: Paper = compact({
      id: ids.make(entry.key, `bib-${index + 1}`),
      title,
      authors,
      truncated,
      date,
      year,
      venue: plain(f.journal) ?? plain(f.journaltitle) ?? plain(f.booktitle) ?? plain(f.howpublished),
      arxiv,
      doi,
      url: typeof f.url === 'string' ? f.url.trim() || undefined : undefined,
      abstract: plain(f.abstract),
      sources: [options?.fileName ? `${options.fileName} (BibTeX @${entry.type}{${entry.key}})` : `BibTeX @${entry.type}{${entry.key}}`],
    });
    if (!creators.length) report.warnings.push({ index, line, message: `@${entry.type}{${entry.key}} has no authors` });
    items.push({ paper, index });
  });
  report.read = entries.length;
  // Errors that matched no entry (the parser dropped the record) still count as read.
  report.read += report.skipped.filter((s) => s.index === -1).length;
  report.skipped.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return finish(items, report, options);
}
