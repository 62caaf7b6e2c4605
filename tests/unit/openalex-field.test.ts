import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOpenAlexClient, NO_CACHE, OpenAlexError, type FetchLike } from '../../src/import/openalex';
import {
  autocompleteEntities,
  checkFreeFilter,
  countWorks,
  estimateDownload,
  fetchFieldPages,
  fetchFullWork,
  FIELD_RETRY_WAITS_MS,
  fieldFilter,
  type FieldCursor,
} from '../../src/import/openalexField';
import { parseOpenAlexRecords } from '../../src/import/json';

const replay = join(__dirname, '../e2e/openalex-replay');
interface Entry {
  path: string;
  query: Record<string, string>;
  file: string;
  before?: { status?: number; headers?: Record<string, string>; drop?: boolean }[];
}
const manifest = JSON.parse(readFileSync(join(replay, 'field-manifest.json'), 'utf8')) as Entry[];
const response = (file: string) => JSON.parse(readFileSync(join(replay, 'responses', file), 'utf8')) as Record<string, unknown>;
const FILTER = 'topics.id:T10181,publication_year:2019-2021';

/** The replay server's rules in a fetch: routes by path and query, each route's `before` answers first, once. */
function replayFetch() {
  const firsts = new Map(manifest.map((m) => [m, [...(m.before ?? [])]]));
  const calls: string[] = [];
  const fetch: FetchLike = async (url) => {
    calls.push(url);
    const u = new URL(url);
    const params = [...u.searchParams].filter(([k]) => k !== 'mailto' && k !== 'api_key');
    const m = manifest.find((e) => e.path === u.pathname && params.length === Object.keys(e.query).length && params.every(([k, v]) => e.query[k] === v));
    if (!m) return { ok: false, status: 599, json: async () => ({}) };
    const first = firsts.get(m)!.shift();
    if (first?.drop) throw new TypeError('Failed to fetch');
    if (first) return { ok: false, status: first.status!, headers: { get: (n: string) => first.headers?.[n] ?? null }, json: async () => ({}) };
    return { ok: true, status: 200, json: async () => response(m.file) };
  };
  return { fetch, calls };
}

const waits: number[] = [];
const sleep = async (ms: number) => void waits.push(ms);
const client = (fetch: FetchLike) => createOpenAlexClient({ baseUrl: 'http://replay.test', fetch, cache: NO_CACHE, sleep, mailto: 'me@example.org' });
const fresh: FieldCursor = { cursor: '*', pages: 0, works: 0 };

describe('fieldFilter', () => {
  it('ORs entities of a kind, ANDs kinds, years and types; sorted, so one query has one key', () => {
    const q = {
      entities: [
        { kind: 'topics' as const, id: 'T2', name: 'b' },
        { kind: 'topics' as const, id: 'T1', name: 'a' },
        { kind: 'sources' as const, id: 'S9', name: 'v' },
        { kind: 'institutions' as const, id: 'I5', name: 'u' },
      ],
      fromYear: 2021,
      toYear: 2019,
      types: ['preprint', 'article'],
    };
    expect(fieldFilter(q)).toBe(
      'topics.id:T1|T2,primary_location.source.id:S9,authorships.institutions.lineage:I5,publication_year:2019-2021,type:article|preprint',
    );
    expect(fieldFilter({ entities: [{ kind: 'topics', id: 'T1', name: 'a' }], fromYear: 2015, types: [] })).toBe('topics.id:T1,publication_year:>2014');
    expect(fieldFilter({ entities: [{ kind: 'topics', id: 'T1', name: 'a' }], toYear: 2015, types: [] })).toBe('topics.id:T1,publication_year:<2016');
    expect(fieldFilter({ entities: [], fromYear: 2015, types: [] })).toBeNull();
    expect(fieldFilter({ entities: [], types: [], freeFilter: 'language:en' })).toBe('language:en');
  });
  it('checks a free filter: key:value pairs in the filter characters', () => {
    expect(checkFreeFilter('language:en,is_retracted:false')).toBeNull();
    expect(checkFreeFilter('cited_by_count:>10')).toBeNull();
    expect(checkFreeFilter('language:en&api_key=x')).toMatch(/letters, digits/);
    expect(checkFreeFilter('language')).toMatch(/not a key:value/);
    expect(checkFreeFilter('a:'.repeat(600))).toMatch(/1,000/);
  });
  it('estimates requests (200 a page) and megabytes', () => {
    expect(estimateDownload(0).requests).toBe(0);
    expect(estimateDownload(200).requests).toBe(1);
    expect(estimateDownload(201).requests).toBe(2);
    expect(estimateDownload(200_000)).toEqual({ requests: 1000, megabytes: 520 });
  });
});

