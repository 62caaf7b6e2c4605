/**
 * Look-ups the panels need, computed once per dataset from the dataset itself, so that
 * papers drawn as hubs still count as shared papers.
 */
import type { Dataset, Paper } from '../model/types';
import { resolveDataset, type ResolvedAuthor, type ResolvedDataset, type ResolvedPaper } from './authors';
import { searchKey } from '../model/names';

export interface Coauthor {
  key: string;
  label: string;
  sharedPaperIds: string[];
}

export interface DatasetIndex {
  dataset: Dataset;
  resolved: ResolvedDataset;
  paper(id: string): Paper | undefined;
  author(key: string): ResolvedAuthor | undefined;
  /** Identity keys of a paper's authors, in order, deduplicated. */
  authorsOf(paperId: string): string[];
  /** Coauthors ranked by shared papers (most first), then by label. */
  coauthorsOf(key: string): Coauthor[];
  /** The papers two authors share, newest first. */
  sharedPapers(a: string, b: string): Paper[];
  search(query: string, limit?: number): SearchHit[];
  /**
   * Folds up to `count` more names and titles for search (they are folded on the first search otherwise, seconds for a
   * million authorships); true once all are. The page calls it in short tasks after a big dataset opens.
   */
  prepareSearch(count: number): boolean;
}

/** The same order as `a.localeCompare(b)`, an order of magnitude faster per call. */
const byLabel = new Intl.Collator().compare;

export type SearchHit = { kind: 'author'; key: string; label: string; detail: string } | { kind: 'paper'; id: string; label: string; detail: string };

/** `papersById`: the resolved papers by id when the caller has them already (the page, from the worker's slices). */
export function indexDataset(
  dataset: Dataset,
  resolved: ResolvedDataset = resolveDataset(dataset),
  papersById?: ReadonlyMap<string, ResolvedPaper>,
): DatasetIndex {
  const papers = papersById ?? new Map(resolved.papers.map((rp) => [rp.paper.id, rp]));
  // Search keys are folded on the first search or, for a big dataset, a slice at a time after it opens (prepareSearch),
  // not when a dataset opens (a quarter second on ACL).
  let authorList: ResolvedAuthor[] | null = null;
  const authorTexts: { a: ResolvedAuthor; text: string }[] = [];
  const paperTexts: { p: Paper; text: string }[] = [];
  const foldMore = (count: number): boolean => {
    const authors = (authorList ??= [...resolved.authors.values()]);
    for (; count > 0 && authorTexts.length < authors.length; count--) {
      const a = authors[authorTexts.length];
      authorTexts.push({ a, text: searchKey(a.spellings.join(' | ')) });
    }
    for (; count > 0 && paperTexts.length < resolved.papers.length; count--) {
      const rp = resolved.papers[paperTexts.length];
      paperTexts.push({ p: rp.paper, text: searchKey(rp.paper.title) });
    }
    return authorTexts.length === authors.length && paperTexts.length === resolved.papers.length;
  };
  const texts = () => {
    foldMore(Infinity);
    return { authors: authorTexts, papers: paperTexts };
  };
  const coauthorCache = new Map<string, Coauthor[]>();

  return {
    dataset,
    resolved,
    paper: (id) => papers.get(id)?.paper,
    author: (key) => resolved.authors.get(key),
    authorsOf: (id) => papers.get(id)?.authorKeys ?? [],
    coauthorsOf(key) {
      const cached = coauthorCache.get(key);
      if (cached) return cached;
      const author = resolved.authors.get(key);
      const shared = new Map<string, string[]>();
      for (const pid of author?.paperIds ?? []) {
        for (const other of papers.get(pid)?.authorKeys ?? []) {
          if (other === key) continue;
          const list = shared.get(other);
          if (list) list.push(pid);
          else shared.set(other, [pid]);
        }
      }
      const result = [...shared.entries()]
        .map(([k, ids]) => ({ key: k, label: resolved.authors.get(k)!.label, sharedPaperIds: ids }))
        .sort((x, y) => y.sharedPaperIds.length - x.sharedPaperIds.length || x.label.localeCompare(y.label));
      coauthorCache.set(key, result);
      return result;
    },
    sharedPapers(a, b) {
      const mine = resolved.authors.get(a)?.paperIds ?? [];
      // Newest first, as an author's papers are listed (undated papers last).
      return mine
        .filter((pid) => papers.get(pid)?.authorKeys.includes(b))
        .map((pid) => papers.get(pid)!.paper)
        .sort((x, y) => (y.date ?? '').localeCompare(x.date ?? ''));
    },
    search(query, limit = 12) {
      const q = searchKey(query);
      if (!q) return [];
      const hits: (SearchHit & { rank: number })[] = [];
      const { authors: authorSearch, papers: paperSearch } = texts();
      for (const { a, text } of authorSearch) {
        const at = text.indexOf(q);
        if (at < 0) continue;
        const wordStart = at === 0 || text[at - 1] === ' ';
        hits.push({
          kind: 'author',
          key: a.key,
          label: a.label,
          detail: `${a.paperIds.length} paper${a.paperIds.length === 1 ? '' : 's'}`,
          rank: (at === 0 ? 0 : wordStart ? 1 : 2) * 1000 - a.paperIds.length,
        });
      }
      for (const { p, text } of paperSearch) {
        const at = text.indexOf(q);
        if (at < 0) continue;
        hits.push({ kind: 'paper', id: p.id, label: p.title, detail: `Paper · ${p.year ?? ''}`, rank: 1500 + (at === 0 ? 0 : 100) });
      }
      // Only the hits that can make the first `limit` are sorted by label (a one-letter query matches most of a million names).
      const ranks = Float64Array.from(hits, (h) => h.rank).sort();
      const worst = ranks.length > limit ? ranks[limit - 1] : Infinity;
      return hits
        .filter((h) => h.rank <= worst)
        .sort((x, y) => x.rank - y.rank || byLabel(x.label, y.label))
        .slice(0, limit)
        .map(({ rank: _rank, ...hit }) => hit as SearchHit);
    },
    prepareSearch: foldMore,
  };
}

/** Search over a graph's author nodes by label: for graphs that came without papers (graph files). */
export function searchGraphNodes(
  graph: { forEachNode: (cb: (node: string, attrs: { kind: string; label: string; authorKey?: string }) => void) => void; degree: (node: string) => number },
  query: string,
  limit = 12,
): SearchHit[] {
  const q = searchKey(query);
  if (!q) return [];
  const hits: { hit: SearchHit; rank: number }[] = [];
  graph.forEachNode((node, a) => {
    if (a.kind !== 'author' || !a.authorKey) return;
    const text = searchKey(a.label);
    const at = text.indexOf(q);
    if (at < 0) return;
    const degree = graph.degree(node);
    hits.push({
      hit: { kind: 'author', key: a.authorKey, label: a.label, detail: `${degree} link${degree === 1 ? '' : 's'}` },
      rank: (at === 0 ? 0 : 1) * 1e6 - degree,
    });
  });
  return hits
    .sort((x, y) => x.rank - y.rank || x.hit.label.localeCompare(y.hit.label))
    .slice(0, limit)
    .map((h) => h.hit);
}
