import type { AuthorRef } from '../../model/types';
import { nameKey } from '../../model/names';
import { collapseSpace } from '../common';

/** "Last, First Middle" (WoS AF/AU) becomes "First Middle Last", as RIS names are; "Last, First, Jr." keeps the suffix last. */
export function displayName(value: string): string {
  const parts = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (parts.length < 2) return collapseSpace(value);
  const suffix = parts.length > 2 && /^(jr|sr|ii|iii|iv)\.?$/i.test(parts[parts.length - 1]) ? parts.pop() : undefined;
  return collapseSpace(`${parts.slice(1).join(' ')} ${parts[0]}${suffix ? ` ${suffix}` : ''}`);
}

/** Family name and first initial, folded: "Nunez, Rafael E." and "Nunez, R" both give "nunez|r". */
function lastInitialKey(value: string): string {
  const comma = value.indexOf(',');
  let last: string;
  let first: string;
  if (comma >= 0) {
    last = value.slice(0, comma);
    first = value.slice(comma + 1);
  } else {
    const words = value.trim().split(/\s+/);
    last = words.pop() ?? '';
    first = words[0] ?? '';
  }
  const l = nameKey(last);
  const f = nameKey(first).charAt(0);
  return l && f ? `${l}|${f}` : '';
}

/** -1 for a key that several authors of the paper share: it names none of them for sure. */
function addKey(tier: Map<string, number>, key: string, i: number): void {
  if (!key) return;
  const seen = tier.get(key);
  tier.set(key, seen === undefined || seen === i ? i : -1);
}

/** One name → the single author of the paper it denotes, tried as full name, as short name, then as family name and initial. */
class AuthorMatcher {
  private readonly byFull = new Map<string, number>();
  private readonly byShort = new Map<string, number>();
  private byInitial: Map<string, number> | undefined;

  constructor(private readonly full: string[], private readonly short: string[]) {
    for (let i = 0; i < full.length; i++) addKey(this.byFull, nameKey(full[i]), i);
    for (let i = 0; i < short.length; i++) addKey(this.byShort, nameKey(short[i]), i);
  }

  find(name: string): number | undefined {
    const key = nameKey(name);
    const i = this.byFull.get(key) ?? this.byShort.get(key);
    if (i !== undefined) return i >= 0 ? i : undefined;
    // Built only when a name is written unlike both of the author's names (rare).
    if (!this.byInitial) {
      this.byInitial = new Map();
      const n = Math.max(this.full.length, this.short.length);
      for (let j = 0; j < n; j++) addKey(this.byInitial, lastInitialKey(this.full[j] || this.short[j] || ''), j);
    }
    const k = this.byInitial.get(lastInitialKey(name));
    return k !== undefined && k >= 0 ? k : undefined;
  }
}

const ORCID = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/i;
const RESEARCHER_ID = /^[A-Z]{1,3}-\d{4}-(?:19|20)\d\d$/i;

/** "Name/ID; Name/ID" (OI, RI) as name and id pairs. */
function idList(text: string | undefined): { name: string; id: string }[] {
  if (!text) return [];
  const out: { name: string; id: string }[] = [];
  for (const part of text.split(';')) {
    const slash = part.lastIndexOf('/');
    if (slash <= 0) continue;
    out.push({ name: part.slice(0, slash).trim(), id: part.slice(slash + 1).trim() });
  }
  return out;
}

/**
 * The country of a WoS address: its last comma-separated part. US addresses end in "CA 94305 USA" and become
 * "USA"; "Peoples R China" becomes "China". Others stay as WoS writes them ("England", "Scotland", "Wales",
 * "North Ireland" rather than "United Kingdom"; "South Korea"; "U Arab Emirates").
 */
export function countryOf(address: string): string | undefined {
  const comma = address.lastIndexOf(',');
  if (comma < 0) return undefined;
  const last = address.slice(comma + 1).trim().replace(/\.$/, '').trim();
  if (!last) return undefined;
  if (last === 'USA' || last.endsWith(' USA')) return 'USA';
  if (last === 'Peoples R China') return 'China';
  return last;
}

export interface PeopleInput {
  full: string[];
  short: string[];
  groups: string[];
  addresses: string[];
  orcids?: string;
  researcherIds?: string;
}

export interface People { authors: AuthorRef[]; groupAuthors: string[]; warnings: string[] }

function pushOnce(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

/** Authors in order (AF, else AU), their ORCIDs/ResearcherIDs and per-author addresses and countries. */
export function readPeople(input: PeopleInput): People {
  const warnings: string[] = [];
  const groupKeys = new Set(input.groups.map(nameKey));
  // Pair full and short names by position only when both lists are whole.
  const full = input.full;
  const short = full.length && input.short.length !== full.length ? [] : input.short;
  const names = full.length ? full : short;
  const authors: (AuthorRef & { ids: string[]; affiliations: string[]; countries: string[] })[] = [];
  const keptFull: string[] = [];
  const keptShort: string[] = [];
  names.forEach((n, i) => {
    // A group author repeated in the author list is still a group, not a person.
    if (groupKeys.size && groupKeys.has(nameKey(n))) return;
    authors.push({ name: displayName(n), ids: [], affiliations: [], countries: [] });
    keptFull.push(full[i] ?? '');
    keptShort.push(short[i] ?? '');
  });
  const matcher = new AuthorMatcher(keptFull, keptShort);

  let unmatchedIds = 0;
  const addIds = (text: string | undefined, valid: RegExp, prefix: string) => {
    for (const { name, id } of idList(text)) {
      if (!valid.test(id)) continue;
      const i = matcher.find(name);
      if (i === undefined) unmatchedIds++;
      else pushOnce(authors[i].ids, `${prefix}:${id.toUpperCase()}`);
    }
  };
  addIds(input.orcids, ORCID, 'orcid');
  addIds(input.researcherIds, RESEARCHER_ID, 'rid');
  if (unmatchedIds) warnings.push(`${unmatchedIds} ORCID/ResearcherID entr${unmatchedIds === 1 ? 'y names' : 'ies name'} no author of the record`);

  let unmatchedNames = 0;
  for (const raw of input.addresses) {
    const m = /^\[([^\]]*)\]\s*(.*)$/.exec(raw);
    const address = (m ? m[2] : raw).trim().replace(/\.$/, '').trim();
    if (!address) continue;
    const country = countryOf(address);
    const add = (i: number) => {
      pushOnce(authors[i].affiliations, address);
      if (country) pushOnce(authors[i].countries, country);
    };
    if (!m) {
      for (let i = 0; i < authors.length; i++) add(i);
      continue;
    }
    for (const name of m[1].split(';')) {
      if (!name.trim()) continue;
      const i = matcher.find(name);
      if (i === undefined) unmatchedNames++;
      else add(i);
    }
  }
  if (unmatchedNames) warnings.push(`${unmatchedNames} name(s) in the addresses (C1) match no author of the record`);

  const refs = authors.map(({ name, ids, affiliations, countries }) => {
    const ref: AuthorRef = { name };
    if (affiliations.length) ref.affiliations = affiliations;
    if (countries.length) ref.countries = countries;
    if (ids.length) ref.externalId = ids.join(' ');
    return ref;
  });
  return { authors: refs, groupAuthors: input.groups.map(collapseSpace).filter(Boolean), warnings };
}
