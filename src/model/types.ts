/**
 * The one Dataset shape every input format is parsed into. Everything downstream
 * (graph building, panels, exports) reads only this shape.
 */

/** One author position on a paper, as written by the source. */
export interface AuthorRef {
  /** The name as written, e.g. "Ellie Dingqiao Wen". */
  name: string;
  /** Affiliations of this author on this paper, where a source gives them. */
  affiliations?: string[];
  /**
   * Stable identifiers from the source, space-separated when several (`A5001`/`openalex:A5001`, `orcid:0000-…`,
   * `scopus:57190000001`, `rid:A-1234-2010` for a Web of Science ResearcherID), when there are any.
   */
  externalId?: string;
  /** Countries of this author's affiliations on this paper (as the source writes them, e.g. "USA", "Germany"). */
  countries?: string[];
}

/** A paper's identifiers in other databases (kept through merges, shown and exported). */
export interface PaperIds {
  /** Web of Science accession number (UT), e.g. "WOS:000123456700001". */
  wos?: string;
  /** Scopus EID, e.g. "2-s2.0-85000000000". */
  scopus?: string;
  /** PubMed id. */
  pmid?: string;
  /** OpenAlex work id, e.g. "W2741809807". */
  openalex?: string;
}

export interface Paper {
  /** Unique within the dataset. */
  id: string;
  title: string;
  /** Ordered author list. */
  authors: AuthorRef[];
  /** True when the source cut the list ("et al.", "and others", OpenAlex truncation). */
  truncated: boolean;
  /** ISO date (YYYY-MM-DD, YYYY-MM or YYYY) where known. */
  date?: string;
  year?: number;
  /** Category code, e.g. arXiv's "LG". */
  category?: string;
  venue?: string;
  arxiv?: string;
  doi?: string;
  url?: string;
  abstract?: string;
  /** Free affiliation tags attached to the whole paper (e.g. a profile page's tags). */
  affiliationTags?: string[];
  /** Group (consortium) authors, kept on the paper and never made into people (WoS `CA`, PubMed `CN`). */
  groupAuthors?: string[];
  /** Document type as the source names it ("Article", "Proceedings Paper", "Review", …). */
  documentType?: string;
  /** Times cited, where the source gives it (WoS `TC`, Scopus "Cited by", OpenAlex `cited_by_count`). */
  citations?: number;
  /** Identifiers in other databases. */
  ids?: PaperIds;
  /** Where the record came from, human-readable. */
  sources?: string[];
  /** Data caveats. */
  notes?: string;
}

/** "Treat `from` as the same person as `to`." Matched on normalised name keys. */
export interface Alias {
  from: string;
  to: string;
  reason?: string;
}

export interface ProfileHeader {
  name: string;
  category?: string;
  hIndex?: number;
  papers?: number;
  citations?: number;
  noveltyPercent?: number;
  aiScore?: number;
  sourceNote?: string;
}

/** Author positions over all papers (the size that decides where a dataset's graph is built). */
export function authorshipCount(dataset: Pick<Dataset, 'papers'>): number {
  let n = 0;
  for (const p of dataset.papers) n += p.authors.length;
  return n;
}

export interface Dataset {
  id: string;
  title: string;
  description?: string;
  /** The profile owner: linked to every paper, even truncated ones. */
  owner?: string;
  profile?: ProfileHeader;
  papers: Paper[];
  aliases: Alias[];
  /** Provenance notes for the dataset as a whole. */
  sourceNotes?: string[];
}

/** arXiv category codes used by the embedded profile, with their meaning. */
export const CATEGORY_NAMES: Record<string, string> = {
  AI: 'Artificial Intelligence',
  DC: 'Distributed, Parallel, and Cluster Computing',
  IR: 'Information Retrieval',
  LG: 'Machine Learning',
  CL: 'Computation and Language',
  CV: 'Computer Vision and Pattern Recognition',
};

export function categoryLabel(code: string | undefined): string {
  if (!code) return '';
  const name = CATEGORY_NAMES[code];
  return name ? `${name} (cs.${code})` : code;
}
