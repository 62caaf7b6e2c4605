/**
 * Live OpenAlex: search an author (by name, ORCID or OpenAlex id), then fetch all their works with cursor paging,
 * refetching one by one the works whose author list OpenAlex cut (`is_authors_truncated`). DOM-free: `fetch` is
 * injected (the global one by default), responses are cached in memory by URL, and every call takes an AbortSignal.
 * Errors are `OpenAlexError`s whose message says what happened in words.
 */

import { OPENALEX_BASE } from '../model/endpoints';

export { OPENALEX_BASE };
/** OpenAlex's largest page. */
export const OPENALEX_PAGE_SIZE = 200;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** Anything with fetch's shape (the global fetch, or a fake in tests). */
export type FetchLike = (
  url: string,
  init?: { signal?: AbortSignal; headers?: Record<string, string> },
) => Promise<{
  ok: boolean;
  status: number;
  statusText?: string;
  headers?: { get(name: string): string | null };
  json(): Promise<unknown>;
}>;

/** Responses kept by URL (credentials left out of the key). */
export interface OpenAlexCache {
  get(url: string): unknown | undefined;
  set(url: string, value: unknown): void;
}

/** A bounded in-memory cache (oldest entries dropped first). */
/** Keeps nothing: a field's pages are stored as they arrive, not held twice. */
export const NO_CACHE: OpenAlexCache = { get: () => undefined, set: () => {} };

export class MemoryCache implements OpenAlexCache {
  private map = new Map<string, unknown>();
  constructor(private readonly maxEntries = 500) {}
  get(url: string) {
    return this.map.get(url);
  }
  set(url: string, value: unknown) {
    this.map.delete(url);
    this.map.set(url, value);
    while (this.map.size > this.maxEntries) this.map.delete(this.map.keys().next().value as string);
  }
  get size() {
    return this.map.size;
  }
}

