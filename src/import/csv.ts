import Papa from 'papaparse';
import type { AuthorRef, Paper } from '../model/types';
import {
  arxivFromDoi,
  capReport,
  cleanArxiv,
  cleanDoi,
  collapseSpace,
  compact,
  emptyReport,
  excerpt,
  fatalResult,
  finish,
  IdMaker,
  isEtAl,
  isoDate,
  isoFromString,
  lineIndex,
  parseYear,
  progress,
  stripBom,
  urlDropped,
  webUrl,
  yearWarner,
  type Parsed,
} from './common';
import type { CsvMapping, ParseOptions, ParseResult } from './types';

const HEADER_HINTS: [keyof CsvMapping, RegExp][] = [
  ['title', /^(title|article title|document title|paper title|name)$/i],
  ['authors', /^(authors?|author names?|author full names|creators?|author\(s\))$/i],
  ['year', /^(year|publication year|pub year|py)$/i],
  ['date', /^(date|publication date|published|issued|pub date)$/i],
  ['venue', /^(venue|journal|source|source title|publication|publication title|container[- ]title|booktitle|conference|journal\/conference)$/i],
  ['doi', /^doi$/i],
  ['arxiv', /^(arxiv|arxiv id|eprint)$/i],
  ['url', /^(url|link)$/i],
  ['abstract', /^abstract$/i],
  ['affiliations', /^(affiliations?|authors with affiliations|institutions?)$/i],
];

/** Guesses which header holds which field; the author separator from sample cells when given. */
export function guessCsvMapping(headers: string[], sampleRows: Record<string, string>[] = []): CsvMapping {
  const mapping: CsvMapping = { authorSeparator: ';' };
  for (const [field, re] of HEADER_HINTS) {
    const h = headers.find((x) => re.test(x.trim()));
    if (h !== undefined) (mapping as unknown as Record<string, string>)[field] = h;
  }
  if (mapping.authors) {
    const cells = sampleRows.map((r) => r[mapping.authors as string] ?? '').filter(Boolean);
    mapping.authorSeparator = guessSeparator(cells);
  }
  if (mapping.affiliations) mapping.affiliationSeparator = ';';
  return mapping;
}

function guessSeparator(cells: string[]): string {
  const has = (re: RegExp) => cells.some((c) => re.test(c));
  if (has(/;/)) return ';';
  if (cells.some((c) => splitOnAnd(c).length > 1)) return ' and ';
  if (has(/\|/)) return '|';
  return ',';
}

/**
 * `cell.split(/\s+and\s+/)` in one pass: that regex retries a long run of white space from each of its characters.
 * Words sit at even indexes of `tokens`, white space runs at odd ones; an `and` between two runs not yet used splits.
 */
function splitOnAnd(cell: string): string[] {
  const tokens = cell.split(/(\s+)/);
  const parts: string[] = [];
  let from = 0; // first token of the current part
  for (let i = 2; i + 1 < tokens.length; i += 2) {
    if (tokens[i] === 'and' && i - 1 >= from) {
      parts.push(tokens.slice(from, i - 1).join(''));
      from = i + 2;
    }
  }
  parts.push(tokens.slice(from).join(''));
  return parts;
}

function splitCell(cell: string, sep: string): string[] {
  const parts = sep.trim() === 'and' ? splitOnAnd(cell) : cell.split(sep);
  return parts.map((s) => collapseSpace(s)).filter(Boolean);
}

/** A row that could not be read (an unclosed quote): `before` good rows come before it. */
export interface CsvBrokenRow {
  before: number;
  line: number;
  message: string;
  excerpt: string;
}

/**
 * Header names, rows keyed by them (objects without a prototype: a column may be called `__proto__`), each row's
 * line, row errors (`row` counts data rows from 0) and rows not read.
 */
export interface CsvTable {
  headers: string[];
  rows: Record<string, string>[];
  lines: number[];
  errors: { row?: number; message: string }[];
  broken: CsvBrokenRow[];
}

interface RawRows {
  cells: string[][];
  starts: number[];
  errors: Papa.ParseError[];
  delimiter: string;
  linebreak: string;
}

/** Papaparse rows of `text` (as arrays) with the offset each starts at. */
function rawRows(text: string, config: Papa.ParseConfig<string[]> = {}): RawRows {
  const out: RawRows = { cells: [], starts: [], errors: [], delimiter: ',', linebreak: '\n' };
  let cursor = 0;
  Papa.parse<string[]>(text, {
    ...config,
    skipEmptyLines: 'greedy',
    step: (r) => {
      let start = cursor;
      while (text[start] === '\n' || text[start] === '\r') start++;
      out.cells.push(r.data);
      out.starts.push(start);
      for (const e of r.errors) out.errors.push({ ...e, row: e.row === undefined ? undefined : out.cells.length - 1 });
      out.delimiter = r.meta.delimiter;
      out.linebreak = r.meta.linebreak;
      cursor = r.meta.cursor;
    },
  });
  return out;
}

