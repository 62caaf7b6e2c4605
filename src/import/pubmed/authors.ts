/**
 * People and groups of one PubMed record. NLM writes each author as `FAU` (full name, "Last, First M") then `AU`
 * (short name, "Last FM"), then that author's `AUID` (identifiers, "ORCID: …") and `AD` (one line per
 * affiliation) lines. `CN` is a group (corporate) author; `FIR`/`IR` are investigators and `FED`/`ED` editors,
 * whose own `AUID` lines must not be given to the author before them. Older records carry one `AD` before the
 * authors: the first author's affiliation.
 */
import type { AuthorRef } from '../../model/types';
import { collapseSpace } from '../common';
import type { PubmedField } from './records';

export interface RecordPeople {
  authors: AuthorRef[];
  groups: string[];
  /** Lines of `AUID- ORCID:` values that are not an ORCID iD. */
  badOrcidLines: number[];
}

interface Person {
  ref: AuthorRef;
  fromFau: boolean;
  hasAu: boolean;
  ids: string[];
  affiliations: string[];
}

const SUFFIX = /^(?:jr|sr|ii|iii|iv|v|2nd|3rd)\.?$/i;
const INITIALS = /^[A-Z]{1,4}$/;
const NOT_AUTHOR_NAMES = new Set(['FIR', 'IR', 'FED', 'ED']);

/** "Last, First M" (FAU) → "First M Last"; a suffix ("Jr") stays last. */
export function fullAuthorName(value: string): string {
  const comma = value.indexOf(',');
  if (comma < 0) return collapseSpace(value);
  const last = value.slice(0, comma).trim();
  const given = collapseSpace(value.slice(comma + 1).replace(/,/g, ' '))
    .split(' ')
    .filter(Boolean);
  const suffix = given.length > 1 && SUFFIX.test(given[given.length - 1]) ? given.pop() : undefined;
  return collapseSpace([...given, last, suffix ?? ''].join(' '));
}

/** "Last FM" (AU) → "F M Last"; a name without initials stays as written. */
export function shortAuthorName(value: string): string {
  const tokens = collapseSpace(value).split(' ').filter(Boolean);
  const suffix = tokens.length > 2 && SUFFIX.test(tokens[tokens.length - 1]) ? tokens.pop() : undefined;
  const initials = tokens.length > 1 ? tokens[tokens.length - 1] : '';
  if (!INITIALS.test(initials)) return collapseSpace(value);
  tokens.pop();
  return [...initials.split(''), ...tokens, ...(suffix ? [suffix] : [])].join(' ');
}

/** `orcid:0000-0002-1825-0097` from an AUID value, null when it names ORCID but holds no iD, undefined otherwise. */
export function orcidFromAuid(value: string): string | null | undefined {
  const m = value.match(/^ORCID\s*:\s*(.+)$/i);
  if (!m) return undefined;
  const raw = m[1].trim();
  const digits = raw
    .slice(raw.lastIndexOf('/') + 1)
    .replace(/[-\s]/g, '')
    .toUpperCase();
  if (!/^\d{15}[\dX]$/.test(digits)) return null;
  return `orcid:${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8, 12)}-${digits.slice(12)}`;
}

/** The text without e-mail addresses (and the "Electronic address:" that announces one). Token-wise: linear. */
function withoutEmails(text: string): string {
  if (!text.includes('@')) return text;
  const tokens = text.split(' ').filter((t) => t && !t.includes('@'));
  const n = tokens.length;
  if (n >= 2 && /^electronic$/i.test(tokens[n - 2]) && /^address:?$/i.test(tokens[n - 1])) tokens.length = n - 2;
  return tokens.join(' ');
}

function trimEndChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}

/** The affiliations of one `AD` value: old records number several in one line ("1] … [2] …"). */
export function splitAffiliations(value: string): string[] {
  const text = withoutEmails(collapseSpace(value));
  const numbered = /^\[?1\]\s/.test(text) && text.includes('[2]');
  const pieces = numbered ? text.replace(/^\[?1\]\s*/, '').split(/ ?\[\d{1,2}\] ?/) : [text];
  return pieces.map((p) => trimEndChars(p.trim(), ' ;')).filter(Boolean);
}

/** Country of an affiliation: its last comma-separated part, trailing period removed; none without a comma. */
export function countryOf(affiliation: string): string | undefined {
  const comma = affiliation.lastIndexOf(',');
  if (comma < 0) return undefined;
  const last = trimEndChars(affiliation.slice(comma + 1), ' .;').trim();
  // "Boston, MA 02115" ends in a postcode, not a country.
  if (!last || /\d/.test(last) || last.length > 60) return undefined;
  return last;
}

function toRef(p: Person): AuthorRef {
  const ref = p.ref;
  if (p.affiliations.length) {
    ref.affiliations = [...new Set(p.affiliations)];
    const countries = new Set<string>();
    for (const a of ref.affiliations) {
      const c = countryOf(a);
      if (c) countries.add(c);
    }
    if (countries.size) ref.countries = [...countries];
  }
  if (p.ids.length) ref.externalId = [...new Set(p.ids)].join(' ');
  return ref;
}

/** Authors (in order), group authors and unreadable ORCIDs of one record's fields. */
export function recordPeople(fields: PubmedField[]): RecordPeople {
  const persons: Person[] = [];
  const groups: string[] = [];
  const badOrcidLines: number[] = [];
  const leadingAd: string[] = [];
  let current: Person | undefined;
  let sawName = false;
  const start = (name: string, fromFau: boolean) => {
    sawName = true;
    current = name ? { ref: { name }, fromFau, hasAu: !fromFau, ids: [], affiliations: [] } : undefined;
    if (current) persons.push(current);
  };
  for (const f of fields) {
    if (f.tag === 'FAU') start(fullAuthorName(f.value), true);
    else if (f.tag === 'AU') {
      if (current?.fromFau && !current.hasAu) current.hasAu = true;
      else start(shortAuthorName(f.value), false);
    } else if (f.tag === 'CN' || NOT_AUTHOR_NAMES.has(f.tag)) {
      sawName = true;
      current = undefined;
      if (f.tag === 'CN' && f.value.trim()) groups.push(collapseSpace(f.value));
    } else if (f.tag === 'AUID' && current) {
      const orcid = orcidFromAuid(f.value);
      if (orcid) current.ids.push(orcid);
      else if (orcid === null) badOrcidLines.push(f.line);
    } else if (f.tag === 'AD') {
      const into = current ? current.affiliations : sawName ? undefined : leadingAd;
      if (into) for (const a of splitAffiliations(f.value)) into.push(a);
    }
  }
  if (leadingAd.length && persons.length && !persons[0].affiliations.length) persons[0].affiliations = leadingAd;
  return { authors: persons.map(toRef), groups, badOrcidLines };
}
