import type { Paper, PaperIds } from '../model/types';
import { nameKey, searchKey } from '../model/names';
import { AuthorUnion } from './authorUnion';
import type { MergeRule } from './types';

/** One merge: input paper `dropped` went into result paper `kept` (indices into the input and the result). */
export interface Merge {
  kept: number;
  dropped: number;
  by: MergeRule;
  authorsAdded: number;
}

export interface Deduped {
  papers: Paper[];
  /** `from[k]`: the input position of the record result paper k started from. */
  from: number[];
  merges: Merge[];
  /** Look-ups and comparisons made: at most a few per author position of the input (a test bounds it). */
  steps: number;
}

const FILLED = ['date', 'year', 'category', 'venue', 'arxiv', 'doi', 'url', 'abstract', 'documentType'] as const;
const UNITED = ['sources', 'groupAuthors', 'affiliationTags'] as const;
const ID_NAMES: Record<keyof PaperIds, string> = { wos: 'Web of Science UT', scopus: 'Scopus EID', pmid: 'PubMed id', openalex: 'OpenAlex id' };

/**
 * A paper of the result and what was merged into it. It is copied on its first merge, so no input is changed, and
 * it keeps sets while merging, so that each record merged in costs its own size (not the size of what is there).
 */
class Slot {
  paper: Paper;
  private authors?: AuthorUnion;
  private lists?: Map<(typeof UNITED)[number], Set<string>>;
  private notes?: Set<string>;

  constructor(
    readonly original: Paper,
    private readonly work: { steps: number },
  ) {
    this.paper = original;
  }

  /** Name keys of the authors now on this paper. */
  nameKeys(): string[] {
    return this.authors ? this.authors.nameKeys() : this.paper.authors.map((a) => nameKey(a.name)).filter(Boolean);
  }

  /** Merges `d` in; returns how many people only `d` listed. */
  absorb(d: Paper): number {
    if (this.paper === this.original) this.paper = { ...this.original };
    const p = this.paper;
    const before = this.authors?.size ?? p.authors.length;
    this.authors = this.unitedAuthors(d);
    for (const f of FILLED) if (p[f] === undefined && d[f] !== undefined) (p as unknown as Record<string, unknown>)[f] = d[f];
    if (p.doi && d.doi && p.doi.toLowerCase() !== d.doi.toLowerCase()) this.note(`Also recorded with DOI ${d.doi}.`);
    if (p.arxiv && d.arxiv && p.arxiv !== d.arxiv) this.note(`Also recorded as arXiv ${d.arxiv}.`);
    this.uniteIds(d.ids);
    for (const f of UNITED) if (d[f]?.length) this.list(f, d[f]);
    if (d.notes) this.note(d.notes);
    if (d.citations !== undefined && (p.citations === undefined || d.citations > p.citations)) p.citations = d.citations;
    // A complete list and a cut one make a complete one.
    p.truncated = p.truncated && d.truncated;
    return this.authors.size - before;
  }

  result(): Paper {
    if (this.paper === this.original) return this.original;
    const p = this.paper;
    if (this.authors) p.authors = this.authors.refs();
    for (const [f, set] of this.lists ?? []) p[f] = [...set];
    if (this.notes) p.notes = [...this.notes].join(' ');
    return p;
  }

  /** The longer list's order first (at equal length, a complete list's), then the other's extra people. */
  private unitedAuthors(d: Paper): AuthorUnion {
    const here = this.authors ?? new AuthorUnion(this.paper.authors, this.work);
    const theirsFirst = d.authors.length > here.size || (d.authors.length === here.size && this.paper.truncated && !d.truncated);
    if (!theirsFirst) {
      here.absorb(d.authors);
      return here;
    }
    const theirs = new AuthorUnion(d.authors, this.work);
    theirs.absorbUnion(here);
    return theirs;
  }

  private uniteIds(ids: PaperIds | undefined): void {
    if (!ids) return;
    const mine: PaperIds = { ...this.paper.ids };
    for (const k of Object.keys(ids) as (keyof PaperIds)[]) {
      const v = ids[k];
      if (!v) continue;
      if (!mine[k]) mine[k] = v;
      else if (mine[k] !== v) this.note(`Also recorded as ${ID_NAMES[k] ?? k} ${v}.`);
    }
    this.paper.ids = mine;
  }