describe('a field fetch against the recordings', () => {
  it('autocompletes topics, venues and institutions with their ids, hints and counts', async () => {
    const c = client(replayFetch().fetch);
    expect(await autocompleteEntities(c, 'topics', 'natural language')).toEqual([
      { kind: 'topics', id: 'T10181', name: 'Natural Language Processing Techniques', hint: 'Artificial Intelligence', worksCount: 260 },
      { kind: 'topics', id: 'T11307', name: 'Natural Language Generation', hint: 'Artificial Intelligence', worksCount: 9120 },
    ]);
    expect((await autocompleteEntities(c, 'sources', 'computational'))[0]).toMatchObject({ id: 'S2764455111', name: 'Computational Linguistics' });
    expect((await autocompleteEntities(c, 'institutions', 'lisboa'))[0]).toMatchObject({ id: 'I141596103', hint: 'Lisbon, Portugal' });
    expect(await autocompleteEntities(c, 'topics', '  ')).toEqual([]);
  });

  it('counts, then walks every page through a 429 (Retry-After) and a dropped connection, with select=', async () => {
    waits.length = 0;
    const f = replayFetch();
    const c = client(f.fetch);
    expect(await countWorks(c, FILTER)).toBe(260);
    const pages: number[] = [];
    const retries: string[] = [];
    const end = await fetchFieldPages(c, FILTER, fresh, {
      sleep,
      onPage: async (works) => void pages.push(works.length),
      onRetry: (n, ms, e) => void retries.push(`${n} ${ms} ${e.kind}`),
    });
    expect(pages).toEqual([200, 60, 0]);
    expect(end).toEqual({ cursor: null, pages: 3, works: 260 });
    // The client's own wait (Retry-After: 1 s), then the field fetch's waits after the second 429 and the drop.
    expect(waits).toEqual([1000, FIELD_RETRY_WAITS_MS[0], FIELD_RETRY_WAITS_MS[0]]);
    expect(retries).toEqual([`1 ${FIELD_RETRY_WAITS_MS[0]} http`, `1 ${FIELD_RETRY_WAITS_MS[0]} network`]);
    const pageCalls = f.calls.filter((u) => u.includes('cursor='));
    expect(pageCalls.every((u) => u.includes('select=id,doi,title') && u.includes('mailto=me%40example.org'))).toBe(true);
    expect(pageCalls).toHaveLength(6);
  });

  it('resumes from a stored state without asking for the pages it has', async () => {
    const f = replayFetch();
    const c = client(f.fetch);
    const all: unknown[] = [];
    let stopAfterFirst: FieldCursor | null = null;
    // A first run that "reloads" after its first page (the sink throws, as a closed page would stop it).
    await expect(
      fetchFieldPages(c, FILTER, fresh, {
        sleep,
        onPage: async (works, state) => {
          all.push(...works);
          stopAfterFirst = state;
          throw new Error('reloaded');
        },
      }),
    ).rejects.toThrow('reloaded');
    expect(stopAfterFirst).toMatchObject({ pages: 1, works: 200 });
    const before = f.calls.length;
    await fetchFieldPages(c, FILTER, stopAfterFirst!, { sleep, onPage: async (works) => void all.push(...works) });
    expect(f.calls.slice(before).some((u) => u.includes('cursor=*'))).toBe(false);
    const ids = all.map((w) => (w as { id: string }).id);
    expect(ids).toHaveLength(260);
    expect(new Set(ids).size).toBe(260);
  });

  it('gives up after its tries with the error in words', async () => {
    const down: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    const got: string[] = [];
    const err = await fetchFieldPages(client(down), FILTER, fresh, { sleep, onPage: async () => {}, onRetry: (n) => void got.push(String(n)) }).catch((e) => e);
    expect(err).toBeInstanceOf(OpenAlexError);
    expect(err.message).toMatch(/Could not reach OpenAlex/);
    expect(got).toEqual(FIELD_RETRY_WAITS_MS.map((_w, i) => String(i + 1)));
  });

  it('refetches a cut author list in full; the works become papers with every author', async () => {
    const c = client(replayFetch().fetch);
    const works: Record<string, unknown>[] = [];
    await fetchFieldPages(c, FILTER, fresh, { sleep, onPage: async (w) => void works.push(...w) });
    const cut = works.findIndex((w) => w.is_authors_truncated === true);
    expect((works[cut].authorships as unknown[]).length).toBe(100);
    works[cut] = (await fetchFullWork(c, String(works[cut].id), { sleep, onPage: async () => {} }))!;
    const { papers, report } = parseOpenAlexRecords(works, { fileName: 'field' });
    expect(report.read).toBe(260);
    expect(papers).toHaveLength(260);
    expect(papers.find((p) => p.id.includes('W4600000007'))?.authors).toHaveLength(120);
    // Independent count: distinct OpenAlex author ids over the works as recorded (the cut one in full).
    const ids = new Set(works.flatMap((w) => (w.authorships as { author: { id: string } }[]).map((a) => a.author.id)));
    expect(new Set(papers.flatMap((p) => p.authors.map((a) => a.externalId))).size).toBe(ids.size);
  });
});
