// Scopus CSV (Scopus → Export → CSV): one row per document, the columns named in the header row.
import type { Paper } from '../model/types';
import {
  arxivFromDoi,
  cleanDoi,
  collapseSpace,
  compact,
  emptyReport,
  excerpt,
  fatalResult,
  finish,
  IdMaker,
  isoDate,
  lineIndex,
  parseYear,
  progress,
  stripBom,
  urlDropped,
  webUrl,
  yearWarner,
  type Parsed,
} from './common';
import { rowAuthors, type RowAuthors } from './scopus/authors';
import { countCell, isPlaceholder, scopusEid } from './scopus/fields';
import { nextLineStart, readCsvRecords, type CsvRecord } from './scopus/rows';
import type { ImportReport, ParseOptions, ParseResult } from './types';

/** Header cells of the first line, unquoted. */
function headerCells(line: string): string[] {
  return line.split(',').map((c) =>
    c
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim()
      .toLowerCase(),
  );
}

/** True when the start of a file (BOM stripped) is this format: a CSV header with Title and Scopus's own columns. */
export function looksLikeScopusCsv(head: string): boolean {
  const cells = new Set(headerCells(head.split(/\r\n|\r|\n/, 1)[0] ?? ''));
  if (!cells.has('title')) return false;
  return cells.has('author(s) id') || cells.has('eid') || (cells.has('authors with affiliations') && cells.has('source title'));
}

/** The columns read, by their Scopus header names (matched without regard to case). */
const COLUMNS = {
  authors: 'authors',
  fullNames: 'author full names',
  ids: 'author(s) id',
  title: 'title',
  year: 'year',
  venue: 'source title',
  doi: 'doi',
  link: 'link',
  affiliations: 'affiliations',
  withAffiliations: 'authors with affiliations',
  abstract: 'abstract',
  documentType: 'document type',
  citedBy: 'cited by',
  eid: 'eid',
  pmid: 'pubmed id',
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

interface Table {
  header: string[];
  rows: CsvRecord[];
}

/** The header and the rows. A header with broken quotes is read plainly: Scopus's column names hold no quotes or commas. */
function readTable(text: string, report: ImportReport): Table | undefined {
  const records = readCsvRecords(text);
  if (!records[0]?.damage) return records.length ? { header: records[0].cells, rows: records.slice(1) } : undefined;
  const header = text.split(/\r\n|\r|\n/, 1)[0].split(',');
  report.warnings.push({ index: -1, line: 1, message: 'the header row has unbalanced quotes: its names were read as plain text' });
  return { header, rows: readCsvRecords(text, nextLineStart(text, 0), header.length) };
}

type Cells = (c: Column) => string;

/** Where a row's dropped values are said. */
interface RowNotes {
  yearDropped: (written: string) => void;
  urlDropped: (written: string) => void;
}

function toPaper(cell: Cells, raw: Cells, who: RowAuthors, id: (preferred: string | undefined) => string, source: string, notes: RowNotes): Paper {
  const year = parseYear(cell('year'), notes.yearDropped);
  const doi = cleanDoi(cell('doi'));
  const url = webUrl(cell('link'), notes.urlDropped);
  const eid = scopusEid(cell('eid')) ?? scopusEid(url);
  const pmid = /^\d{1,9}$/.test(cell('pmid')) ? cell('pmid') : undefined;
  return compact({
    id: id(doi ?? eid),
    title: cell('title'),
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
    citations: countCell(raw('citedBy')),
    ids: eid || pmid ? compact({ scopus: eid, pmid }) : undefined,
    sources: [source],
  });
}

export function parseScopusCsv(input: string, options?: ParseOptions): ParseResult {
  const text = stripBom(input);
  const report = emptyReport('scopus-csv');
  const table = readTable(text, report);
  if (!table) return fatalResult('scopus-csv', 'The Scopus CSV has no header row.');
  const { header, rows } = table;
  const col = columnIndex(header);
  if (col.title === undefined) return fatalResult('scopus-csv', `No Title column among: ${header.join(', ')}`);
  if (col.withAffiliations === undefined && col.affiliations !== undefined) {
    report.warnings.push({ index: -1, line: 1, message: 'no "Authors with affiliations" column: affiliations are not given to authors' });
  }
  const lineOf = lineIndex(text);
  const paperIds = new IdMaker();
  const items: Parsed[] = [];
  const tick = progress(options, rows.length);
  rows.forEach((row, index) => {
    tick(index + 1);
    const line = lineOf(row.start);
    const raw: Cells = (c) => (col[c] === undefined ? '' : (row.cells[col[c] as number] ?? ''));
    const cell: Cells = (c) => {
      const v = collapseSpace(raw(c));
      return isPlaceholder(v) ? '' : v;
    };
    const problem = row.damage ? `row is damaged: ${row.damage}` : !cell('title') ? 'row has no title' : undefined;
    if (problem) {
      report.skipped.push({ index, line, reason: problem, excerpt: excerpt(row.cells.join(' | ')) });
      return;
    }
    if (row.cells.length !== header.length) {
      report.warnings.push({ index, line, message: `${row.cells.length} cells where the header has ${header.length}` });
    }
    const who = rowAuthors({
      authors: raw('authors'),
      fullNames: raw('fullNames'),
      ids: raw('ids'),
      withAffiliations: raw('withAffiliations'),
      affiliations: raw('affiliations'),
    });
    for (const message of who.warnings) report.warnings.push({ index, line, message });
    const where = `row ${index + 1}, line ${line}`;
    const source = options?.fileName ? `${options.fileName} (${where})` : `Scopus CSV ${where}`;
    const notes: RowNotes = {
      yearDropped: yearWarner(report, index, line, `Scopus row ${index + 1}`),
      urlDropped: (u) => report.warnings.push({ index, line, message: urlDropped(`Scopus row ${index + 1}`, u) }),
    };
    items.push({ paper: toPaper(cell, raw, who, (preferred) => paperIds.make(preferred, `scopus-${index + 1}`), source, notes), index, line });
  });
  report.read = rows.length;
  return finish(items, report, options);
}
