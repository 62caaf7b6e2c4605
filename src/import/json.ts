import type { AuthorRef, Paper } from '../model/types';
import {
  arxivFromDoi, cleanArxiv, cleanDoi, collapseSpace, compact, emptyReport, excerpt, fatalResult, finish,
  IdMaker, isoDate, isoFromString, parseYear, progress, stripBom, type Parsed,
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

function run(format: ImportFormat, text: string, options: ParseOptions | undefined,
  toPaper: (rec: Obj, index: number, ids: IdMaker, warn: (m: string) => void) => Paper | string): ParseResult {
  const got = jsonRecords(text);
  if ('error' in got) return fatalResult(format, got.error);
  const report = emptyReport(format);
  const ids = new IdMaker();
  const items: Parsed[] = [];
  const tick = progress(options, got.records.length);
  got.records.forEach((rec, index) => {
    tick(index + 1);
    if (!isObj(rec)) {
      report.skipped.push({ index, reason: 'record is not an object', excerpt: excerpt(JSON.stringify(rec) ?? '') });
      return;
    }
    const out = toPaper(rec, index, ids, (message) => report.warnings.push({ index, message }));
    if (typeof out === 'string') report.skipped.push({ index, reason: out, excerpt: excerpt(JSON.stringify(rec)) });
    else items.push({ paper: out, index });
  });
  report.read = got.records.length;
  return finish(items, report, options);
}

// ---------- CSL-JSON ----------

function cslName(a: Obj): string | undefined {
  if (str(a.literal)) return str(a.literal);
  const parts = [a.given, a['non-dropping-particle'], a.family, a.suffix].map(str).filter(Boolean);
  return parts.length ? parts.join(' ') : undefined;
}

function cslDate(v: unknown): { date?: string; year?: number } {
  if (!isObj(v)) return {};
  const dp = v['date-parts'];
  if (Array.isArray(dp) && Array.isArray(dp[0])) {
    const [y, m, d] = (dp[0] as unknown[]).map((x) => Number(x));
    if (Number.isFinite(y) && y > 0) return { year: y, date: isoDate(y, m, d) };
  }
  const raw = str(v.raw) ?? str(v.literal);
  const year = parseYear(raw);
  return { year, date: isoFromString(raw) ?? isoDate(year) };
}

export function parseCslJson(text: string, options?: ParseOptions): ParseResult {
  return run('csl-json', text, options, (rec, index, ids) => {
    const title = str(rec.title);
    if (!title) return 'CSL item has no title';
    const names = Array.isArray(rec.author) ? rec.author.filter(isObj) : [];
    const truncated = names.some((a) => /^(others|et al\.?)$/i.test(str(a.literal) ?? str(a.family) ?? ''));
    const authors: AuthorRef[] = names
      .filter((a) => !/^(others|et al\.?)$/i.test(str(a.literal) ?? str(a.family) ?? ''))
      .map(cslName).filter((n): n is string => !!n).map((name) => ({ name }));
    const { date, year } = cslDate(rec.issued);
    const doi = cleanDoi(rec.DOI);
    const url = str(rec.URL);
    return compact({
      id: ids.make(str(rec.id) ?? doi, `csl-${index + 1}`),
      title, authors, truncated, date, year,
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

/** Rebuilds abstract text from OpenAlex's word → positions index. */
export function invertedToText(index: unknown): string | undefined {
  if (!isObj(index)) return undefined;
  const words: string[] = [];
  for (const [word, positions] of Object.entries(index)) {
    if (Array.isArray(positions)) for (const p of positions) if (typeof p === 'number') words[p] = word;
  }
  const text = words.filter((w) => w !== undefined).join(' ');
  return text || undefined;
}

const shortOpenAlexId = (v: unknown) => str(v)?.replace(/^https?:\/\/openalex\.org\//, '');
const ORCID_IN = /(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$/i;

export function parseOpenAlex(text: string, options?: ParseOptions): ParseResult {
  return run('openalex', text, options, (rec, index, ids, warn) => {
    const title = str(rec.title) ?? str(rec.display_name);
    if (!title) return 'OpenAlex work has no title';
    const authorships = Array.isArray(rec.authorships) ? rec.authorships.filter(isObj) : [];
    const authors: AuthorRef[] = [];
    authorships.forEach((a) => {
      const author = isObj(a.author) ? a.author : {};
      const name = str(author.display_name) ?? str(a.raw_author_name);
      if (!name) { warn('an authorship without a name was left out'); return; }
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
    const year = typeof rec.publication_year === 'number' ? rec.publication_year : parseYear(rec.publication_date);
    const date = isoFromString(str(rec.publication_date)) ?? isoDate(year);
    const doi = cleanDoi(rec.doi);
    const idsObj = isObj(rec.ids) ? rec.ids : {};
    const loc = isObj(rec.primary_location) ? rec.primary_location : {};
    const source = isObj(loc.source) ? loc.source : {};
    const url = str(loc.landing_page_url) ?? str(rec.id);
    return compact({
      id: ids.make(shortOpenAlexId(rec.id) ?? doi, `openalex-${index + 1}`),
      title, authors,
      truncated: rec.is_authors_truncated === true,
      date, year,
      venue: str(source.display_name),
      doi,
      arxiv: cleanArxiv(idsObj.arxiv) ?? arxivFromDoi(doi),
      url,
      abstract: invertedToText(rec.abstract_inverted_index) ?? str(rec.abstract),
      sources: [options?.fileName ? `${options.fileName} (OpenAlex ${shortOpenAlexId(rec.id) ?? `work ${index + 1}`})` : `OpenAlex ${shortOpenAlexId(rec.id) ?? `work ${index + 1}`}`],
    });
  });
}
