import type { AuthorRef, Paper } from '../model/types';
import { foldText } from '../model/names';

/** CSL-JSON item (the subset we fill). */
export interface CslItem {
  id: string;
  type: 'article' | 'article-journal' | 'paper-conference';
  title: string;
  author: ({ family: string; given?: string } | { literal: string })[];
  issued?: { 'date-parts': number[][] };
  'container-title'?: string;
  publisher?: string;
  number?: string;
  DOI?: string;
  URL?: string;
  abstract?: string;
  note?: string;
}

const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'dos', 'das', 'ter', 'ten', 'bin', 'al']);

/** Splits a name as written into family/given ("Last, First" or "First [particles] Last"). */
export function splitName(name: string): { family: string; given?: string } | { literal: string } {
  const n = name.trim().replace(/\s+/g, ' ');
  const comma = n.indexOf(',');
  if (comma > 0) {
    const family = n.slice(0, comma).trim();
    const given = n.slice(comma + 1).trim();
    return given ? { family, given } : { literal: family };
  }
  const parts = n.split(' ');
  if (parts.length < 2) return { literal: n };
  let i = parts.length - 1;
  while (i > 1 && PARTICLES.has(parts[i - 1].toLowerCase())) i -= 1;
  return { family: parts.slice(i).join(' '), given: parts.slice(0, i).join(' ') };
}

function dateParts(p: Paper): number[] | undefined {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(p.date ?? '');
  if (m) return [m[1], m[2], m[3]].filter((x): x is string => x !== undefined).map(Number);
  return p.year ? [p.year] : undefined;
}

function cslType(p: Paper): CslItem['type'] {
  if (!p.venue) return 'article';
  return /conference|proceedings|workshop|symposium|\bconf\b/i.test(p.venue) ? 'paper-conference' : 'article-journal';
}

/** CSL-JSON array (for Zotero, pandoc, citeproc). Truncated author lists are noted. */
export function toCslJson(papers: readonly Paper[]): CslItem[] {
  return papers.map((p) => {
    const item: CslItem = { id: p.id, type: cslType(p), title: p.title, author: p.authors.map((a) => splitName(a.name)) };
    const dp = dateParts(p);
    if (dp) item.issued = { 'date-parts': [dp] };
    if (p.venue) item['container-title'] = p.venue;
    if (p.arxiv && !p.venue) {
      item.publisher = 'arXiv';
      item.number = p.arxiv;
    }
    if (p.doi) item.DOI = p.doi;
    const url = p.url ?? (p.arxiv ? `https://arxiv.org/abs/${p.arxiv}` : undefined);
    if (url) item.URL = url;
    if (p.abstract) item.abstract = p.abstract;
    if (p.truncated) item.note = 'Author list truncated by the source.';
    return item;
  });
}

const BIBTEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '^': '\\^{}',
  '~': '\\~{}',
};

/** Escapes LaTeX specials so a field value is literal text with balanced braces. */
export function escapeBibtex(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f]+/g, ' ').replace(/[\\{}$&%#_^~]/g, (c) => BIBTEX_SPECIAL[c]);
}

/** Title with words like "LLMs", "GPT-4" or "iPhone" brace-protected against style lowercasing. */
function bibtexTitle(title: string): string {
  return title
    .split(/(\s+)/)
    .map((w) => (/^\S.*[A-Z]/.test(w) && /[A-Z]/.test(w.slice(1)) ? `{${escapeBibtex(w)}}` : escapeBibtex(w)))
    .join('');
}

/** URL/DOI: percent-encode what would break a braced field instead of LaTeX-escaping. */
function bibtexUrl(url: string): string {
  return url.replace(/[{}\\\s%]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

function bibtexName(a: AuthorRef): string {
  const s = splitName(a.name);
  if ('literal' in s) return `{${escapeBibtex(s.literal)}}`;
  const protect = (x: string) => (/\band\b/i.test(x) ? `{${escapeBibtex(x)}}` : escapeBibtex(x));
  return s.given ? `${protect(s.family)}, ${protect(s.given)}` : protect(s.family);
}

/** ASCII citation key base: family name of the first author + year + first title word. */
function keyBase(p: Paper): string {
  const first = p.authors[0] ? splitName(p.authors[0].name) : { literal: 'anon' };
  const family = 'literal' in first ? first.literal : first.family;
  const ascii = (s: string) => foldText(s).replace(/[^a-z0-9]+/g, '');
  const word =
    p.title
      .split(/\s+/)
      .map(ascii)
      .find((w) => w.length > 3 && !['with', 'from', 'that', 'this'].includes(w)) ?? '';
  const year = dateParts(p)?.[0] ?? '';
  return `${ascii(family) || 'anon'}${year}${word}`;
}

/** BibTeX entries, unique keys (suffixes a, b, ... on collision), specials escaped. */
export function toBibtex(papers: readonly Paper[]): string {
  const used = new Set<string>();
  const entries = papers.map((p) => {
    const base = keyBase(p);
    let key = base;
    for (let i = 0; used.has(key); i++) key = base + suffix(i);
    used.add(key);

    const type = !p.venue ? 'misc' : cslType(p) === 'paper-conference' ? 'inproceedings' : 'article';
    const fields: [string, string][] = [];
    fields.push(['title', bibtexTitle(p.title)]);
    const names = p.authors.map(bibtexName);
    if (p.truncated) names.push('others');
    if (names.length) fields.push(['author', names.join(' and ')]);
    const dp = dateParts(p);
    if (dp) fields.push(['year', String(dp[0])]);
    if (dp && dp[1]) fields.push(['month', String(dp[1])]);
    if (p.venue) fields.push([type === 'inproceedings' ? 'booktitle' : 'journal', escapeBibtex(p.venue)]);
    if (p.arxiv) {
      fields.push(['eprint', escapeBibtex(p.arxiv)], ['archivePrefix', 'arXiv']);
      if (p.category) fields.push(['primaryClass', escapeBibtex(p.category.includes('.') ? p.category : `cs.${p.category}`)]);
    }
    if (p.doi) fields.push(['doi', bibtexUrl(p.doi)]);
    const url = p.url ?? (p.arxiv ? `https://arxiv.org/abs/${p.arxiv}` : undefined);
    if (url) fields.push(['url', bibtexUrl(url)]);
    if (p.truncated) fields.push(['note', 'Author list truncated by the source']);
    return `@${type}{${key},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n`;
  });
  return entries.join('\n');
}

function suffix(i: number): string {
  // a..z, then aa, ab, ...
  let s = '';
  let n = i;
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}
