import type { AuthorRef, Paper } from '../model/types';
import {
  arxivFromDoi,
  capReport,
  cleanArxiv,
  cleanDoi,
  collapseSpace,
  compact,
  emptyReport,
  excerpt,
  fatalResult,
  finish,
  IdMaker,
  isEtAl,
  isoDate,
  isoFromString,
  parseYear,
  progress,
  stripBom,
  urlDropped,
  webUrl,
  yearDropped,
  type Parsed,
} from './common';
import type { ImportFormat, ParseOptions, ParseResult } from './types';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? collapseSpace(v) : undefined);

/** The array of records in a JSON text: a bare array, or `{results|items|data: [...]}`. */
export function jsonRecords(text: string): { records: unknown[] } | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(stripBom(text));
  } catch (err) {
    return { error: `Not valid JSON: ${(err as Error).message}` };
  }
  if (Array.isArray(data)) return { records: data };
  if (isObj(data)) {
    for (const k of ['results', 'items', 'data']) if (Array.isArray(data[k])) return { records: data[k] as unknown[] };
    return { records: [data] };
  }
  return { error: 'JSON holds neither an array nor an object of records.' };
}

/** Punctuation waiting on jsonExcerpt's stack. */
class Raw {
  constructor(readonly text: string) {}
}

/**
 * The start of a JSON value as text, at most `max` characters, written without recursion (JSON.stringify of a
 * value nested 10,000 deep overflows the stack) and without reading past the budget.
 */
export function jsonExcerpt(value: unknown, max = 120): string {
  let out = '';
  const todo: unknown[] = [value]; // a stack: what is written next is last
  while (todo.length && out.length <= max) {
    const v = todo.pop();
    if (v instanceof Raw) out += v.text;
    else if (Array.isArray(v)) {
      out += '[';
      todo.push(new Raw(']'));
      for (let i = Math.min(v.length, max) - 1; i >= 0; i--) {
        todo.push(v[i]);
        if (i > 0) todo.push(new Raw(','));
      }
    } else if (isObj(v)) {
      out += '{';
      todo.push(new Raw('}'));
      const keys = Object.keys(v).slice(0, max);
      for (let i = keys.length - 1; i >= 0; i--) {
        todo.push(v[keys[i]], new Raw(`${JSON.stringify(keys[i].slice(0, max))}:`));
        if (i > 0) todo.push(new Raw(','));
      }
    } else out += typeof v === 'string' ? JSON.stringify(v.slice(0, max)) : (JSON.stringify(v) ?? String(v));
  }
  const text = excerpt(out, max);
  return todo.length && !text.endsWith('…') ? `${text}…` : text;
}

type ToPaper = (rec: Obj, index: number, ids: IdMaker, warn: (m: string) => void) => Paper | string;

function run(format: ImportFormat, text: string, options: ParseOptions | undefined, toPaper: ToPaper): ParseResult {
  const got = jsonRecords(text);
  if ('error' in got) return fatalResult(format, got.error);
  return runRecords(format, got, options, toPaper);
}

function runRecords(format: ImportFormat, got: { records: unknown[] }, options: ParseOptions | undefined, toPaper: ToPaper): ParseResult {
  const report = emptyReport(format);
  const ids = new IdMaker();
  const items: Parsed[] = [];
  const tick = progress(options, got.records.length);
  got.records.forEach((rec, index) => {
    tick(index + 1);
    if (!isObj(rec)) {
      report.skipped.push({ index, reason: 'record is not an object', excerpt: jsonExcerpt(rec) });
      return;
    }
    const out = toPaper(rec, index, ids, (message) => report.warnings.push({ index, message }));
    if (typeof out === 'string') report.skipped.push({ index, reason: out, excerpt: jsonExcerpt(rec) });
    else items.push({ paper: out, index });
  });
  report.read = got.records.length;
  return finish(items, capReport(report), options);
}

// ---------- CSL-JSON ----------

