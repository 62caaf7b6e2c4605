// Scopus CSV (Scopus → Export → CSV): one row per document, the columns named in the header row.
import type { Paper, PaperIds } from '../model/types';
import {
  arxivFromDoi, cleanDoi, collapseSpace, compact, emptyReport, excerpt, fatalResult, finish, IdMaker, isoDate,
  lineIndex, parseYear, progress, stripBom, type Parsed,
} from './common';
import { rowAuthors } from './scopus/authors';
import { countCell, isPlaceholder, scopusEid } from './scopus/fields';
import { nextLineStart, readCsvRecords } from './scopus/rows';
import type { ParseOptions, ParseResult } from './types';

/** Header cells of the first line, unquoted. */
function headerCells(line: string): string[] {
  return line.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim().toLowerCase());
}

/** True when the start of a file (BOM stripped) is this format: a CSV header with Title and Scopus's own columns. */
export function looksLikeScopusCsv(head: string): boolean {
  const cells = new Set(headerCells(head.split(/\r\n|\r|\n/, 1)[0] ?? ''));
  if (!cells.has('title')) return false;
  return cells.has('author(s) id') || cells.has('eid') || (cells.has('authors with affiliations') && cells.has('source title'));
}

/** The columns read, by their Scopus header names (matched without regard to case). */
const COLUMNS = {
  authors: 'authors', fullNames: 'author full names', ids: 'author(s) id', title: 'title', year: 'year',
  venue: 'source title', doi: 'doi', link: 'link', affiliations: 'affiliations', withAffiliations: 'authors with affiliations',
  abstract: 'abstract', documentType: 'document type', citedBy: 'cited by', eid: 'eid', pmid: 'pubmed id',
} as const;
type Column = keyof typeof COLUMNS;

function columnIndex(header: string[]): Partial<Record<Column, number>> {
  const at = new Map<string, number>();
  header.forEach((h, i) => {
    const k = collapseSpace(stripBom(h.trim()).replace(/"/g, '')).toLowerCase();
    if (!at.has(k)) at.set(k, i);
  });
  const out: Partial<Record<Column, number>> = {};
  for (const [col, name] of Object.entries(COLUMNS) as [Column, string][]) if (at.has(name)) out[col] = at.get(name);
  return out;
}

function ids(eid: string | undefined, pmid: string): PaperIds | undefined {
  const out: PaperIds = compact({ scopus: eid, pmid: /^\d{1,9}$/.test(pmid) ? pmid : undefined });
  return Object.keys(out).length ? out : undefined;
}

export function parseScopusCsv(input: string, options?: ParseOptions): ParseResult {
  const text = stripBom(input);
  const report = emptyReport('scopus-csv');
  let records = readCsvRecords(text);
  if (records[0]?.damage) {
    // Scopus's column names hold no quotes or commas: the first line is read as plain names, the rows after it.
    const names = text.split(/\r\n|\r|\n/, 1)[0].split(',');
    records = [{ cells: names, start: 0 }, ...readCsvRecords(text, nextLineStart(text, 0), names.length)];
    report.warnings.push({ index: -1, line: 1, message: 'the header row has unbalanced quotes: its names were read as plain text' });
  }
  const header = records[0];
  if (!header) return fatalResult('scopus-csv', 'The Scopus CSV has no header row.');
  const col = columnIndex(header.cells);
  if (col.title === undefined) return fatalResult('scopus-csv', `No Title column among: ${header.cells.join(', ')}`);
  if (col.withAffiliations === undefined && col.affiliations !== undefined) {
    report.warnings.push({ index: -1, line: 1, message: 'no "Authors with affiliations" column: affiliations are not given to authors' });
  }
  const lineOf = lineIndex(text);
  const paperIds = new IdMaker();
  const items: Parsed[] = [];
  const rows = records.slice(1);
  const tick = progress(options, rows.length);
  rows.forEach((row, index) => {
    tick(index + 1);
    const line = lineOf(row.start);
    const raw = (c: Column) => (col[c] === undefined ? '' : row.cells[col[c] as number] ?? '');
    const cell = (c: Column) => {
      const v = collapseSpace(raw(c));
      return isPlaceholder(v) ? '' : v;
    };
    if (row.damage) {
      report.skipped.push({ index, line, reason: `row is damaged: ${row.damage}`, excerpt: excerpt(row.cells.join(' | ')) });
      return;
    }
    const title = cell('title');
    if (!title) {
      report.skipped.push({ index, line, reason: 'row has no title', excerpt: excerpt(row.cells.join(' | ')) });
      return;
    }
    if (row.cells.length !== header.cells.length) {
      report.warnings.push({ index, line, message: `${row.cells.length} cells where the header has ${header.cells.length}` });
    }
    const who = rowAuthors({
      authors: raw('authors'), fullNames: raw('fullNames'), ids: raw('ids'),
      withAffiliations: raw('withAffiliations'), affiliations: raw('affiliations'),
    });
    for (const message of who.warnings) report.warnings.push({ index, line, message });
    const year = parseYear(cell('year'));
    const doi = cleanDoi(cell('doi'));
    const url = cell('link') || undefined;
    const eid = scopusEid(cell('eid')) ?? scopusEid(url);
    const paper: Paper = compact({
      id: paperIds.make(doi ?? eid, `scopus-${index + 1}`),
      title,
      authors: who.authors,
      truncated: who.truncated,
      date: isoDate(year),
      year,
      venue: cell('venue') || undefined,
      doi,
      arxiv: arxivFromDoi(doi),
      url,
      abstract: cell('abstract') || undefined,
      documentType: cell('documentType') || undefined,
      citations: countCell(cell('citedBy')),
      ids: ids(eid, cell('pmid')),
      sources: [options?.fileName ? `${options.fileName} (row ${index + 1}, line ${line})` : `Scopus CSV row ${index + 1} (line ${line})`],
    });
    items.push({ paper, index });
  });
  report.read = rows.length;
  return finish(items, report, options);
}
