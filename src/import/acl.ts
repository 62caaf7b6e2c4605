import { SaxesParser } from 'saxes';
import { parse as parseYaml } from 'yaml';
import type { Alias, AuthorRef, Paper } from '../model/types';
import { nameKey } from '../model/names';
import { cleanDoi, collapseSpace, compact, emptyReport, finish, IdMaker, isoDate, progress, stripBom, type Parsed } from './common';
import type { ImportReport, ParseOptions, ParseResult } from './types';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Year from an Anthology collection id: "P18" → 2018, "W99" → 1999. */
export function yearFromCollectionId(id: string | undefined): number | undefined {
  const m = id?.match(/^[A-Za-z](\d{2})$/);
  if (!m) return undefined;
  const yy = Number(m[1]);
  return yy >= 50 ? 1900 + yy : 2000 + yy;
}

/** "First Last" as the Anthology writes it; either part may be missing. */
export function aclName(first: string | undefined, last: string | undefined): string {
  return collapseSpace(`${first ?? ''} ${last ?? ''}`);
}

interface AuthorBuf { first: string; last: string; id?: string }
interface PaperBuf {
  num: string; line: number; title: string; abstract: string; doi: string; url: string;
  authors: AuthorBuf[];
}

/** Parses one Anthology collection file into `items`, adding problems to `report`. */
function parseCollection(text: string, fileName: string | undefined, report: ImportReport, items: Parsed[],
  ids: IdMaker, indexBase: number, parts: Map<string, AclPersonName[]>): number {
  const parser = new SaxesParser({ position: true });
  const stack: string[] = [];
  let collection = fileName?.replace(/^.*[\\/]/, '').replace(/\.xml$/i, '');
  let volume = { id: '', year: undefined as number | undefined, month: undefined as number | undefined, booktitle: '' };
  let paper: PaperBuf | null = null;
  let author: AuthorBuf | null = null;
  let capture: { target: string; depth: number } | null = null;
  let metaCapture: string | null = null;
  let count = 0;
  let fatalAt: number | undefined;

  const emit = (p: PaperBuf) => {
    const index = indexBase + count++;
    const title = collapseSpace(p.title);
    const id = ids.make(collapseSpace(p.url) || undefined, `${collection ?? 'acl'}-${volume.id}-${p.num}`);
    if (!title) {
      report.skipped.push({ index, line: p.line, reason: `paper ${id} has no title` });
      return;
    }
    const year = volume.year ?? yearFromCollectionId(collection);
    parts.set(id, p.authors.map((a) => ({ first: a.first, last: a.last })));
    if (p.authors.some((a) => !aclName(a.first, a.last))) {
      report.warnings.push({ index, line: p.line, message: `paper ${id}: an <author> without a name was left out` });
    }
    const authors: AuthorRef[] = p.authors
      .map((a) => compact<AuthorRef>({ name: aclName(a.first, a.last), externalId: a.id }))
      .filter((a) => a.name);
    const paperOut: Paper = compact({
      id,
      title,
      authors,
      truncated: false,
      date: isoDate(year, volume.month),
      year,
      venue: collapseSpace(volume.booktitle) || undefined,
      doi: cleanDoi(p.doi),
      url: p.url ? `https://www.aclweb.org/anthology/${collapseSpace(p.url)}` : undefined,
      abstract: collapseSpace(p.abstract) || undefined,
      sources: [`ACL Anthology ${collection ?? ''}`.trim()],
    });
    items.push({ paper: paperOut, index });
  };

  parser.on('opentag', (tag) => {
    const name = tag.name;
    stack.push(name);
    const depth = stack.length;
    if (name === 'collection' && typeof tag.attributes.id === 'string') collection = tag.attributes.id;
    else if (name === 'volume') volume = { id: String(tag.attributes.id ?? ''), year: undefined, month: undefined, booktitle: '' };
    else if (name === 'paper' && stack[depth - 2] === 'volume') {
      paper = { num: String(tag.attributes.id ?? ''), line: parser.line, title: '', abstract: '', doi: '', url: '', authors: [] };
    } else if (paper && !capture) {
      const parent = stack[depth - 2];
      if (parent === 'paper' && (name === 'title' || name === 'abstract' || name === 'doi' || name === 'url')) capture = { target: name, depth };
      else if (parent === 'paper' && name === 'author') author = { first: '', last: '', id: typeof tag.attributes.id === 'string' ? tag.attributes.id : undefined };
      else if (author && parent === 'author' && (name === 'first' || name === 'last')) capture = { target: name, depth };
    } else if (!paper && stack[depth - 2] === 'meta' && (name === 'year' || name === 'month' || name === 'booktitle')) {
      metaCapture = '';
    }
  });

  parser.on('text', (t) => {
    if (capture && paper) {
      const p: PaperBuf = paper;
      if (capture.target === 'first' || capture.target === 'last') {
        if (author) author[capture.target] += t;
      } else if (capture.target === 'title' || capture.target === 'abstract' || capture.target === 'doi' || capture.target === 'url') {
        p[capture.target] += t;
      }
    } else if (metaCapture !== null) metaCapture += t;
  });

  parser.on('closetag', (tag) => {
    const depth = stack.length;
    stack.pop();
    if (capture && depth === capture.depth) capture = null;
    if (metaCapture !== null && depth >= 2) {
      const v = metaCapture.trim();
      if (tag.name === 'year' && /^\d{4}$/.test(v)) volume.year = Number(v);
      else if (tag.name === 'month') { const i = MONTHS.indexOf(v.slice(0, 3).toLowerCase()); if (i >= 0) volume.month = i + 1; }
      else if (tag.name === 'booktitle') volume.booktitle = v;
      metaCapture = null;
    }
    if (tag.name === 'author' && author && paper) {
      (paper as PaperBuf).authors.push(author);
      author = null;
    } else if (tag.name === 'paper' && paper) {
      emit(paper);
      paper = null;
      author = null;
    }
  });

  parser.on('error', (err) => {
    if (fatalAt === undefined) fatalAt = parser.line;
    report.warnings.push({ index: indexBase + count, line: parser.line, message: `${fileName ?? 'XML'}: ${err.message}` });
  });

  try {
    parser.write(stripBom(text)).close();
  } catch (err) {
    report.warnings.push({ index: indexBase + count, line: parser.line, message: `${fileName ?? 'XML'}: ${(err as Error).message}` });
  }
  // A paper left open by a damaged file is kept when it has a title.
  if (paper) emit(paper);
  return count;
}

