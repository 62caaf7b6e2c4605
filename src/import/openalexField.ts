/**
 * Live OpenAlex field queries: every work of some topics, venues (sources) or institutions over a year range, as
 * one dataset. The query becomes OpenAlex's `filter=` string; autocomplete finds the entities by name; the count
 * (`meta.count`) and an estimate of the download are shown before anything is fetched; pages are fetched with
 * cursor paging and `select=` (only what the graph needs), each handed to a sink as it arrives so that a reload can
 * resume where it stopped. DOM-free: the HTTP client is the author search's (`createOpenAlexClient`).
 */
import { OPENALEX_PAGE_SIZE, OpenAlexError, shortId, type OpenAlexClient } from './openalex';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The most works one field dataset takes in the page; beyond it, `npm run field` (DuckDB) is the way. */
export const FIELD_MAX_WORKS = 200_000;
/** Only the fields the graph and the panels read (no abstracts, references or concepts). */
export const FIELD_SELECT =
  'id,doi,title,display_name,publication_year,publication_date,type,authorships,primary_location,cited_by_count,is_authors_truncated,ids';
/** Bytes per work with FIELD_SELECT for a typical work (five authorships with their institutions), rounded up. */
export const BYTES_PER_WORK = 2_600;
/** Tries per page after the client's own retry, with these waits (ms) before each: 429s, 5xx and dropped connections. */
export const FIELD_RETRY_WAITS_MS = [2_000, 5_000, 15_000];

export type FieldEntityKind = 'topics' | 'sources' | 'institutions';
export interface FieldEntity {
  kind: FieldEntityKind;
  id: string;
  name: string;
  hint?: string;
  worksCount?: number;
}

/** Work types offered (OpenAlex's `type` values). */
export const WORK_TYPES = ['article', 'preprint', 'book-chapter', 'review', 'dataset', 'dissertation'] as const;

export interface FieldQuery {
  entities: FieldEntity[];
  fromYear?: number;
  toYear?: number;
  types: string[];
  /** An OpenAlex filter written by the user, appended as it is (checked by `checkFreeFilter`). */
  freeFilter?: string;
}

const FILTER_KEY: Record<FieldEntityKind, string> = {
  topics: 'topics.id',
  sources: 'primary_location.source.id',
  institutions: 'authorships.institutions.lineage',
};

/** A free filter: `key:value` pairs joined by commas, in the characters OpenAlex filters use. Null when fine. */
export function checkFreeFilter(filter: string): string | null {
  const f = filter.trim();
  if (!f) return null;
  if (f.length > 1000) return 'The filter is over 1,000 characters.';
  if (!/^[\w.:|,<>!\- ]+$/u.test(f)) return 'A filter has letters, digits and . : | , < > ! - only (OpenAlex’s filter syntax).';
  const bad = f.split(',').find((part) => !/^[a-z_.]+:[^:]+$/i.test(part.trim()));
  return bad === undefined ? null : `“${bad.trim()}” is not a key:value filter.`;
}

/** The `filter=` string of a query: entities of one kind OR-ed, kinds, years and types AND-ed. Null: no condition. */
export function fieldFilter(q: FieldQuery): string | null {
  const parts: string[] = [];
  for (const kind of ['topics', 'sources', 'institutions'] as const) {
    const ids = [...new Set(q.entities.filter((e) => e.kind === kind).map((e) => e.id))].sort();
    if (ids.length) parts.push(`${FILTER_KEY[kind]}:${ids.join('|')}`);
  }
  const from = q.fromYear;
  const to = q.toYear;
  if (from !== undefined && to !== undefined) parts.push(`publication_year:${Math.min(from, to)}-${Math.max(from, to)}`);
  else if (from !== undefined) parts.push(`publication_year:>${from - 1}`);
  else if (to !== undefined) parts.push(`publication_year:<${to + 1}`);
  const types = [...new Set(q.types)].sort();
  if (types.length) parts.push(`type:${types.join('|')}`);
  // Without an entity or a free filter, a year range alone would be most of OpenAlex: not a field.
  const free = q.freeFilter?.trim();
  if (!q.entities.length && !free) return null;
  if (free) parts.push(free);
  return parts.join(',');
}

/** What a fetch of `count` works costs: requests (pages) and about how many megabytes. */
export function estimateDownload(count: number): { requests: number; megabytes: number } {
  return { requests: Math.ceil(count / OPENALEX_PAGE_SIZE), megabytes: Math.max(0.1, Math.round((count * BYTES_PER_WORK) / 1e5) / 10) };
}