/** Header names as papaparse gives them with `header: true`: trimmed, a repeated name numbered (`Title_1`). */
function headerNames(cells: string[]): string[] {
  const used = new Set(cells.map((h) => h.trim()));
  const count = new Map<string, number>();
  return cells.map((raw) => {
    const h = raw.trim();
    const n = count.get(h);
    count.set(h, (n ?? 0) + 1);
    if (n === undefined) return h;
    let k = n;
    let name = `${h}_${k}`;
    while (used.has(name)) name = `${h}_${++k}`;
    used.add(name);
    return name;
  });
}

/** A character absent from `text`, to read it with quoting off; undefined if all candidates occur. */
function absentChar(text: string): string | undefined {
  return ['\u0000', '\uFFFF', '\u0001', '\uFFFE'].find((c) => !text.includes(c));
}

/** Re-reads after rows whose quoted field ran on past later quotes (each re-read costs the rest of the file). */
const MAX_REREADS = 20;

/**
 * The first row of `raw` (from `from`) that an unclosed quote broke: the one papaparse ends on with MissingQuotes
 * (the quote's field runs to the end), or one whose field spans lines and has a malformed closing quote (the field
 * ran on to a later row's quote; only while `mayReread`). `quoteAt`: the opening quote when known.
 */
function brokenRow(raw: RawRows, from: number, mayReread: boolean): { row: number; quoteAt?: number } | undefined {
  const missing = raw.errors.find((e) => e.code === 'MissingQuotes');
  // A row is looked at once, however many malformed quotes it has (one long row can have thousands).
  const seen = new Set<number>();
  for (const e of raw.errors) {
    if (e.code !== 'InvalidQuotes' || e.row === undefined || e.row < from || !mayReread || seen.has(e.row)) continue;
    seen.add(e.row);
    if (raw.cells[e.row].some((c) => c.includes('\n') || c.includes('\r'))) return { row: e.row };
  }
  return missing && raw.cells.length - 1 >= from ? { row: raw.cells.length - 1, quoteAt: (missing.index ?? 1) - 1 } : undefined;
}

/** Offset of the line after the one holding `at`. */
function nextLineStart(text: string, at: number): number {
  const end = text.slice(at).search(/\r\n|\r|\n/);
  return end < 0 ? text.length : at + end + (text.startsWith('\r\n', at + end) ? 2 : 1);
}

export function readCsvTable(input: string): CsvTable {
  const text = stripBom(input);
  const lineOf = lineIndex(text);
  const table: CsvTable = { headers: [], rows: [], lines: [], errors: [], broken: [] };
  let raw = rawRows(text);
  if (!raw.cells.length) return table;
  table.headers = headerNames(raw.cells[0]);
  const n = table.headers.length;
  const addRows = (from: number, to: number, offset: number) => {
    const errors = new Map<number, string>();
    for (const e of raw.errors) if (e.row !== undefined && e.row >= from && e.row < to) errors.set(e.row, e.message);
    for (let i = from; i < to; i++) {
      const cells = raw.cells[i];
      const row: Record<string, string> = Object.create(null);
      table.headers.forEach((h, j) => {
        if (j < cells.length) row[h] = cells[j];
      });
      const message = cells.length !== n ? `Too ${cells.length > n ? 'many' : 'few'} fields: expected ${n} fields but parsed ${cells.length}` : errors.get(i);
      if (message) table.errors.push({ row: table.rows.length, message });
      table.rows.push(row);
      table.lines.push(lineOf(raw.starts[i] + offset));
    }
  };
  for (const e of raw.errors) if (e.row === undefined) table.errors.push({ message: e.message });
  const { delimiter, linebreak } = raw;
  let offset = 0;
  let from = 1; // the header row is row 0 of the first read
  for (let reread = 0; ; reread++) {
    const bad = brokenRow(raw, from, reread < MAX_REREADS);
    if (!bad) {
      addRows(from, raw.cells.length, offset);
      return table;
    }
    addRows(from, bad.row, offset);
    const badStart = raw.starts[bad.row] + offset;
    const restStart = nextLineStart(text, bad.quoteAt === undefined ? badStart : bad.quoteAt + offset);
    const rest = text.slice(restStart);
    // After a quote that never closes, no quote closes (papaparse looked): the rest is read with quoting off.
    const quoteChar = bad.quoteAt === undefined ? '"' : absentChar(rest);
    table.broken.push({
      before: table.rows.length,
      line: lineOf(badStart),
      message:
        `unclosed quote (") on line ${lineOf(bad.quoteAt === undefined ? badStart : bad.quoteAt + offset)}: the row is not read` +
        (quoteChar === undefined ? ', nor anything after it' : ''),
      excerpt: excerpt(text.slice(badStart, restStart)),
    });
    if (quoteChar === undefined || !rest.trim()) return table;
    raw = rawRows(rest, { delimiter, newline: linebreak as Papa.ParseConfig['newline'], quoteChar });
    offset = restStart;
    from = 0;
  }
}

