import type { Paper, PaperIds } from '../model/types';
import {
  arxivFromDoi,
  cleanDoi,
  collapseSpace,
  compact,
  emptyReport,
  excerpt,
  finish,
  IdMaker,
  isoDate,
  parseYear,
  progress,
  stripBom,
  yearWarner,
  type Parsed,
} from './common';
import type { ImportReport, ParseOptions, ParseResult } from './types';
import { readPeople } from './wos/people';
import { splitPlain, splitTab, tabHeader, type WosRecord } from './wos/records';

function firstLine(text: string): string {
  const end = text.search(/\r|\n/);
  return end < 0 ? text : text.slice(0, end);
}

/** True when the start of a file (BOM stripped) is a Web of Science plain-text or tab-delimited export. */
export function looksLikeWos(head: string): boolean {
  const start = stripBom(head).trimStart();
  // Plain text: "FN Clarivate Analytics Web of Science" then "VR 1.0", or a file cut down to its records.
  if (/^FN .*(?:\r\n|\r|\n)VR /.test(start)) return true;
  if (/^PT [A-Z]\s*(?:\r\n|\r|\n)/.test(start) && /^(?:AU|AF|TI) /m.test(start)) return true;
  return tabHeader(firstLine(start)) !== null;
}

const MONTHS: Record<string, number> = { JAN: 1, FEB: 2, MAR: 3, APR: 4, MAY: 5, JUN: 6, JUL: 7, AUG: 8, SEP: 9, OCT: 10, NOV: 11, DEC: 12 };

/** PD ("APR", "FEB 2011", "MAR 15", "JAN-FEB", "2018 MAR 15"): its month, day and year where written. */
function publicationDate(pd: string | undefined): { month?: number; day?: number; year?: number } {
  const out: { month?: number; day?: number; year?: number } = {};
  if (!pd) return out;
  for (const token of pd.toUpperCase().split(/[\s\-/.,]+/)) {
    if (/^[A-Z]{3,}$/.test(token)) out.month ??= MONTHS[token.slice(0, 3)];
    else if (/^\d{4}$/.test(token)) out.year ??= Number(token);
    else if (/^\d{1,2}$/.test(token)) out.day ??= Number(token);
  }
  if (!out.month) delete out.day;
  return out;
}

function citations(tc: string | undefined): number | undefined {
  return tc && /^\d+$/.test(tc) ? Number(tc) : undefined;
}

function paperIds(rec: WosRecord): PaperIds | undefined {
  const ids = compact({ wos: rec.texts.get('UT') || undefined, pmid: rec.texts.get('PM') || undefined });
  return Object.keys(ids).length ? ids : undefined;
}

interface Context {
  ids: IdMaker;
  report: ImportReport;
  options?: ParseOptions;
}

function toPaper(rec: WosRecord, index: number, { ids, report, options }: Context): Parsed | null {
  const title = collapseSpace(rec.texts.get('TI') ?? '');
  if (!title) {
    const reason = ['Web of Science record has no title (TI)', ...rec.warnings].join('; ');
    report.skipped.push({ index, line: rec.line, reason, excerpt: excerpt(rec.head) });
    return null;
  }
  const list = (tag: string) => rec.lists.get(tag) ?? [];
  const people = readPeople({
    full: list('AF'),
    short: list('AU'),
    groups: list('CA'),
    addresses: list('C1'),
    orcids: rec.texts.get('OI'),
    researcherIds: rec.texts.get('RI'),
  });
  for (const message of rec.warnings) report.warnings.push({ index, line: rec.line, message });
  for (const message of people.warnings) report.warnings.push({ index, line: rec.line, message });
  const pd = publicationDate(rec.texts.get('PD'));
  const dropYear = yearWarner(report, index, rec.line, `Web of Science record ${index + 1}`);
  const year = parseYear(rec.texts.get('PY'), dropYear) ?? parseYear(pd.year, dropYear) ?? parseYear(rec.texts.get('EY'), dropYear);
  const doi = cleanDoi(rec.texts.get('DI'));
  const wosIds = paperIds(rec);
  const paper: Paper = compact({
    id: ids.make(wosIds?.wos ?? doi, `wos-${index + 1}`),
    title,
    authors: people.authors,
    truncated: false,
    date: isoDate(year, pd.month, pd.day),
    year,
    venue: rec.texts.get('SO') || undefined,
    doi,
    arxiv: arxivFromDoi(doi),
    abstract: rec.texts.get('AB') || undefined,
    groupAuthors: people.groupAuthors.length ? people.groupAuthors : undefined,
    documentType: rec.texts.get('DT') || undefined,
    citations: citations(rec.texts.get('TC')),
    ids: wosIds,
    sources: [options?.fileName ? `${options.fileName} (Web of Science record ${index + 1})` : `Web of Science record ${index + 1}`],
  });
  return { paper, index, line: rec.line };
}

/** Web of Science plain-text or tab-delimited export (detected from the content). */
export function parseWos(input: string, options?: ParseOptions): ParseResult {
  const text = stripBom(input);
  const report = emptyReport('wos');
  const split = tabHeader(firstLine(text.trimStart())) ? splitTab(text) : splitPlain(text);
  if (!split.records.length) {
    report.fatal = 'No Web of Science records (plain text "PT … ER", or rows under a tab-delimited header) found.';
    return { papers: [], report };
  }
  if (split.strayLines) {
    report.warnings.push({ index: -1, line: split.firstStrayLine, message: `${split.strayLines} line(s) outside any record ignored` });
  }
  const context: Context = { ids: new IdMaker(), report, options };
  const items: Parsed[] = [];
  const tick = progress(options, split.records.length);
  split.records.forEach((rec, index) => {
    tick(index + 1);
    const item = toPaper(rec, index, context);
    if (item) items.push(item);
  });
  report.read = split.records.length;
  return finish(items, report, options);
}