export interface OpenAlexClientOptions {
  /** Default https://api.openalex.org; tests point it at a local replay server. */
  baseUrl?: string;
  /** The user's e-mail: sent as `mailto` (OpenAlex's "polite pool"). */
  mailto?: string;
  /** The user's OpenAlex API key: sent as `api_key`. */
  apiKey?: string;
  fetch?: FetchLike;
  cache?: OpenAlexCache;
  /** Wait before the one retry after HTTP 429 or 5xx when the response has no Retry-After (ms, default 1000). */
  retryDelayMs?: number;
  /** Longest wait honoured from a Retry-After header (ms, default 10 000). */
  maxRetryDelayMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export type OpenAlexErrorKind = 'http' | 'network' | 'format' | 'not-found';

export class OpenAlexError extends Error {
  constructor(
    readonly kind: OpenAlexErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'OpenAlexError';
  }
}

export interface AuthorCandidate {
  /** Short OpenAlex id, e.g. A5023888391. */
  id: string;
  displayName: string;
  /** Bare ORCID (0000-0002-1825-0097) when OpenAlex has one. */
  orcid?: string;
  worksCount: number;
  citedByCount?: number;
  /** Last known institutions' names (with country code when given). */
  institutions: string[];
  alternatives: string[];
}

export type AuthorQuery = { kind: 'orcid'; orcid: string } | { kind: 'openalex'; id: string } | { kind: 'name'; name: string };

const ORCID_RE = /^(?:https?:\/\/(?:www\.)?orcid\.org\/|orcid:)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$/i;
const AUTHOR_ID_RE = /^(?:https?:\/\/(?:api\.)?openalex\.org\/(?:authors\/)?)?(A\d{4,})$/i;

/** What the search box holds: an ORCID (bare, orcid: or URL), an OpenAlex author id, or a name. */
export function classifyAuthorQuery(query: string): AuthorQuery {
  const q = query.trim();
  const orcid = q.match(ORCID_RE);
  if (orcid) return { kind: 'orcid', orcid: orcid[1].toUpperCase() };
  const id = q.match(AUTHOR_ID_RE);
  if (id) return { kind: 'openalex', id: id[1].toUpperCase() };
  return { kind: 'name', name: q.replace(/\s+/g, ' ') };
}

/** `https://openalex.org/W123` → `W123`. */
export const shortId = (v: unknown): string | undefined => str(v)?.replace(/^https?:\/\/(?:api\.)?openalex\.org\/(?:\w+\/)?/i, '');

function toCandidate(a: Obj): AuthorCandidate | null {
  const id = shortId(a.id);
  const displayName = str(a.display_name);
  if (!id || !displayName) return null;
  const insts: Obj[] = Array.isArray(a.last_known_institutions)
    ? a.last_known_institutions.filter(isObj)
    : isObj(a.last_known_institution)
      ? [a.last_known_institution]
      : [];
  const institutions = insts
    .map((i) => {
      const name = str(i.display_name);
      const cc = str(i.country_code);
      return name ? (cc ? `${name} (${cc})` : name) : undefined;
    })
    .filter((s): s is string => !!s);
  const orcid = str(a.orcid)?.match(/(\d{4}-\d{4}-\d{4}-\d{3}[\dX])/i)?.[1];
  return {
    id,
    displayName,
    ...(orcid ? { orcid } : {}),
    worksCount: typeof a.works_count === 'number' ? a.works_count : 0,
    ...(typeof a.cited_by_count === 'number' ? { citedByCount: a.cited_by_count } : {}),
    institutions,
    alternatives: Array.isArray(a.display_name_alternatives)
      ? a.display_name_alternatives
          .map(str)
          .filter((s): s is string => !!s)
          .slice(0, 6)
      : [],
  };
}

export interface FetchProgress {
  phase: 'works' | 'authors';
  /** Works fetched so far (phase works) or truncated works refetched (phase authors). */
  done: number;
  /** `meta.count` (phase works) or the number of truncated works (phase authors). */
  total: number;
}

export interface FetchWorksResult {
  /** Raw OpenAlex work objects, truncated ones replaced by their full single-work record. */
  works: Obj[];
  /** `meta.count` of the first page. */
  count: number;
  /** Ids of the works refetched in full. */
  refetched: string[];
  /** Ids of works still marked truncated after their refetch (should be none). */
  stillTruncated: string[];
  /** Requests answered from the cache. */
  cacheHits: number;
  requests: number;
}

export interface OpenAlexClient {
  searchAuthors(query: string, opts?: { signal?: AbortSignal }): Promise<AuthorCandidate[]>;
  fetchAllWorks(authorId: string, opts?: { signal?: AbortSignal; onProgress?: (p: FetchProgress) => void }): Promise<FetchWorksResult>;
  /** The URL a path and query give (without credentials), as used for the cache key. */
  urlFor(path: string, params?: Record<string, string>): string;
  /** GETs a JSON object (cached; one retry after 429/5xx honouring Retry-After); errors are OpenAlexErrors. */
  getJson(url: string, signal?: AbortSignal): Promise<Obj | null>;
}

const abortError = () => new DOMException('The OpenAlex request was cancelled', 'AbortError');

export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** "Retry-After: 3" (seconds) or an HTTP date, in ms; undefined when absent or unreadable. */
function retryAfterMs(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const s = Number(value);
  if (Number.isFinite(s) && s >= 0) return s * 1000;
  const d = Date.parse(value);
  return Number.isNaN(d) ? undefined : Math.max(0, d - Date.now());
}

function httpMessage(status: number, statusText: string | undefined, base: string): string {
  const what = `${status}${statusText ? ` ${statusText}` : ''}`;
  if (status === 429)
    return `OpenAlex says too many requests (HTTP ${what}), even after waiting and trying again. Add your e-mail or API key, or try again in a minute.`;
  if (status >= 500) return `OpenAlex is not answering properly (HTTP ${what}), even after one retry. Try again later.`;
  if (status === 401 || status === 403) return `OpenAlex refused the request (HTTP ${what}): check the API key.`;
  if (status === 404) return `OpenAlex has no such record (HTTP ${what}).`;
  return `OpenAlex answered HTTP ${what} at ${base}.`;
}

export function createOpenAlexClient(options: OpenAlexClientOptions = {}): OpenAlexClient {
  const base = (options.baseUrl?.trim() || OPENALEX_BASE).replace(/\/+$/, '');
  const doFetch: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const cache = options.cache ?? new MemoryCache();
  const sleep = options.sleep ?? defaultSleep;
  const retryDelay = options.retryDelayMs ?? 1000;
  const maxRetryDelay = options.maxRetryDelayMs ?? 10_000;

  const urlFor = (path: string, params: Record<string, string> = {}) => {
    const qs = Object.entries(params)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v).replace(/%3A/gi, ':').replace(/%2C/gi, ',')}`)
      .join('&');
    return `${base}${path}${qs ? `?${qs}` : ''}`;
  };
  const withCredentials = (url: string) => {
    const extra: string[] = [];
    if (options.mailto?.trim()) extra.push(`mailto=${encodeURIComponent(options.mailto.trim())}`);
    if (options.apiKey?.trim()) extra.push(`api_key=${encodeURIComponent(options.apiKey.trim())}`);
    return extra.length ? `${url}${url.includes('?') ? '&' : '?'}${extra.join('&')}` : url;
  };

  let requests = 0;
  let cacheHits = 0;

  /** GETs a JSON object: cached by URL; one retry after 429/5xx; errors in words. */
  async function getJson(url: string, signal?: AbortSignal, allow404 = false): Promise<Obj | null> {
    const cached = cache.get(url);
    if (cached !== undefined) {
      cacheHits++;
      return cached as Obj;
    }
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw abortError();
      let res: Awaited<ReturnType<FetchLike>>;
      try {
        requests++;
        res = await doFetch(withCredentials(url), { signal, headers: { Accept: 'application/json' } });
      } catch (e) {
        if (signal?.aborted || (e as Error)?.name === 'AbortError') throw abortError();
        throw new OpenAlexError(
          'network',
          `Could not reach OpenAlex at ${base} (${(e as Error)?.message || 'network error'}). Check the connection and try again.`,
        );
      }
      if (res.ok) {
        let data: unknown;
        try {
          data = await res.json();
        } catch {
          throw new OpenAlexError('format', `OpenAlex sent something that is not JSON (from ${url.replace(base, '')}).`);
        }
        if (!isObj(data)) throw new OpenAlexError('format', `OpenAlex sent an unexpected answer (from ${url.replace(base, '')}).`);
        cache.set(url, data);
        return data;
      }
      if (res.status === 404 && allow404) return null;
      const retriable = res.status === 429 || res.status >= 500;
      if (retriable && attempt === 0) {
        const wait = Math.min(maxRetryDelay, retryAfterMs(res.headers?.get('Retry-After')) ?? retryDelay);
        await sleep(wait, signal);
        continue;
      }
      throw new OpenAlexError(res.status === 404 ? 'not-found' : 'http', httpMessage(res.status, res.statusText, base), res.status);
    }
  }

  async function searchAuthors(query: string, opts: { signal?: AbortSignal } = {}): Promise<AuthorCandidate[]> {
    const q = classifyAuthorQuery(query);
    let list: unknown[] = [];
    if (q.kind === 'name') {
      if (!q.name) return [];
      const data = await getJson(urlFor('/authors', { search: q.name, 'per-page': '25' }), opts.signal);
      list = Array.isArray(data?.results) ? data.results : [];
    } else if (q.kind === 'orcid') {
      const data = await getJson(urlFor('/authors', { filter: `orcid:${q.orcid}` }), opts.signal);
      list = Array.isArray(data?.results) ? data.results : [];
    } else {
      const data = await getJson(urlFor(`/authors/${q.id}`), opts.signal, true);
      list = data ? [data] : [];
    }
    return list
      .filter(isObj)
      .map(toCandidate)
      .filter((c): c is AuthorCandidate => c !== null);
  }

  async function fetchAllWorks(authorId: string, opts: { signal?: AbortSignal; onProgress?: (p: FetchProgress) => void } = {}): Promise<FetchWorksResult> {
    const id = shortId(authorId);
    if (!id || !/^A\d+$/i.test(id)) throw new OpenAlexError('format', `“${authorId}” is not an OpenAlex author id (A followed by digits).`);
    const startRequests = requests;
    const startHits = cacheHits;
    const works: Obj[] = [];
    const seen = new Set<string>();
    let count = 0;
    let cursor: string | null = '*';
    const seenCursors = new Set<string>();
    while (cursor !== null) {
      if (seenCursors.has(cursor)) throw new OpenAlexError('format', 'OpenAlex sent the same page cursor twice; stopped to avoid looping.');
      seenCursors.add(cursor);
      const page = await getJson(urlFor('/works', { filter: `author.id:${id}`, 'per-page': String(OPENALEX_PAGE_SIZE), cursor }), opts.signal);
      const meta = isObj(page?.meta) ? page.meta : {};
      const results = Array.isArray(page?.results) ? page.results.filter(isObj) : [];
      if (seenCursors.size === 1) count = typeof meta.count === 'number' ? meta.count : results.length;
      for (const w of results) {
        const wid = shortId(w.id);
        if (wid && seen.has(wid)) continue;
        if (wid) seen.add(wid);
        works.push(w);
      }
      opts.onProgress?.({ phase: 'works', done: works.length, total: Math.max(count, works.length) });
      const next = str(meta.next_cursor);
      // An empty page ends the walk even if a cursor came with it.
      cursor = next && results.length > 0 ? next : null;
    }
    const truncated = works.map((w, i) => [w, i] as const).filter(([w]) => w.is_authors_truncated === true);
    const refetched: string[] = [];
    const stillTruncated: string[] = [];
    opts.onProgress?.({ phase: 'authors', done: 0, total: truncated.length });
    for (const [w, i] of truncated) {
      const wid = shortId(w.id);
      if (!wid) continue;
      const full = await getJson(urlFor(`/works/${wid}`), opts.signal);
      if (full && Array.isArray(full.authorships)) {
        works[i] = full;
        refetched.push(wid);
        if (full.is_authors_truncated === true) stillTruncated.push(wid);
      } else stillTruncated.push(wid);
      opts.onProgress?.({ phase: 'authors', done: refetched.length, total: truncated.length });
    }
    return { works, count, refetched, stillTruncated, requests: requests - startRequests, cacheHits: cacheHits - startHits };
  }

  return { searchAuthors, fetchAllWorks, urlFor, getJson: (url: string, signal?: AbortSignal) => getJson(url, signal) };
}
