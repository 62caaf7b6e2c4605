import type { Alias, Dataset, Paper } from '../model/types';
import { nameKey } from '../model/names';

/** One author as the dataset knows them, after aliasing and de-duplication. */
export interface ResolvedAuthor {
  key: string;
  label: string;
  spellings: string[];
  paperIds: string[];
  affiliations: string[];
  isOwner: boolean;
  firstYear?: number;
  lastYear?: number;
}

/** A paper with its authors resolved to identity keys (deduplicated, order kept). */
export interface ResolvedPaper {
  paper: Paper;
  authorKeys: string[];
  /** True when the owner was linked although the (truncated) list does not show them. */
  ownerAdded: boolean;
}

export interface ResolvedDataset {
  authors: Map<string, ResolvedAuthor>;
  papers: ResolvedPaper[];
  ownerKey?: string;
}

/** key(from) → key(to), following chains (a → b → c) and ignoring cycles. */
export function aliasResolver(aliases: Alias[]): (key: string) => string {
  const next = new Map<string, string>();
  for (const a of aliases) {
    const from = nameKey(a.from);
    const to = nameKey(a.to);
    if (from && to && from !== to) next.set(from, to);
  }
  return (key) => {
    const seen = new Set<string>();
    let k = key;
    while (next.has(k) && !seen.has(k)) {
      seen.add(k);
      k = next.get(k)!;
    }
    return k;
  };
}

export function paperYear(paper: Paper): number | undefined {
  if (typeof paper.year === 'number' && Number.isFinite(paper.year)) return paper.year;
  const m = paper.date?.match(/^(\d{4})/);
  return m ? Number(m[1]) : undefined;
}

/**
 * Resolves every author position of the dataset to an identity key.
 * Identity = nameKey (case, diacritics, punctuation, spacing folded) then the alias list.
 * The label is the most common spelling (first seen wins a tie).
 */
export function resolveDataset(dataset: Dataset): ResolvedDataset {
  const resolve = aliasResolver(dataset.aliases ?? []);
  const keyOf = (ref: { name: string; externalId?: string }) => resolve(nameKey(ref.name));
  const ownerKey = dataset.owner ? resolve(nameKey(dataset.owner)) : undefined;

  const spellingCounts = new Map<string, Map<string, number>>();
  const authors = new Map<string, ResolvedAuthor>();
  const touch = (key: string): ResolvedAuthor => {
    let a = authors.get(key);
    if (!a) {
      a = { key, label: '', spellings: [], paperIds: [], affiliations: [], isOwner: key === ownerKey };
      authors.set(key, a);
      spellingCounts.set(key, new Map());
    }
    return a;
  };

  const papers: ResolvedPaper[] = [];
  for (const paper of dataset.papers) {
    const keys: string[] = [];
    const seen = new Set<string>();
    const year = paperYear(paper);
    for (const ref of paper.authors) {
      const key = keyOf(ref);
      if (!key) continue;
      const author = touch(key);
      const counts = spellingCounts.get(key)!;
      counts.set(ref.name.trim(), (counts.get(ref.name.trim()) ?? 0) + 1);
      for (const aff of ref.affiliations ?? []) if (!author.affiliations.includes(aff)) author.affiliations.push(aff);
      if (seen.has(key)) continue; // the same person listed twice on one paper
      seen.add(key);
      keys.push(key);
    }
    let ownerAdded = false;
    if (ownerKey && !seen.has(ownerKey)) {
      // The owner wrote every paper of their profile, even where the list is cut.
      const owner = touch(ownerKey);
      if (!spellingCounts.get(ownerKey)!.size) spellingCounts.get(ownerKey)!.set(dataset.owner!, 0);
      void owner;
      keys.push(ownerKey);
      seen.add(ownerKey);
      ownerAdded = true;
    }
    for (const key of keys) {
      const a = authors.get(key)!;
      a.paperIds.push(paper.id);
      if (year !== undefined) {
        a.firstYear = a.firstYear === undefined ? year : Math.min(a.firstYear, year);
        a.lastYear = a.lastYear === undefined ? year : Math.max(a.lastYear, year);
      }
    }
    papers.push({ paper, authorKeys: keys, ownerAdded });
  }

  for (const [key, author] of authors) {
    const counts = [...spellingCounts.get(key)!.entries()];
    // Stable sort keeps first-seen order among equal counts.
    counts.sort((a, b) => b[1] - a[1]);
    author.spellings = counts.map(([s]) => s);
    author.label = author.spellings[0] ?? key;
  }
  return { authors, papers, ownerKey };
}
