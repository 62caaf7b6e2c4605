/** The indicators as CSV tables (the writer of src/export/csv.ts: RFC 4180, formula-looking text made inert). */
import { toCsv, type CsvValue } from '../export/csv';
import { compareAuthors } from './authors';
import type { Indicators } from './index';

export interface IndicatorTable {
  /** File-name part, e.g. "annual-production". */
  id: string;
  title: string;
  header: string[];
  rows: CsvValue[][];
}

/** Ratios to 4 decimals in files (1/3 → 0.3333); null stays empty. */
const round = (v: number | null | undefined): CsvValue => (v === null || v === undefined ? '' : Math.round(v * 1e4) / 1e4);

export function mainTable(ind: Indicators): IndicatorTable {
  const m = ind.main;
  const rows: CsvValue[][] = [
    ['Timespan', m.firstYear === undefined ? '' : `${m.firstYear}:${m.lastYear}`],
    ['Papers', m.papers],
    ['Authors', m.authors],
    ['Authorships', m.authorships],
    ['Author positions as written', m.authorPositions],
    ['Authors per paper', round(m.authorsPerPaper)],
    ['Papers per author', round(m.papersPerAuthor)],
    ['Co-authors per paper', round(m.coauthorsPerPaper)],
    ['Single-authored papers', m.singleAuthoredPapers],
    ['Share of single-authored papers', round(m.singleAuthoredShare)],
    ['Authors of single-authored papers', m.authorsOfSingleAuthoredPapers],
    ['Multi-authored papers', m.multiAuthoredPapers],
    ['Collaboration index', round(m.collaborationIndex)],
    ['Papers without authors', m.papersWithoutAuthors],
    ['Papers with cut author lists', m.truncatedPapers],
    ['Annual growth rate %', round(ind.annual.growthRate)],
  ];
  return { id: 'main-information', title: 'Main information', header: ['indicator', 'value'], rows };
}

export function annualTable(ind: Indicators): IndicatorTable {
  const rows: CsvValue[][] = ind.annual.years.map((y) => [y.year, y.papers]);
  if (ind.annual.papersWithoutYear) rows.push(['no year', ind.annual.papersWithoutYear]);
  return { id: 'annual-production', title: 'Annual production', header: ['year', 'papers'], rows };
}

/** Every author, most productive first (full counting). */
export function authorsTable(ind: Indicators): IndicatorTable {
  const rows = [...ind.authors].sort(compareAuthors('papers')).map((a) => [a.label, a.key, a.papers, round(a.fractional)]);
  return { id: 'authors', title: 'Author productivity', header: ['author', 'key', 'papers', 'papersFractional'], rows };
}

export function lotkaTable(ind: Indicators): IndicatorTable {
  const rows: CsvValue[][] = ind.lotka.points.map((p) => [p.papers, p.authors, round(p.share), round(p.fitted)]);
  const fit = ind.lotka.fit;
  if (fit) {
    rows.push([], ['exponent n', round(fit.exponent)], ['constant C', round(fit.constant)], ['R2', round(fit.r2)]);
    rows.push(['KS D', round(fit.ks)], ['KS critical value (0.01)', round(fit.ksCritical)]);
  }
  return { id: 'lotka', title: "Lotka's law", header: ['papers', 'authors', 'shareObserved', 'shareFitted'], rows };
}

export function dominanceTable(ind: Indicators): IndicatorTable {
  const rows = ind.dominance.map((d) => [
    d.label,
    round(d.dominance),
    d.papers,
    d.singleAuthored,
    d.multiAuthored,
    d.firstAuthoredMulti,
    d.rankByPapers,
    d.rankByDominance,
  ]);
  const header = ['author', 'dominanceFactor', 'papers', 'singleAuthored', 'multiAuthored', 'firstAuthoredMulti', 'rankByPapers', 'rankByDominance'];
  return { id: 'dominance', title: 'Author dominance', header, rows };
}

export function countriesTable(ind: Indicators): IndicatorTable {
  const rows = ind.countries.rows.map((c) => [c.country, c.papers, round(c.fractional), c.singleCountry, c.multiCountry, round(c.mcpRatio)]);
  return { id: 'countries', title: 'Countries', header: ['country', 'papers', 'papersFractional', 'SCP', 'MCP', 'MCPRatio'], rows };
}

/** The tables the view shows; countries only where some author has one. */
export function indicatorTables(ind: Indicators): IndicatorTable[] {
  const tables = [mainTable(ind), annualTable(ind), authorsTable(ind), lotkaTable(ind), dominanceTable(ind)];
  if (ind.countries.rows.length) tables.push(countriesTable(ind));
  return tables;
}

export const tableCsv = (t: IndicatorTable): string => toCsv(t.header, t.rows);

/** One file: each table under a title row, separated by an empty line. */
export function allTablesCsv(tables: IndicatorTable[]): string {
  return tables.map((t) => toCsv([t.title], []) + tableCsv(t)).join('\r\n');
}
