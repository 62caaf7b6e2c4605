import type { AuthorRef } from '../../model/types';
import { nameKey } from '../../model/names';
import { collapseSpace } from '../common';

/** "Last, First Middle" (WoS AF/AU) becomes "First Middle Last", as RIS names are; "Last, First, Jr." keeps the suffix last. */
export function displayName(value: string): string {
  const parts = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
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

  constructor(
    private readonly full: string[],
    private readonly short: string[],
  ) {
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
  const last = address
    .slice(comma + 1)
    .trim()
    .replace(/\.$/, '')
    .trim();
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

export interface People {
  authors: AuthorRef[];
  groupAuthors: string[];
  warnings: string[];
}

interface Draft {
  name: string;
  ids: string[];
  affiliations: string[];
  countries: string[];
}

function pushOnce(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

/** The people of a record in order (AF, else AU), group authors left out, and a matcher over their two spellings. */
function authorList(input: PeopleInput): { drafts: Draft[]; matcher: AuthorMatcher } {
  const groupKeys = new Set(input.groups.map(nameKey));
  const full = input.full;
  // Full and short names are paired by position only when both lists are whole.
  const short = full.length && input.short.length !== full.length ? [] : input.short;
  const names = full.length ? full : short;
  const drafts: Draft[] = [];
  const keptFull: string[] = [];
  const keptShort: string[] = [];
  names.forEach((n, i) => {
    // A group author repeated in the author list is still a group, not a person.
    if (groupKeys.size && groupKeys.has(nameKey(n))) return;
    drafts.push({ name: displayName(n), ids: [], affiliations: [], countries: [] });
    keptFull.push(full[i] ?? '');
    keptShort.push(short[i] ?? '');
  });
  return { drafts, matcher: new AuthorMatcher(keptFull, keptShort) };
}

/** Adds valid ids of a "Name/ID; …" list to the authors they name; returns how many named no author for sure. */
function assignIds(text: string | undefined, valid: RegExp, prefix: string, drafts: Draft[], matcher: AuthorMatcher): number {
  let unmatched = 0;
  for (const { name, id } of idList(text)) {
    if (!valid.test(id)) continue;
    const i = matcher.find(name);
    if (i === undefined) unmatched++;
    else pushOnce(drafts[i].ids, `${prefix}:${id.toUpperCase()}`);
  }
  return unmatched;
}

/**
 * C1 addresses: "[Author A; Author B] Org, City, Country" belongs to the authors in brackets, an address without
 * brackets to all. Returns how many bracketed names matched no author for sure.
 */
function assignAddresses(addresses: string[], drafts: Draft[], matcher: AuthorMatcher): number {
  let unmatched = 0;
  for (const raw of addresses) {
    const m = /^\[([^\]]*)\]\s*(.*)$/.exec(raw);
    const address = (m ? m[2] : raw).trim().replace(/\.$/, '').trim();
    if (!address) continue;
    const country = countryOf(address);
    const add = (d: Draft) => {
      pushOnce(d.affiliations, address);
      if (country) pushOnce(d.countries, country);
    };
    if (!m) {
      drafts.forEach(add);
      continue;
    }
    for (const name of m[1].split(';')) {
      if (!name.trim()) continue;
      const i = matcher.find(name);
      if (i === undefined) unmatched++;
      else add(drafts[i]);
    }
  }
  return unmatched;
}

function toRef({ name, ids, affiliations, countries }: Draft): AuthorRef {
  const ref: AuthorRef = { name };
  if (affiliations.length) ref.affiliations = affiliations;
  if (countries.length) ref.countries = countries;
  if (ids.length) ref.externalId = ids.join(' ');
  return ref;
}

/** Authors in order with their ORCIDs/ResearcherIDs (as `orcid:…`/`rid:…`), per-author addresses and countries. */
export function readPeople(input: PeopleInput): People {
  const warnings: string[] = [];
  const { drafts, matcher } = authorList(input);
  const unmatchedIds = assignIds(input.orcids, ORCID, 'orcid', drafts, matcher) + assignIds(input.researcherIds, RESEARCHER_ID, 'rid', drafts, matcher);
  if (unmatchedIds) warnings.push(`${unmatchedIds} ORCID/ResearcherID entr${unmatchedIds === 1 ? 'y names' : 'ies name'} no single author of the record`);
  const unmatchedNames = assignAddresses(input.addresses, drafts, matcher);
  if (unmatchedNames) warnings.push(`${unmatchedNames} name(s) in the addresses (C1) match no single author of the record`);
  return { authors: drafts.map(toRef), groupAuthors: input.groups.map(collapseSpace).filter(Boolean), warnings };
}