  private list(f: (typeof UNITED)[number], more: string[]): void {
    this.lists ??= new Map();
    let set = this.lists.get(f);
    if (!set) this.lists.set(f, (set = new Set(this.paper[f])));
    for (const m of more) set.add(m);
  }

  private note(text: string): void {
    this.notes ??= new Set(this.paper.notes ? [this.paper.notes] : []);
    this.notes.add(text);
  }
}

/**
 * The one duplicate rule: a record is the paper already kept with the same DOI (case folded), else with the same arXiv
 * id, else with the same title (`searchKey`) and year and at least one author in common (`nameKey`; a title alone,
 * like "Preface", is not enough). The earliest such paper wins; what the record adds is merged into it.
 * The first `fixed` papers (the dataset appended to) never merge with each other.
 * Every record costs its own size: the title rule is looked up by title, year and each of the record's authors.
 */
export function dedupe(input: Paper[], fixed = 0): Deduped {
  const work = { steps: 0 };
  const slots: Slot[] = [];
  // Titles by number (keys stay short); a paper whose title no earlier paper has skips the title rule's look-ups.
  const titleIds = new Map<string, number>();
  const titleOf: number[] = [];
  const from: number[] = [];
  const merges: Merge[] = [];
  const byDoi = new Map<string, number>();
  const byArxiv = new Map<string, number>();
  const byTitle = new Map<string, number>();
  const yearOf = (s: number) => slots[s].paper.year;
  const titleKey = (title: number, year: number | undefined, name: string) => `${title}\u0000${year ?? ''}\u0000${name}`;
  const claim = (s: number, names: string[]) => {
    if (titleOf[s] < 0) return;
    const year = yearOf(s);
    for (const name of names) {
      work.steps++;
      const key = titleKey(titleOf[s], year, name);
      const held = byTitle.get(key);
      // A holder whose year has changed since no longer answers for this key.
      if (held === undefined || held > s || yearOf(held) !== year) byTitle.set(key, s);
    }
  };
  const registerIds = (s: number, p: Paper) => {
    if (p.doi && !byDoi.has(p.doi.toLowerCase())) byDoi.set(p.doi.toLowerCase(), s);
    if (p.arxiv && !byArxiv.has(p.arxiv)) byArxiv.set(p.arxiv, s);
  };
  const find = (p: Paper, title: number | undefined, names: string[]): { s: number; by: MergeRule } | undefined => {
    const doi = p.doi ? byDoi.get(p.doi.toLowerCase()) : undefined;
    if (doi !== undefined) return { s: doi, by: 'doi' };
    const arxiv = p.arxiv ? byArxiv.get(p.arxiv) : undefined;
    if (arxiv !== undefined) return { s: arxiv, by: 'arxiv' };
    if (title === undefined) return undefined;
    let best: number | undefined;
    for (const name of names) {
      work.steps++;
      const s = byTitle.get(titleKey(title, p.year, name));
      if (s !== undefined && (best === undefined || s < best) && yearOf(s) === p.year) best = s;
    }
    return best === undefined ? undefined : { s: best, by: 'title-year-author' };
  };

  input.forEach((paper, i) => {
    const title = searchKey(paper.title);
    const seen = title ? titleIds.get(title) : undefined;
    const names = paper.authors.map((a) => nameKey(a.name)).filter(Boolean);
    const hit = i < fixed ? undefined : find(paper, seen, names);
    if (!hit) {
      const s = slots.length;
      slots.push(new Slot(paper, work));
      if (title && seen === undefined) titleIds.set(title, titleIds.size);
      titleOf.push(title ? titleIds.get(title)! : -1);
      from.push(i);
      registerIds(s, paper);
      claim(s, names);
      return;
    }
    const yearBefore = yearOf(hit.s);
    const authorsAdded = slots[hit.s].absorb(paper);
    merges.push({ kept: hit.s, dropped: i, by: hit.by, authorsAdded });
    // The record's DOI and arXiv id lead here too (also where they differ from the paper's). A year learnt from the
    // record: the paper answers for its title and new year with all its authors.
    registerIds(hit.s, paper);
    registerIds(hit.s, slots[hit.s].paper);
    claim(hit.s, yearBefore !== yearOf(hit.s) ? slots[hit.s].nameKeys() : names);
  });
  return { papers: slots.map((s) => s.result()), from, merges, steps: work.steps };
}
