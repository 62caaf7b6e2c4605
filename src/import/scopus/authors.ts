// The authors of one Scopus CSV row: names, Scopus author ids and per-author affiliations.
import type { AuthorRef } from '../../model/types';
import { searchKey } from '../../model/names';
import { collapseSpace } from '../common';
import { isPlaceholder, setAffiliations } from './fields';

/** The author cells of a row (empty strings where the export has no such column). */
export interface AuthorCells {
  /** `Authors`: "Hao J.; High R." (older exports: "Phillips J.C., Braun R."). */
  authors: string;
  /** `Author full names`: "Hao, Jie (57221302630); High, Robin (6701683718)". */
  fullNames: string;
  /** `Author(s) ID`: "57221302630; 6701683718" (older exports: "5720213875;7402220509;"). */
  ids: string;
  /** `Authors with affiliations`: "Hao J., Dept X, Univ Y, Omaha, NE, United States; High R., …". */
  withAffiliations: string;
  /** `Affiliations`: the paper's distinct affiliations, "; "-separated. */
  affiliations: string;
}

export interface RowAuthors {
  authors: AuthorRef[];
  truncated: boolean;
  warnings: string[];
}

const INITIALS = /^(?:\p{Lu}\.[\s-]?)+$/u;
const ABBREVIATED = /^(.+?)\s+((?:\p{Lu}\.[\s-]?)+)$/u;
const ET_AL = /^(et al\.?|others)$/i;

function split(cell: string, sep: string): string[] {
  return cell
    .split(sep)
    .map(collapseSpace)
    .filter((s) => s && !isPlaceholder(s));
}

/** The written names of the `Authors` cell; the older comma-separated form ("Phillips, J.C., Braun, R.") paired up. */
function writtenNames(cell: string): string[] {
  if (cell.includes(';')) return split(cell, ';');
  const parts = split(cell, ',');
  const paired = parts.length % 2 === 0 && parts.length > 0 && parts.every((p, i) => (i % 2 === 1) === INITIALS.test(p));
  if (!paired) return parts;
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += 2) out.push(`${parts[i]} ${parts[i + 1]}`);
  return out;
}

/** "Li, Shan" → "Shan Li"; "Siu K.-C." → "K.-C. Siu"; anything else as written. */
export function displayName(name: string): string {
  const parts = name
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length >= 2) return collapseSpace(`${parts.slice(1).join(' ')} ${parts[0]}`);
  const m = name.match(ABBREVIATED);
  return m ? collapseSpace(`${m[2]} ${m[1]}`) : collapseSpace(name);
}

/** "Li, Shan (57190000001)" → name and id. */
function fullName(entry: string): { name: string; id?: string } {
  const m = entry.match(/^(.*?)\s*\((\d{5,15})\)$/);
  return m ? { name: m[1], id: m[2] } : { name: entry };
}

/** Letters and digits only, for comparing a name as written in two cells. */
const fold = (s: string) => searchKey(s).replace(/ /g, '');

/** The affiliation text of a segment "Li S., Dept X, Univ Y, Country" whose name part is `name`; undefined if not. */
function afterName(segment: string, name: string): string | undefined {
  if (segment === name) return '';
  if (segment.startsWith(`${name},`)) return segment.slice(name.length + 1).trim();
  const parts = segment.split(',');
  const want = fold(name);
  for (let k = 1; k <= Math.min(3, parts.length); k++) {
    if (fold(parts.slice(0, k).join(',')) === want) return parts.slice(k).join(',').trim();
  }
  return undefined;
}

/** Where the name of a segment ends when it matches no written name: one part, or two for "Last, I.,". */
function afterAnyName(segment: string): string {
  const parts = segment.split(',');
  const k = parts.length > 2 && INITIALS.test(parts[1].trim()) ? 2 : 1;
  return parts.slice(k).join(',').trim();
}

/**
 * An author's affiliation text, which joins several affiliations with ", " like the parts of one, cut into the
 * paper's affiliations (the `Affiliations` cell), longest first; text that matches none stays one affiliation.
 */
function cutAffiliations(text: string, known: Map<string, string[]>): string[] {
  const out: string[] = [];
  let rest = text.trim();
  while (rest) {
    const head = rest.split(',', 1)[0].trim();
    const hit = (known.get(head) ?? []).find((a) => rest === a || rest.startsWith(`${a},`));
    if (!hit) {
      out.push(rest);
      break;
    }
    out.push(hit);
    rest = rest.slice(hit.length + 1).trim();
  }
  return out;
}

function knownAffiliations(cell: string): Map<string, string[]> {
  const byHead = new Map<string, string[]>();
  for (const a of split(cell, ';')) {
    const head = a.split(',', 1)[0].trim();
    byHead.set(head, [...(byHead.get(head) ?? []), a]);
  }
  for (const list of byHead.values()) list.sort((x, y) => y.length - x.length);
  return byHead;
}

/** Each author's affiliation text from `Authors with affiliations`, matched by name in order, else by position. */
function affiliationTexts(segments: string[], names: string[]): (string | undefined)[] {
  const out: (string | undefined)[] = names.map(() => undefined);
  let next = 0;
  let matched = 0;
  names.forEach((name, i) => {
    for (let k = next; k < segments.length; k++) {
      const rest = afterName(segments[k], name);
      if (rest === undefined) continue;
      out[i] = rest;
      next = k + 1;
      matched++;
      return;
    }
  });
  if (matched === 0 && segments.length === names.length) return segments.map(afterAnyName);
  return out;
}

export function rowAuthors(cells: AuthorCells): RowAuthors {
  const warnings: string[] = [];
  const written = writtenNames(cells.authors);
  const full = split(cells.fullNames, ';').map(fullName);
  const ids = cells.ids
    .split(';')
    .map((s) => s.trim())
    .filter((s) => /^\d{5,15}$/.test(s));
  const truncated = written.some((n) => ET_AL.test(n));
  const shown = written.filter((n) => !ET_AL.test(n));
  const count = full.length || shown.length;
  if (full.length && shown.length && full.length !== shown.length) {
    warnings.push(`${shown.length} names in Authors, ${full.length} in Author full names: full names used`);
  }
  if (!full.some((f) => f.id) && ids.length && ids.length !== count) {
    warnings.push(`${ids.length} Scopus author ids for ${count} authors: ids not assigned`);
  }
  const authors: AuthorRef[] = [];
  for (let i = 0; i < count; i++) {
    const name = displayName(full.length ? full[i].name : shown[i]);
    if (!name) continue;
    const id = full.length ? full[i].id : undefined;
    const scopusId = id ?? (ids.length === count ? ids[i] : undefined);
    authors.push(scopusId ? { name, externalId: `scopus:${scopusId}` } : { name });
  }
  const segments = split(cells.withAffiliations, ';');
  if (segments.length && authors.length === count) {
    // The segments start with the names as written in `Authors`.
    const names = shown.length === count ? shown : full.map((f) => f.name);
    const known = knownAffiliations(cells.affiliations);
    affiliationTexts(segments, names).forEach((text, i) => {
      if (text) setAffiliations(authors[i], cutAffiliations(text, known));
    });
  }
  return { authors, truncated, warnings };
}
