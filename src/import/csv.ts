import Papa from 'papaparse';
import type { AuthorRef, Paper } from '../model/types';
import {
  arxivFromDoi, cleanArxiv, cleanDoi, collapseSpace, compact, emptyReport, excerpt, fatalResult, finish,
  IdMaker, isoDate, isoFromString, parseYear, progress, stripBom, type Parsed,
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
  if (has(/\s+and\s+/)) return ' and ';
  if (has(/\|/)) return '|';
  return ',';
}

function splitCell(cell: string, sep: string): string[] {
  const parts = sep.trim() === 'and' ? cell.split(/\s+and\s+/) : cell.split(sep);
  return parts.map((s) => collapseSpace(s)).filter(Boolean);
}

export interface CsvTable { headers: string[]; rows: Record<string, string>[]; errors: { row?: number; message: string }[] }

export function readCsvTable(input: string): CsvTable {
  const text = stripBom(input);
  const res = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() });
  return {
    headers: res.meta.fields ?? [],
    rows: res.data,
    errors: res.errors.map((e) => ({ row: e.row, message: e.message })),
  };
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
  const tick = progress(options, table.rows.length);
  const cell = (row: Record<string, string>, col?: string) => (col ? collapseSpace(row[col] ?? '') : '');
  table.rows.forEach((row, index) => {
    tick(index + 1);
    // Data row i is (at least) line i + 2: the header is line 1.
    const line = index + 2;
    const title = cell(row, mapping.title);
    if (rowErrors.has(index)) report.warnings.push({ index, line, message: rowErrors.get(index) as string });
    if (!title) {
      report.skipped.push({ index, line, reason: 'row has no title', excerpt: excerpt(Object.values(row).join(' | ')) });
      return;
    }
    const names = splitCell(cell(row, mapping.authors), mapping.authorSeparator);
    const truncated = names.some((n) => /^(et al\.?|others)$/i.test(n));
    const authors: AuthorRef[] = names.filter((n) => !/^(et al\.?|others)$/i.test(n)).map((n) => ({ name: n }));
    const affs = mapping.affiliations ? splitCell(cell(row, mapping.affiliations), mapping.affiliationSeparator ?? ';') : [];
    if (affs.length && authors.length) {
      if (affs.length === authors.length) authors.forEach((a, i) => { a.affiliations = [affs[i]]; });
      else report.warnings.push({ index, line, message: `${affs.length} affiliations for ${authors.length} authors: not assigned` });
    }
    const dateCell = cell(row, mapping.date);
    const year = parseYear(cell(row, mapping.year)) ?? parseYear(dateCell);
    const doi = cleanDoi(cell(row, mapping.doi));
    const url = cell(row, mapping.url) || undefined;
    const paper: Paper = compact({
      id: ids.make(doi, `row-${index + 1}`),
      title, authors, truncated,
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
  });
  report.read = table.rows.length;
  return finish(items, report, options);
}
