// Scopus fields shared by its CSV, BibTeX and RIS exports.
import type { AuthorRef, PaperIds } from '../../model/types';
import { collapseSpace } from '../common';

/** The EID (`2-s2.0-85136453267`) in a Scopus record link (`…record.uri?eid=2-s2.0-…&doi=…`) or written alone. */
export function scopusEid(value: string | undefined): string | undefined {
  const m = value?.match(/\b(2-s2\.0-\d+)/);
  return m ? m[1] : undefined;
}

/** `{ scopus: EID }` from the first of some links that holds one. */
export function scopusIds(links: (string | undefined)[]): PaperIds | undefined {
  for (const l of links) {
    const eid = scopusEid(l);
    if (eid) return { scopus: eid };
  }
  return undefined;
}

/** "Cited by: 12" (newer), "cited By 12" (older BibTeX), "Cited By :12" (RIS) in a note (BibTeX `note`, RIS `N1`). */
export function citedByNote(notes: string | string[] | undefined): number | undefined {
  for (const note of typeof notes === 'string' ? [notes] : (notes ?? [])) {
    const m = note.match(/\bcited\s+by\s*:?\s*(\d{1,9})\b/i);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** A count cell ("12", " 0 "); undefined when empty or not a whole number. */
export function countCell(value: string | undefined): number | undefined {
  const t = value?.trim();
  return t && /^\d{1,9}$/.test(t) ? Number(t) : undefined;
}

/** The country an affiliation names: its last comma-separated part, as written ("…, Beijing, China" → "China"). */
export function affiliationCountry(affiliation: string): string | undefined {
  const last = affiliation.split(',').pop()?.trim().replace(/\.$/, '');
  return last || undefined;
}

/** Distinct countries of a list of affiliations, in order. */
export function countriesOf(affiliations: string[]): string[] {
  const out: string[] = [];
  for (const a of affiliations) {
    const c = affiliationCountry(a);
    if (c && !out.includes(c)) out.push(c);
  }
  return out;
}

/** A "; "-separated affiliation list (BibTeX `affiliations`/`affiliation`). */
export function affiliationList(value: string | undefined): string[] {
  return (value ?? '').split(';').map(collapseSpace).filter(Boolean);
}

/** Sets an author's affiliations and, from them, countries (both left unset when there are none). */
export function setAffiliations(author: AuthorRef, affiliations: string[]): void {
  const affs = [...new Set(affiliations.map(collapseSpace).filter(Boolean))];
  if (!affs.length) return;
  author.affiliations = affs;
  const countries = countriesOf(affs);
  if (countries.length) author.countries = countries;
}

/** Most affiliations copied onto every author of a record when their counts differ. */
export const MAX_SHARED_AFFILIATIONS = 20;

/**
 * A paper-level affiliation list (BibTeX `affiliations`, RIS `AD`) onto its authors: one each, in order, when the
 * counts match, else the whole list on every author (which of them belongs to whom is not written); false, and
 * nothing assigned, when that list is longer than `MAX_SHARED_AFFILIATIONS`.
 */
export function spreadAffiliations(authors: AuthorRef[], affiliations: string[]): boolean {
  if (!affiliations.length || !authors.length) return true;
  if (affiliations.length === authors.length) {
    authors.forEach((a, i) => setAffiliations(a, [affiliations[i]]));
    return true;
  }
  // Every author gets a copy (authors × lines): only for short lists.
  if (affiliations.length > MAX_SHARED_AFFILIATIONS) return false;
  const shared: AuthorRef = { name: '' };
  setAffiliations(shared, affiliations);
  for (const a of authors) {
    if (shared.affiliations) a.affiliations = [...shared.affiliations];
    if (shared.countries) a.countries = [...shared.countries];
  }
  return true;
}

/** Scopus's placeholders for a missing value ("[No abstract available]", "[No author name available]"). */
export function isPlaceholder(value: string): boolean {
  return /^\[no .* available\]$/i.test(value.trim());
}