export interface AclFile { name?: string; text: string }

/** ParseResult plus each paper's author names as the XML splits them (paper id → [{first, last}]). */
export interface AclParseResult extends ParseResult { authorParts: Map<string, AclPersonName[]> }

/**
 * Parses several Anthology XML files into one result. Each `<paper>` is its own record:
 * duplicates are merged only when `options.dedupe` is true (the Anthology lists some
 * papers twice, e.g. in two volumes, under different ids).
 */
export function parseAclFiles(files: AclFile[], options?: ParseOptions): AclParseResult {
  const parts = new Map<string, AclPersonName[]>();
  const report = emptyReport('acl-xml');
  const items: Parsed[] = [];
  const ids = new IdMaker();
  const tick = progress(options, files.length);
  files.forEach((f, i) => {
    report.read += parseCollection(f.text, f.name, report, items, ids, report.read, parts);
    tick(i + 1);
  });
  if (!report.read) report.fatal = 'No <paper> element found in the XML.';
  return { ...finish(items, report, { ...options, dedupe: options?.dedupe === true }), authorParts: parts };
}

export function parseAclXml(text: string, options?: ParseOptions): AclParseResult {
  return parseAclFiles([{ name: options?.fileName, text }], options);
}

// ---------- name_variants.yaml ----------

export interface AclPersonName { first?: string; last?: string }
export interface AclNameVariant { canonical: AclPersonName; id?: string; variants: AclPersonName[] }

/** The entries of `yaml/name_variants.yaml`. */
export function readNameVariants(text: string): AclNameVariant[] {
  const data = parseYaml(stripBom(text)) as unknown;
  if (!Array.isArray(data)) return [];
  const person = (v: unknown): AclPersonName => {
    const o = (v ?? {}) as Record<string, unknown>;
    return { first: o.first == null ? undefined : String(o.first), last: o.last == null ? undefined : String(o.last) };
  };
  return data.filter((e) => e && typeof e === 'object' && 'canonical' in e).map((e) => ({
    canonical: person(e.canonical),
    id: typeof e.id === 'string' ? e.id : undefined,
    variants: Array.isArray(e.variants) ? e.variants.map(person) : [],
  }));
}

/** Aliases "variant → canonical", as "First Last" strings like the parser's author names. */
export function parseNameVariantsYaml(text: string): Alias[] {
  const aliases: Alias[] = [];
  for (const e of readNameVariants(text)) {
    const to = aclName(e.canonical.first, e.canonical.last);
    for (const v of e.variants) {
      const from = aclName(v.first, v.last);
      if (from && from !== to) aliases.push({ from, to, reason: 'ACL Anthology name_variants.yaml' });
    }
  }
  return aliases;
}

/**
 * Identity key of an Anthology author under the variants: the `nameKey` of the canonical
 * name when the name (as folded by `nameKey`) is a listed variant, else its own `nameKey`.
 */
export function aclIdentityKeyer(aliases: Alias[]): (name: string) => string {
  const map = new Map<string, string>();
  for (const a of aliases) map.set(nameKey(a.from), nameKey(a.to));
  return (name) => {
    const k = nameKey(name);
    return map.get(k) ?? k;
  };
}

/**
 * Groups of different variant entries whose names `nameKey` folds to the same key
 * (so folding alone merges people the file keeps apart). Each group lists the canonical names.
 */
export function foldingCollisions(entries: AclNameVariant[]): { key: string; canonicals: string[] }[] {
  const byKey = new Map<string, Set<number>>();
  entries.forEach((e, i) => {
    for (const n of [e.canonical, ...e.variants]) {
      const k = nameKey(aclName(n.first, n.last));
      if (!byKey.has(k)) byKey.set(k, new Set());
      byKey.get(k)?.add(i);
    }
  });
  const out: { key: string; canonicals: string[] }[] = [];
  for (const [key, set] of byKey) {
    if (set.size > 1) out.push({ key, canonicals: [...set].map((i) => aclName(entries[i].canonical.first, entries[i].canonical.last)) });
  }
  return out;
}
