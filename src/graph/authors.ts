import type { Alias, Dataset, Paper } from '../model/types';
import { nameKey } from '../model/names';
import { exactSize } from './compact';

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

/**
 * Identity keys are readable, stable strings: the `nameKey` of the person's name ("ana ribeiro"), or, where two
 * people with source ids (OpenAlex author id, ORCID, Scopus author id, ResearcherID) share that name key, the name
 * key, `#` and the lower-cased short id ("ana ribeiro#a5001234501", "ana ribeiro#0000-0002-1825-0097",
 * "li s#57190000001"). `nameKey` only emits letters, digits and single
 * spaces, so `#` never occurs in a plain name key.
 */
export const ID_SEPARATOR = '#';
const SHORT_ID_RE = /^(?:a\d+|\d{4}-\d{4}-\d{4}-\d{3}[\dx]|\d{5,15}|[a-z]{1,3}-\d{4}-\d{4})$/;

/** The name part of an identity key (`"ana ribeiro#a5001"` → `"ana ribeiro"`). */
export function keyName(key: string): string {
  const i = key.indexOf(ID_SEPARATOR);
  return i < 0 ? key : key.slice(0, i);
}

/**
 * The identity key an alias end (or a typed key) stands for: an identity key with an id suffix keeps it
 * (its name part re-normalised), anything else is a name and gives its `nameKey`.
 */
export function aliasKey(text: string): string {
  const i = text.lastIndexOf(ID_SEPARATOR);
  if (i > 0) {
    const id = text
      .slice(i + 1)
      .trim()
      .toLowerCase();
    const name = nameKey(text.slice(0, i));
    if (name && SHORT_ID_RE.test(id)) return `${name}${ID_SEPARATOR}${id}`;
  }
  return nameKey(text);
}

/** key(from) → key(to), following chains (a → b → c) and ignoring cycles. */
export function aliasResolver(aliases: Alias[]): (key: string) => string {
  const next = new Map<string, string>();
  for (const a of aliases) {
    const from = aliasKey(a.from);
    const to = aliasKey(a.to);
    if (from && to && from !== to) next.set(from, to);
  }
  if (!next.size) return (key) => key;
  return (key) => {
    if (!next.has(key)) return key;
    const seen = new Set<string>();
    let k = key;
    while (next.has(k) && !seen.has(k)) {
      seen.add(k);
      k = next.get(k)!;
    }
    return k;
  };
}

const OPENALEX_AUTHOR_RE = /^(?:openalex:|https?:\/\/(?:api\.)?openalex\.org\/(?:authors\/)?)(a\d+)$/i;
const BARE_OPENALEX_AUTHOR_RE = /^A\d+$/;
const ORCID_RE = /^(?:orcid:|https?:\/\/(?:www\.)?orcid\.org\/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dx])$/i;
const SCOPUS_AUTHOR_RE = /^scopus:(\d{5,15})$/i;
const RESEARCHER_ID_RE = /^rid:([A-Z]{1,3}-\d{4}-(?:19|20)\d\d)$/i;

/**
 * The person ids an `externalId` holds, normalised (`openalex:A5001`, `orcid:0000-0002-1825-0097`). Several ids
 * may be given, separated by spaces, commas or semicolons. Only OpenAlex author ids, ORCIDs, Scopus author ids
 * (`scopus:<digits>`) and Web of Science ResearcherIDs (`rid:A-1234-2010`) count: other
 * source ids (the ACL Anthology's person ids, which encode the same thing as its name_variants.yaml) are ignored,
 * so identity there stays name-based and its published author counts hold.
 */
export function identityIds(externalId: string | undefined): string[] {
  if (!externalId) return [];
  const out: string[] = [];
  for (const token of externalId.split(/[\s,;]+/)) {
    if (!token) continue;
    const oa = token.match(OPENALEX_AUTHOR_RE) ?? (BARE_OPENALEX_AUTHOR_RE.test(token) ? [token, token] : null);
    if (oa) {
      out.push(`openalex:${oa[1].toUpperCase()}`);
      continue;
    }
    const orcid = token.match(ORCID_RE);
    if (orcid) {
      out.push(`orcid:${orcid[1].toUpperCase()}`);
      continue;
    }
    const scopus = token.match(SCOPUS_AUTHOR_RE);
    if (scopus) {
      out.push(`scopus:${scopus[1]}`);
      continue;
    }
    const rid = token.match(RESEARCHER_ID_RE);
    if (rid) out.push(`rid:${rid[1].toUpperCase()}`);
  }
  return out;
}

/** Pre-alias identity keys of a dataset: one per author position (`''` for a name that folds to nothing). */
export interface IdentityKeys {
  /** `refKeys[i][j]`: the key of author j of paper i, before aliases. */
  refKeys: string[][];
  /** The owner's key before aliases (undefined without an owner). */
  ownerKey?: string;
}

