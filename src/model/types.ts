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
  /** A stable identifier from the source (ORCID, OpenAlex author id), when there is one. */
  externalId?: string;
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
