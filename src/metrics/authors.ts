/** Author productivity (full and fractional counting) and the dominance factor (Kumar & Kumar 2008). */
import type { ResolvedDataset } from '../graph/authors';
import { isMultiAuthored, isSingleAuthored } from './production';

export interface AuthorCount {
  key: string;
  label: string;
  /** Full counting: papers the author is on. */
  papers: number;
  /** Fractional counting: each paper gives 1/n to each of its n authors. */
  fractional: number;
  singleAuthored: number;
  multiAuthored: number;
  /** Multi-authored papers on which the author is listed first. */
  firstAuthoredMulti: number;
}

/** One empty row per identity, in the dataset's first-seen order. */
export function emptyAuthorCounts(resolved: ResolvedDataset): Map<string, AuthorCount> {
  const rows = new Map<string, AuthorCount>();
  for (const a of resolved.authors.values()) {
    rows.set(a.key, { key: a.key, label: a.label, papers: 0, fractional: 0, singleAuthored: 0, multiAuthored: 0, firstAuthoredMulti: 0 });
  }
  return rows;
}

/** Adds papers [from, to) to `rows` (a slice at a time, so that a page can yield between slices). */
export function countAuthorPapers(resolved: ResolvedDataset, rows: Map<string, AuthorCount>, from = 0, to = resolved.papers.length): void {
  for (let i = from; i < to; i++) {
    const rp = resolved.papers[i];
    const keys = rp.authorKeys;
    const share = 1 / keys.length;
    const multi = isMultiAuthored(rp);
    const single = isSingleAuthored(rp);
    // The owner is appended to a cut list that does not show them: they are then not its first author.
    const first = rp.paper.authors.length > 0 && !(rp.ownerAdded && keys.length === 1) ? keys[0] : undefined;
    for (const key of keys) {
      const row = rows.get(key)!;
      row.papers++;
      row.fractional += share;
      if (single) row.singleAuthored++;
      if (multi) row.multiAuthored++;
    }
    if (multi && first !== undefined) rows.get(first)!.firstAuthoredMulti++;
  }
}

/** One row per identity, in the dataset's first-seen order; linear in the authorships. */
export function authorCounts(resolved: ResolvedDataset): AuthorCount[] {
  const rows = emptyAuthorCounts(resolved);
  countAuthorPapers(resolved, rows);
  return [...rows.values()];
}

export type AuthorRanking = 'papers' | 'fractional';

const byName = new Intl.Collator('en').compare;

/** Most productive first; ties by the other count, then by name. */
export function compareAuthors(by: AuthorRanking): (a: AuthorCount, b: AuthorCount) => number {
  const other: AuthorRanking = by === 'papers' ? 'fractional' : 'papers';
  return (a, b) => b[by] - a[by] || b[other] - a[other] || byName(a.label, b.label) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** The k first of `rows` in `compareAuthors(by)` order, in O(rows × k) (k is small; no full sort on 80k authors). */
export function topAuthors(rows: readonly AuthorCount[], k: number, by: AuthorRanking): AuthorCount[] {
  const cmp = compareAuthors(by);
  const top: AuthorCount[] = [];
  for (const row of rows) {
    if (top.length === k && cmp(row, top[k - 1]) >= 0) continue;
    let at = top.length;
    while (at > 0 && cmp(row, top[at - 1]) < 0) at--;
    top.splice(at, 0, row);
    if (top.length > k) top.pop();
  }
  return top;
}

export interface DominanceRow {
  key: string;
  label: string;
  papers: number;
  singleAuthored: number;
  multiAuthored: number;
  firstAuthoredMulti: number;
  /** firstAuthoredMulti / multiAuthored; null without multi-authored papers. */
  dominance: number | null;
  rankByPapers: number;
  rankByDominance: number;
}

/** Standard competition ranks ("1, 2, 2, 4") of `values`, highest first; null ranks last. */
function ranks(values: (number | null)[]): number[] {
  return values.map((v) => 1 + values.filter((w) => (w ?? -Infinity) > (v ?? -Infinity)).length);
}

/**
 * Kumar & Kumar (2008) dominance factor of the k most productive authors (full counting), highest DF first.
 * Unlike bibliometrix, which lists only authors who were first author at least once, authors with DF 0 are kept.
 */
export function dominance(rows: readonly AuthorCount[], k: number): DominanceRow[] {
  const top = topAuthors(rows, k, 'papers');
  const dfs = top.map((r) => (r.multiAuthored > 0 ? r.firstAuthoredMulti / r.multiAuthored : null));
  const byPapers = ranks(top.map((r) => r.papers));
  const byDf = ranks(dfs);
  return top
    .map((r, i) => ({
      key: r.key,
      label: r.label,
      papers: r.papers,
      singleAuthored: r.singleAuthored,
      multiAuthored: r.multiAuthored,
      firstAuthoredMulti: r.firstAuthoredMulti,
      dominance: dfs[i],
      rankByPapers: byPapers[i],
      rankByDominance: byDf[i],
    }))
    .sort((a, b) => a.rankByDominance - b.rankByDominance || a.rankByPapers - b.rankByPapers);
}