/**
 * Who is who before aliases.
 * - References with OpenAlex/ORCID ids are grouped by id (references sharing any id are one person, so one
 *   person may carry an OpenAlex id and an ORCID); each such id-person "claims" the name keys of its spellings and
 *   is named by its most common one (ties: the longer, then the alphabetically first key).
 * - An id-person's key is its name key when it is the only id-person claiming that name key, else
 *   `<nameKey>#<short id>` with its smallest id: two different ids never merge by name.
 * - A reference without an id joins the one id-person claiming its name key. When several id-persons claim it,
 *   it cannot be told which one is meant, so it stays a separate name-only author under the plain name key.
 *   When none does, its key is its name key, as for any source without ids.
 * Every pass is linear in the number of author positions (union-find over ids); nothing depends on paper order.
 */
export function identityKeys(dataset: Dataset): IdentityKeys {
  const papers = dataset.papers;
  // Folded once per distinct spelling (the ACL Anthology: 140k positions, 42k spellings).
  const folded = new Map<string, string>();
  const keyOfName = (name: string) => {
    let k = folded.get(name);
    if (k === undefined) folded.set(name, (k = nameKey(name)));
    return k;
  };
  let anyExternalId = false;
  const nameKeys: string[][] = papers.map((p) =>
    p.authors.map((ref) => {
      if (ref.externalId) anyExternalId = true;
      return keyOfName(ref.name);
    }),
  );
  const ownerName = dataset.owner ? nameKey(dataset.owner) : undefined;
  if (!anyExternalId) return { refKeys: nameKeys, ownerKey: ownerName };

  // Union-find over ids.
  const idIndex = new Map<string, number>();
  const parent: number[] = [];
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  const idCache = new Map<string, string[]>();
  // The ids of the references that carry any, by flat position (most references of most sources carry none).
  const refIds = new Map<number, number[]>();
  let position = 0;
  papers.forEach((p, pi) =>
    p.authors.forEach((ref, ri) => {
      const at = position++;
      if (!ref.externalId || !nameKeys[pi][ri]) return;
      let ids = idCache.get(ref.externalId);
      if (!ids) idCache.set(ref.externalId, (ids = identityIds(ref.externalId)));
      if (!ids.length) return;
      const nums = ids.map((id) => {
        let n = idIndex.get(id);
        if (n === undefined) {
          n = parent.length;
          parent.push(n);
          idIndex.set(id, n);
        }
        return n;
      });
      for (let k = 1; k < nums.length; k++) {
        const a = find(nums[0]),
          b = find(nums[k]);
        if (a !== b) parent[b] = a;
      }
      refIds.set(at, nums);
    }),
  );

  if (!idIndex.size) return { refKeys: nameKeys, ownerKey: ownerName };

  // id-persons: their ids, the name keys they were written with (with counts), their number of positions.
  interface Person {
    ids: string[];
    names: Map<string, number>;
    refs: number;
    key: string;
  }
  const persons = new Map<number, Person>();
  const personOf = (n: number): Person => {
    const root = find(n);
    let p = persons.get(root);
    if (!p) persons.set(root, (p = { ids: [], names: new Map(), refs: 0, key: '' }));
    return p;
  };
  for (const [id, n] of idIndex) personOf(n).ids.push(id);
  position = 0;
  papers.forEach((paper, pi) =>
    paper.authors.forEach((_, ri) => {
      const nums = refIds.get(position++);
      if (!nums) return;
      const p = personOf(nums[0]);
      const k = nameKeys[pi][ri];
      p.names.set(k, (p.names.get(k) ?? 0) + 1);
      p.refs++;
    }),
  );
  const claims = new Map<string, Person[]>();
  for (const p of persons.values()) {
    for (const k of p.names.keys()) {
      const list = claims.get(k);
      if (list) list.push(p);
      else claims.set(k, [p]);
    }
  }
  for (const p of persons.values()) {
    let best = '';
    let bestCount = -1;
    for (const [k, c] of p.names) {
      if (c > bestCount || (c === bestCount && (k.length > best.length || (k.length === best.length && k < best)))) {
        best = k;
        bestCount = c;
      }
    }
    p.ids.sort();
    p.key = claims.get(best)!.length === 1 ? best : `${best}${ID_SEPARATOR}${p.ids[0].slice(p.ids[0].indexOf(':') + 1).toLowerCase()}`;
  }

  position = 0;
  const refKeys = papers.map((paper, pi) =>
    paper.authors.map((_, ri) => {
      const nums = refIds.get(position++);
      if (nums) return personOf(nums[0]).key;
      const k = nameKeys[pi][ri];
      const claimed = claims.get(k);
      // Several id-persons share this name: the reference stays a name-only author (plain name key).
      return claimed?.length === 1 ? claimed[0].key : k;
    }),
  );

  let ownerKey = ownerName;
  const ownerClaims = ownerName ? claims.get(ownerName) : undefined;
  if (ownerClaims) {
    // The owner is on every paper of their profile: among id-persons of that name, the one on the most papers.
    let best = ownerClaims[0];
    for (const p of ownerClaims) if (p.refs > best.refs || (p.refs === best.refs && p.key < best.key)) best = p;
    ownerKey = best.key;
  }
  return { refKeys, ownerKey };
}