export function parseCsv(input: string, options?: ParseOptions): ParseResult {
  const report = emptyReport('csv');
  let table: CsvTable;
  try {
    table = readCsvTable(input);
  } catch (err) {
    return fatalResult('csv', `CSV could not be read: ${(err as Error).message}`);
  }
  if (!table.headers.length) return fatalResult('csv', 'CSV has no header row.');
  const mapping = options?.csvMapping ?? guessCsvMapping(table.headers, table.rows.slice(0, 50));
  if (!mapping.title) return fatalResult('csv', `No title column found among: ${table.headers.join(', ')}`);
  const rowErrors = new Map<number, string>();
  for (const e of table.errors) if (e.row !== undefined) rowErrors.set(e.row, e.message);
  const ids = new IdMaker();
  const items: Parsed[] = [];
  const total = table.rows.length + table.broken.length;
  const tick = progress(options, total);
  const cell = (row: Record<string, string>, col?: string) => (col ? collapseSpace(row[col] ?? '') : '');
  // Records in file order: the good rows, with the rows not read among them; `index` counts both.
  let index = 0;
  let nextBroken = 0;
  const readRow = (row: Record<string, string>, line: number, rowError: string | undefined) => {
    const record = `row ${index + 1}`;
    const warn = (message: string) => report.warnings.push({ index, line, message });
    const title = cell(row, mapping.title);
    if (rowError) warn(rowError);
    if (!title) {
      report.skipped.push({ index, line, reason: 'row has no title', excerpt: excerpt(Object.values(row).join(' | ')) });
      return;
    }
    const names = splitCell(cell(row, mapping.authors), mapping.authorSeparator);
    const truncated = names.some(isEtAl);
    const authors: AuthorRef[] = names.filter((n) => !isEtAl(n)).map((n) => ({ name: n }));
    const affs = mapping.affiliations ? splitCell(cell(row, mapping.affiliations), mapping.affiliationSeparator ?? ';') : [];
    if (affs.length && authors.length) {
      if (affs.length === authors.length)
        authors.forEach((a, i) => {
          a.affiliations = [affs[i]];
        });
      else warn(`${affs.length} affiliations for ${authors.length} authors: not assigned`);
    }
    const dateCell = cell(row, mapping.date);
    const dropYear = yearWarner(report, index, line, record);
    const year = parseYear(cell(row, mapping.year), dropYear) ?? parseYear(dateCell, dropYear);
    const doi = cleanDoi(cell(row, mapping.doi));
    const url = webUrl(cell(row, mapping.url), (u) => warn(urlDropped(record, u)));
    const paper: Paper = compact({
      id: ids.make(doi, `row-${index + 1}`),
      title,
      authors,
      truncated,
      date: isoFromString(dateCell) ?? isoDate(year),
      year,
      venue: cell(row, mapping.venue) || undefined,
      doi,
      arxiv: cleanArxiv(cell(row, mapping.arxiv)) ?? arxivFromDoi(doi) ?? (url && /arxiv\.org/.test(url) ? cleanArxiv(url) : undefined),
      url,
      abstract: cell(row, mapping.abstract) || undefined,
      sources: [options?.fileName ? `${options.fileName} (row ${index + 1})` : `CSV row ${index + 1}`],
    });
    items.push({ paper, index, line });
  };
  const readBroken = (upTo: number) => {
    for (; nextBroken < table.broken.length && table.broken[nextBroken].before <= upTo; nextBroken++, index++) {
      const b = table.broken[nextBroken];
      report.skipped.push({ index, line: b.line, reason: b.message, excerpt: b.excerpt });
      tick(index + 1);
    }
  };
  table.rows.forEach((row, i) => {
    readBroken(i);
    readRow(row, table.lines[i], rowErrors.get(i));
    tick(++index);
  });
  readBroken(Infinity);
  report.read = total;
  return finish(items, capReport(report), options);
}