function cslName(a: Obj): string | undefined {
  if (str(a.literal)) return str(a.literal);
  const parts = [a.given, a['non-dropping-particle'], a.family, a.suffix].map(str).filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

function cslDate(v: unknown, onDropped: (written: string) => void): { date?: string; year?: number } {
  if (!isObj(v)) return {};
  const dp = v['date-parts'];
  if (Array.isArray(dp) && Array.isArray(dp[0])) {
    const [y, m, d] = (dp[0] as unknown[]).slice(0, 3).map((x) => Number(x));
    // Numbers and numeric strings alike ([[2019, 5]] or [["2019", "5"]]).
    if (Number.isFinite(y) && y > 0) {
      const year = parseYear(y, onDropped);
      return year === undefined ? {} : { year, date: isoDate(year, m, d) };
    }
  }
  const raw = str(v.raw) ?? str(v.literal);
  const year = parseYear(raw, onDropped);
  return { year, date: isoFromString(raw) ?? isoDate(year) };
}

const CSL_ET_AL = (a: Obj) => isEtAl(str(a.literal) ?? str(a.family) ?? '');

export function parseCslJson(text: string, options?: ParseOptions): ParseResult {
  return run('csl-json', text, options, (rec, index, ids, warn) => {
    const title = str(rec.title);
    if (!title) return 'CSL item has no title';
    const record = `CSL-JSON item ${index + 1}`;
    const names = Array.isArray(rec.author) ? rec.author.filter(isObj) : [];
    const truncated = names.some(CSL_ET_AL);
    const authors: AuthorRef[] = names
      .filter((a) => !CSL_ET_AL(a))
      .map(cslName)
      .filter((n): n is string => !!n)
      .map((name) => ({ name }));
    const { date, year } = cslDate(rec.issued, (y) => warn(yearDropped(record, y)));
    const doi = cleanDoi(rec.DOI);
    const url = webUrl(rec.URL, (u) => warn(urlDropped(record, u)));
    return compact({
      id: ids.make(str(rec.id) ?? doi, `csl-${index + 1}`),
      title,
      authors,
      truncated,
      date,
      year,
      venue: str(rec['container-title']),
      doi,
      arxiv: arxivFromDoi(doi) ?? (url && /arxiv\.org/.test(url) ? cleanArxiv(url) : undefined),
      url,
      abstract: str(rec.abstract),
      sources: [options?.fileName ? `${options.fileName} (CSL-JSON item ${index + 1})` : `CSL-JSON item ${index + 1}`],
    });
  });
}

// ---------- OpenAlex ----------

/** Bounds of an abstract rebuilt from OpenAlex's inverted index (real ones have a few hundred words). */
export const INVERTED_LIMITS = { maxPosition: 1_000_000, maxWords: 50_000 };

/**
 * Rebuilds abstract text from OpenAlex's word → positions index: the (position, word) pairs present, sorted, so the
 * cost follows the words given, not the largest position (an array indexed by 4294967294 is walked to its length).
 * Positions past `maxPosition` and words past `maxWords` are left out; one position given twice keeps its last word.
 */
export function invertedToText(index: unknown): string | undefined {
  if (!isObj(index)) return undefined;
  const pairs: { position: number; order: number; word: string }[] = [];
  const { maxPosition, maxWords } = INVERTED_LIMITS;
  for (const [word, positions] of Object.entries(index)) {
    if (!Array.isArray(positions)) continue;
    for (const p of positions) {
      if (pairs.length >= maxWords) break;
      if (Number.isInteger(p) && p >= 0 && p <= maxPosition) pairs.push({ position: p, order: pairs.length, word });
    }
  }
  pairs.sort((a, b) => a.position - b.position || a.order - b.order);
  const words: string[] = [];
  pairs.forEach((p, i) => {
    if (i + 1 < pairs.length && pairs[i + 1].position === p.position) return;
    words.push(p.word);
  });
  const text = words.join(' ');
  return text || undefined;
}

const shortOpenAlexId = (v: unknown) => str(v)?.replace(/^https?:\/\/openalex\.org\//, '');
const ORCID_IN = /(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$/i;

export function parseOpenAlex(text: string, options?: ParseOptions): ParseResult {
  return run('openalex', text, options, openAlexPaper(options));
}

/** OpenAlex works already parsed (a field fetch's stored pages): as parseOpenAlex, without a text in between. */
export function parseOpenAlexRecords(records: unknown[], options?: ParseOptions): ParseResult {
  return runRecords('openalex', { records }, options, openAlexPaper(options));
}

function openAlexPaper(options?: ParseOptions): ToPaper {
  return (rec, index, ids, warn) => {
    const title = str(rec.title) ?? str(rec.display_name);
    if (!title) return 'OpenAlex work has no title';
    const authorships = Array.isArray(rec.authorships) ? rec.authorships.filter(isObj) : [];
    const authors: AuthorRef[] = [];
    authorships.forEach((a) => {
      const author = isObj(a.author) ? a.author : {};
      const name = str(author.display_name) ?? str(a.raw_author_name);
      if (!name) {
        warn('an authorship without a name was left out');
        return;
      }
      const insts = Array.isArray(a.institutions) ? a.institutions.filter(isObj) : [];
      const affiliations = insts.map((i) => str(i.display_name)).filter((s): s is string => !!s);
      const raw = Array.isArray(a.raw_affiliation_strings) ? a.raw_affiliation_strings.map(str).filter((s): s is string => !!s) : [];
      const ref: AuthorRef = { name };
      const affs = affiliations.length ? affiliations : raw;
      if (affs.length) ref.affiliations = affs;
      // ISO codes: the authorship's own `countries`, else its institutions' `country_code`.
      const codes = Array.isArray(a.countries) ? a.countries.map(str) : insts.map((i) => str(i.country_code));
      const countries = [...new Set(codes.filter((c): c is string => !!c).map((c) => c.toUpperCase()))];
      if (countries.length) ref.countries = countries;
      // Identity (see resolveDataset): the OpenAlex author id, kept short ("A5023888391"); within OpenAlex it also
      // fixes the ORCID. Only an authorship without an OpenAlex id falls back to its ORCID ("orcid:0000-…").
      const id = shortOpenAlexId(author.id);
      const orcid = str(author.orcid)?.match(ORCID_IN)?.[1];
      if (id && /^A\d+$/i.test(id)) ref.externalId = id.toUpperCase();
      else if (orcid) ref.externalId = `orcid:${orcid.toUpperCase()}`;
      authors.push(ref);
    });
    const record = `OpenAlex ${shortOpenAlexId(rec.id) ?? `work ${index + 1}`}`;
    const dropYear = (y: string) => warn(yearDropped(record, y));
    const year = typeof rec.publication_year === 'number' ? parseYear(rec.publication_year, dropYear) : parseYear(rec.publication_date, dropYear);
    const date = year === undefined ? undefined : (isoFromString(str(rec.publication_date)) ?? isoDate(year));
    const doi = cleanDoi(rec.doi);
    const idsObj = isObj(rec.ids) ? rec.ids : {};
    const loc = isObj(rec.primary_location) ? rec.primary_location : {};
    const source = isObj(loc.source) ? loc.source : {};
    const url = webUrl(str(loc.landing_page_url) ?? str(rec.id), (u) => warn(urlDropped(record, u)));
    return compact({
      id: ids.make(shortOpenAlexId(rec.id) ?? doi, `openalex-${index + 1}`),
      title,
      authors,
      truncated: rec.is_authors_truncated === true,
      date,
      year,
      venue: str(source.display_name),
      doi,
      arxiv: cleanArxiv(idsObj.arxiv) ?? arxivFromDoi(doi),
      url,
      abstract: invertedToText(rec.abstract_inverted_index) ?? str(rec.abstract),
      sources: [
        options?.fileName
          ? `${options.fileName} (OpenAlex ${shortOpenAlexId(rec.id) ?? `work ${index + 1}`})`
          : `OpenAlex ${shortOpenAlexId(rec.id) ?? `work ${index + 1}`}`,
      ],
    });
  };
}