/** Entities matching a name, from OpenAlex's autocomplete (up to ten). */
export async function autocompleteEntities(client: OpenAlexClient, kind: FieldEntityKind, text: string, signal?: AbortSignal): Promise<FieldEntity[]> {
  if (!text.trim()) return [];
  const data = await client.getJson(client.urlFor(`/autocomplete/${kind}`, { q: text.trim() }), signal);
  const results = Array.isArray(data?.results) ? data.results.filter(isObj) : [];
  return results.flatMap((r) => {
    const id = shortId(r.id);
    const name = str(r.display_name);
    if (!id || !name) return [];
    return [{ kind, id, name, ...(str(r.hint) ? { hint: str(r.hint) } : {}), ...(typeof r.works_count === 'number' ? { worksCount: r.works_count } : {}) }];
  });
}

/** `meta.count` of a filter (one page of one id). */
export async function countWorks(client: OpenAlexClient, filter: string, signal?: AbortSignal): Promise<number> {
  const data = await client.getJson(client.urlFor('/works', { filter, 'per-page': '1', select: 'id' }), signal);
  const count = isObj(data?.meta) ? data.meta.count : undefined;
  if (typeof count !== 'number') throw new OpenAlexError('format', 'OpenAlex did not say how many works the query has.');
  return count;
}

/** Where the fetch stands: the next cursor (null: the walk is over), pages and works so far. */
export interface FieldCursor {
  cursor: string | null;
  pages: number;
  works: number;
}

export interface FieldFetchOptions {
  signal?: AbortSignal;
  /** Wait used between tries (injected in tests). */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Called with each page before the next is asked for; the fetch resumes from the state it is given. */
  onPage: (works: Obj[], state: FieldCursor) => Promise<void>;
  /** Tried again after the client's own retry (a 429 after its Retry-After, a 5xx, a dropped connection). */
  onRetry?: (attempt: number, waitMs: number, error: OpenAlexError) => void;
}

const retriable = (e: unknown): e is OpenAlexError =>
  e instanceof OpenAlexError && (e.kind === 'network' || (e.kind === 'http' && (e.status === 429 || (e.status ?? 0) >= 500)));

/** GETs a page, trying again (FIELD_RETRY_WAITS_MS) when OpenAlex is busy or the connection dropped. */
async function getPage(client: OpenAlexClient, url: string, opts: FieldFetchOptions): Promise<Obj | null> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await client.getJson(url, opts.signal);
    } catch (e) {
      if (!retriable(e) || attempt >= FIELD_RETRY_WAITS_MS.length) throw e;
      const wait = FIELD_RETRY_WAITS_MS[attempt];
      opts.onRetry?.(attempt + 1, wait, e);
      await opts.sleep(wait, opts.signal);
    }
  }
}

/**
 * Walks the cursor pages of a filter from `from` (a fresh walk: `{ cursor: '*', pages: 0, works: 0 }`), handing each
 * page's works to `onPage` with the state after it. Returns the final state (cursor null).
 */
export async function fetchFieldPages(client: OpenAlexClient, filter: string, from: FieldCursor, opts: FieldFetchOptions): Promise<FieldCursor> {
  let state = from;
  const seenCursors = new Set<string>();
  while (state.cursor !== null) {
    if (seenCursors.has(state.cursor)) throw new OpenAlexError('format', 'OpenAlex sent the same page cursor twice; stopped to avoid looping.');
    seenCursors.add(state.cursor);
    const url = client.urlFor('/works', { filter, 'per-page': String(OPENALEX_PAGE_SIZE), cursor: state.cursor, select: FIELD_SELECT });
    const page = await getPage(client, url, opts);
    const meta = isObj(page?.meta) ? page.meta : {};
    const results = Array.isArray(page?.results) ? page.results.filter(isObj) : [];
    const next = str(meta.next_cursor);
    // An empty page ends the walk even if a cursor came with it.
    state = { cursor: next && results.length > 0 ? next : null, pages: state.pages + 1, works: state.works + results.length };
    await opts.onPage(results, state);
  }
  return state;
}

/** Full records of works whose author list OpenAlex cut at 100 (the same rule as the author fetch). */
export async function fetchFullWork(client: OpenAlexClient, workId: string, opts: FieldFetchOptions): Promise<Obj | null> {
  const id = shortId(workId);
  if (!id) return null;
  const full = await getPage(client, client.urlFor(`/works/${id}`), opts);
  return full && Array.isArray(full.authorships) ? full : null;
}