export function paperYear(paper: Paper): number | undefined {
  if (typeof paper.year === 'number' && Number.isFinite(paper.year)) return paper.year;
  const m = paper.date?.match(/^(\d{4})/);
  return m ? Number(m[1]) : undefined;
}

/**
 * Resolves every author position of the dataset to an identity key.
 * Identity = source ids (OpenAlex, ORCID) where given, else nameKey (case, diacritics, punctuation, `Last, First`
 * order, spacing folded); see `identityKeys`. Then the alias list.
 * The label is the most common spelling (first seen wins a tie).
 */
export function resolveDataset(dataset: Dataset): ResolvedDataset {
  const resolve = aliasResolver(dataset.aliases ?? []);
  const identity = identityKeys(dataset);
  const ownerKey = identity.ownerKey !== undefined ? resolve(identity.ownerKey) : undefined;

  // Authors by ordinal while collecting (flat arrays are much cheaper than a map and a set per author and
  // paper on 140k author positions): each author's spellings with their counts, and the last paper that
  // listed them (to drop a person listed twice on one paper).
  const ordinalOf = new Map<string, number>();
  const list: ResolvedAuthor[] = [];
  const spellingCounts: number[][] = [];
  const lastPaper: number[] = [];
  const touch = (key: string): number => {
    let ordinal = ordinalOf.get(key);
    if (ordinal === undefined) {
      ordinal = list.length;
      ordinalOf.set(key, ordinal);
      list.push({ key, label: '', spellings: [], paperIds: [], affiliations: [], isOwner: key === ownerKey });
      spellingCounts.push([]);
      lastPaper.push(-1);
    }
    return ordinal;
  };
  const countSpelling = (ordinal: number, spelling: string, by: number) => {
    const spellings = list[ordinal].spellings;
    const at = spellings.indexOf(spelling);
    if (at < 0) {
      spellings.push(spelling);
      spellingCounts[ordinal].push(by);
    } else spellingCounts[ordinal][at] += by;
  };

  const papers: ResolvedPaper[] = [];
  const ordinals: number[] = [];
  // Collected in one reused list, each paper's copy taken at its exact size (a list grown by push keeps 17+ slots).
  const keys: string[] = [];
  dataset.papers.forEach((paper, pi) => {
    keys.length = 0;
    ordinals.length = 0;
    const year = paperYear(paper);
    const baseKeys = identity.refKeys[pi];
    const refs = paper.authors;
    for (let ri = 0; ri < refs.length; ri++) {
      const ref = refs[ri];
      const key = baseKeys[ri] ? resolve(baseKeys[ri]) : '';
      if (!key) continue;
      const ordinal = touch(key);
      const author = list[ordinal];
      countSpelling(ordinal, ref.name.trim(), 1);
      if (ref.affiliations) for (const aff of ref.affiliations) if (!author.affiliations.includes(aff)) author.affiliations.push(aff);
      if (lastPaper[ordinal] === pi) continue; // the same person listed twice on one paper
      lastPaper[ordinal] = pi;
      keys.push(key);
      ordinals.push(ordinal);
    }
    let ownerAdded = false;
    if (ownerKey) {
      const owner = touch(ownerKey);
      if (lastPaper[owner] !== pi) {
        // The owner wrote every paper of their profile, even where the list is cut.
        if (!list[owner].spellings.length) countSpelling(owner, dataset.owner!, 0);
        lastPaper[owner] = pi;
        keys.push(ownerKey);
        ordinals.push(owner);
        ownerAdded = true;
      }
    }
    for (const ordinal of ordinals) {
      const a = list[ordinal];
      a.paperIds.push(paper.id);
      if (year !== undefined) {
        a.firstYear = a.firstYear === undefined ? year : Math.min(a.firstYear, year);
        a.lastYear = a.lastYear === undefined ? year : Math.max(a.lastYear, year);
      }
    }
    papers.push({ paper, authorKeys: keys.slice(), ownerAdded });
  });

  const authors = new Map<string, ResolvedAuthor>();
  list.forEach((author, ordinal) => {
    const counts = spellingCounts[ordinal];
    if (counts.length > 1) {
      // Most common first; a stable sort keeps first-seen order among equal counts.
      const order = counts.map((_, i) => i).sort((a, b) => counts[b] - counts[a]);
      author.spellings = order.map((i) => author.spellings[i]);
    } else author.spellings = exactSize(author.spellings);
    // Pushed one at a time while collecting: trimmed to their length (the slack was ~10 % of the 1M graph's heap).
    author.paperIds = exactSize(author.paperIds);
    author.affiliations = exactSize(author.affiliations);
    author.label = author.spellings[0] ?? author.key;
    authors.set(author.key, author);
  });
  return { authors, papers, ownerKey };
}
