import type { Alias, Paper } from '../model/types';

export type ImportFormat = 'bibtex' | 'ris' | 'csl-json' | 'openalex' | 'csv' | 'acl-xml' | 'profile-text' | 'wos' | 'scopus-csv' | 'pubmed';

export interface SkippedRecord {
  index: number;
  line?: number;
  reason: string;
  excerpt?: string;
}

export interface ImportWarning {
  index: number;
  line?: number;
  message: string;
}

/** How two records were found to be one paper: same DOI, same arXiv id, or same title and year with a shared author. */
export type MergeRule = 'doi' | 'arxiv' | 'title-year-author';

/** One record merged into a paper kept in the result (`combineResults` is the one place that merges). */
export interface DuplicateMerge {
  /** The paper kept: its id and title in the result, and the file it came from (absent: the dataset appended to). */
  keptId: string;
  keptTitle: string;
  keptFile?: string;
  /** The record merged in: its file, its record index (0-based) in that file, its line where known, its title. */
  droppedFile: string;
  droppedIndex: number;
  droppedLine?: number;
  droppedTitle: string;
  by: MergeRule;
  /** People only the dropped record listed, added to the kept paper's authors. */
  authorsAdded: number;
}

export interface ImportReport {
  format: ImportFormat;
  /** Records seen in the input, skipped ones included. */
  read: number;
  /** Papers in the result: what the parser read less skipped records; after `combineResults`, less the duplicates merged. */
  imported: number;
  skipped: SkippedRecord[];
  warnings: ImportWarning[];
  /** This file's records merged into another paper (filled by `combineResults`; a parser leaves it empty). */
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

/** Where a paper came from in its file: the record index (0-based) and the line where the parser knows it. */
export interface RecordPlace {
  index: number;
  line?: number;
}

export interface ParseResult {
  papers: Paper[];
  report: ImportReport;
  aliases?: Alias[];
  owner?: string;
  /** `records[i]` is where `papers[i]` was read (for the merge report); absent, a paper's place is its position. */
  records?: RecordPlace[];
}

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
  /** Year used for profile dates shown without one ("May 23"); default: the current year. */
  referenceYear?: number;
  /** Name of the file, used in `sources` and as an ACL collection id fallback. */
  fileName?: string;
}
