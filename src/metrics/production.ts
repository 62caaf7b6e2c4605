/**
 * Main information and annual production (bibliometrix's "Main information" and "Annual scientific production"),
 * computed in one pass over the resolved papers.
 */
import { paperYear, type ResolvedDataset, type ResolvedPaper } from '../graph/authors';

/** A cut list ("et al.") hides coauthors, so such a paper is multi-authored whatever it shows. */
export const isSingleAuthored = (rp: ResolvedPaper): boolean => rp.authorKeys.length === 1 && !rp.paper.truncated;
export const isMultiAuthored = (rp: ResolvedPaper): boolean => rp.authorKeys.length > 1 || (rp.paper.truncated && rp.authorKeys.length > 0);

export interface MainInformation {
  papers: number;
  /** Distinct identities after name folding, ids and aliases (`resolveDataset`). */
  authors: number;
  /** Σ over papers of the paper's distinct authors (a name listed twice on one paper counts once). */
  authorships: number;
  /** Σ of the author lists' lengths as the sources wrote them (bibliometrix's "author appearances"). */
  authorPositions: number;
  /** authors / papers. */
  authorsPerPaper: number | null;
  /** papers / authors (bibliometrix's "documents per author"). */
  papersPerAuthor: number | null;
  /** authorships / papers: mean team size (bibliometrix's "co-authors per document"). */
  coauthorsPerPaper: number | null;
  singleAuthoredPapers: number;
  multiAuthoredPapers: number;
  papersWithoutAuthors: number;
  /** singleAuthoredPapers / papers. */
  singleAuthoredShare: number | null;
  /** Distinct authors of single-authored papers. */
  authorsOfSingleAuthoredPapers: number;
  /** Elango & Rajendran (2012): authorships of multi-authored papers / multi-authored papers. */
  collaborationIndex: number | null;
  /** Papers whose author list was cut ("et al."): their counts are lower bounds. */
  truncatedPapers: number;
  firstYear?: number;
  lastYear?: number;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

export function mainInformation(resolved: ResolvedDataset): MainInformation {
  let authorships = 0,
    authorPositions = 0,
    single = 0,
    multi = 0,
    none = 0,
    multiAuthorships = 0,
    truncated = 0;
  let firstYear: number | undefined, lastYear: number | undefined;
  const singleAuthors = new Set<string>();
  for (const rp of resolved.papers) {
    const n = rp.authorKeys.length;
    authorships += n;
    authorPositions += rp.paper.authors.length;
    if (rp.paper.truncated) truncated++;
    if (n === 0) none++;
    else if (isSingleAuthored(rp)) {
      single++;
      singleAuthors.add(rp.authorKeys[0]);
    } else if (isMultiAuthored(rp)) {
      multi++;
      multiAuthorships += n;
    }
    const year = paperYear(rp.paper);
    if (year !== undefined) {
      if (firstYear === undefined || year < firstYear) firstYear = year;
      if (lastYear === undefined || year > lastYear) lastYear = year;
    }
  }
  const papers = resolved.papers.length;
  const authors = resolved.authors.size;
  return {
    papers,
    authors,
    authorships,
    authorPositions,
    authorsPerPaper: ratio(authors, papers),
    papersPerAuthor: ratio(papers, authors),
    coauthorsPerPaper: ratio(authorships, papers),
    singleAuthoredPapers: single,
    multiAuthoredPapers: multi,
    papersWithoutAuthors: none,
    singleAuthoredShare: ratio(single, papers),
    authorsOfSingleAuthoredPapers: singleAuthors.size,
    collaborationIndex: ratio(multiAuthorships, multi),
    truncatedPapers: truncated,
    firstYear,
    lastYear,
  };
}

export interface AnnualProduction {
  /** Years with at least one paper, ascending. */
  years: { year: number; papers: number }[];
  papersWithoutYear: number;
  /**
   * bibliometrix's annual growth rate (%): ((papers in the last year / papers in the first year)^(1 / span) − 1) × 100,
   * span = last year − first year; null with fewer than two years.
   */
  growthRate: number | null;
}

export function annualProduction(resolved: ResolvedDataset): AnnualProduction {
  const byYear = new Map<number, number>();
  let withoutYear = 0;
  for (const rp of resolved.papers) {
    const year = paperYear(rp.paper);
    if (year === undefined) withoutYear++;
    else byYear.set(year, (byYear.get(year) ?? 0) + 1);
  }
  const years = [...byYear].sort((a, b) => a[0] - b[0]).map(([year, papers]) => ({ year, papers }));
  let growthRate: number | null = null;
  if (years.length > 1) {
    const first = years[0],
      last = years[years.length - 1];
    growthRate = ((last.papers / first.papers) ** (1 / (last.year - first.year)) - 1) * 100;
  }
  return { years, papersWithoutYear: withoutYear, growthRate };
}
