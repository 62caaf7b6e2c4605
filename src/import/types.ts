import type { Alias, Paper } from '../model/types';

export type ImportFormat =
  | 'bibtex'
  | 'ris'
  | 'csl-json'
  | 'openalex'
  | 'csv'
  | 'acl-xml'
  | 'profile-text'
  | 'wos'
  | 'scopus-csv'
  | 'pubmed';

export interface SkippedRecord { index: number; line?: number; reason: string; excerpt?: string }

export interface ImportWarning { index: number; line?: number; message: string }

export interface DuplicateMerge { keptId: string; droppedIndex: number; by: 'doi' | 'arxiv' | 'title' }

export interface ImportReport {
  format: ImportFormat;
  /** Records seen in the input, skipped ones included. */
  read: number;
  /** Papers in the result, after duplicates were merged. */
  imported: number;
  skipped: SkippedRecord[];
  warnings: ImportWarning[];
  duplicatesMerged: DuplicateMerge[];
  /** Paper ids with truncated author lists. */
  truncated: string[];
  /** Paper ids without authors. */
  noAuthors: string[];
  /** Paper ids without year. */
  noYear: string[];
  /** Set when nothing could be read at all; says why. */
  fatal?: string;
}

export interface ParseResult { papers: Paper[]; report: ImportReport; aliases?: Alias[]; owner?: string }

/** Which CSV column holds what. Column names are header strings. */
export interface CsvMapping {
  title?: string;
  authors?: string;
  /** String between two authors in the authors cell, e.g. ";" or " and ". */
  authorSeparator: string;
  year?: string;
  date?: string;
  venue?: string;
  doi?: string;
  arxiv?: string;
  url?: string;
  abstract?: string;
  /** Cell with one affiliation group per author, split by `affiliationSeparator`. */
  affiliations?: string;
  affiliationSeparator?: string;
}

export interface ParseOptions {
  onProgress?: (done: number, total: number) => void;
  csvMapping?: CsvMapping;
  /** Merge duplicates by DOI, arXiv id or title (default true). */
  dedupe?: boolean;
  /** Year used for profile dates shown without one ("May 23"); default: the current year. */
  referenceYear?: number;
  /** Name of the file, used in `sources` and as an ACL collection id fallback. */
  fileName?: string;
}
