import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOpenAlex } from '../../src/import/json';
import { classifyAuthorQuery, createOpenAlexClient, MemoryCache, OpenAlexError, type FetchLike, type FetchProgress } from '../../src/import/openalex';

const replay = join(__dirname, '../e2e/openalex-replay');
const manifest = JSON.parse(readFileSync(join(replay, 'manifest.json'), 'utf8')) as { path: string; query: Record<string, string>; file: string }[];
const response = (file: string) => JSON.parse(readFileSync(join(replay, 'responses', file), 'utf8')) as Record<string, unknown>;
const BASE = 'http://replay.test';
const AUTHOR = 'A5001234501';

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | Error;

/** A fetch that answers from a route function and logs every URL asked for. */
function fakeFetch(route: (url: URL) => Reply) {
  const calls: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push(url);
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const r = route(new URL(url));
    if (r instanceof Error) throw r;
    return {
      ok: r.status >= 200 && r.status < 300,
      status: r.status,
      headers: { get: (n: string) => r.headers?.[n] ?? r.headers?.[n.toLowerCase()] ?? null },
      json: async () => r.body,
    };
  };
  return { fetch, calls };
}

/** Routes by the recorded manifest (credentials ignored); anything else is a 599 like the replay server's. */
const replayRoute = (url: URL): Reply => {
  const params = [...url.searchParams].filter(([k]) => k !== 'mailto' && k !== 'api_key');
  const m = manifest.find((e) => e.path === url.pathname && params.length === Object.keys(e.query).length && params.every(([k, v]) => e.query[k] === v));
  return m ? { status: 200, body: response(m.file) } : { status: 599, body: { error: 'not recorded' } };
};

const noSleep = async () => {};

describe('classifyAuthorQuery', () => {
  it('routes ORCIDs, OpenAlex ids and names', () => {
    expect(classifyAuthorQuery('0000-0002-1825-0097')).toEqual({ kind: 'orcid', orcid: '0000-0002-1825-0097' });
    expect(classifyAuthorQuery(' https://orcid.org/0000-0001-5109-370x ')).toEqual({ kind: 'orcid', orcid: '0000-0001-5109-370X' });
    expect(classifyAuthorQuery('orcid:0000-0002-1825-0097')).toEqual({ kind: 'orcid', orcid: '0000-0002-1825-0097' });
    expect(classifyAuthorQuery('https://openalex.org/A5001234501')).toEqual({ kind: 'openalex', id: 'A5001234501' });
    expect(classifyAuthorQuery('a5001234501')).toEqual({ kind: 'openalex', id: 'A5001234501' });
    expect(classifyAuthorQuery('  Ana   Ribeiro ')).toEqual({ kind: 'name', name: 'Ana Ribeiro' });
    expect(classifyAuthorQuery('0000-0002-1825')).toEqual({ kind: 'name', name: '0000-0002-1825' });
  });
});

describe('searchAuthors', () => {
  it('searches by name and returns candidates with ORCID, works count and institutions', async () => {
    const f = fakeFetch(replayRoute);
    const client = createOpenAlexClient({ baseUrl: BASE, fetch: f.fetch, mailto: 'me@example.org' });
    const found = await client.searchAuthors('Ana Ribeiro');
    expect(f.calls).toEqual([`${BASE}/authors?search=Ana%20Ribeiro&per-page=25&mailto=me%40example.org`]);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({
      id: AUTHOR,
      displayName: 'Ana Ribeiro',
      orcid: '0000-0002-1825-0097',
      worksCount: 6,
      institutions: ['Universidade de Lisboa (PT)'],
    });
    expect(found[1]).toMatchObject({ id: 'A5077700001', institutions: ['University of Toronto (CA)'] });
    expect(found[1].orcid).toBeUndefined();
  });

  it('sends an ORCID as an orcid filter, and an OpenAlex id to /authors/<id>', async () => {
    const single = (response('authors-search-ana-ribeiro.json').results as unknown[])[0];
    const f = fakeFetch((url) => (url.pathname === `/authors/${AUTHOR}` ? { status: 200, body: single } : replayRoute(url)));
    const client = createOpenAlexClient({ baseUrl: BASE, fetch: f.fetch, apiKey: 'k3y' });
    const byOrcid = await client.searchAuthors('https://orcid.org/0000-0002-1825-0097');
    expect(f.calls[0]).toBe(`${BASE}/authors?filter=orcid:0000-0002-1825-0097&api_key=k3y`);
    expect(byOrcid.map((c) => c.id)).toEqual([AUTHOR]);
    const byId = await client.searchAuthors('A5001234501');
    expect(f.calls[1]).toBe(`${BASE}/authors/A5001234501?api_key=k3y`);
    expect(byId.map((c) => c.displayName)).toEqual(['Ana Ribeiro']);
  });

  it('gives no candidates for an unknown OpenAlex id (404)', async () => {
    const f = fakeFetch(() => ({ status: 404, body: { error: 'not found' } }));
    expect(await createOpenAlexClient({ baseUrl: BASE, fetch: f.fetch }).searchAuthors('A123456')).toEqual([]);
  });
});

describe('fetchAllWorks', () => {
  it('follows cursors to the end and refetches truncated works in full', async () => {
    const f = fakeFetch(replayRoute);
    const client = createOpenAlexClient({ baseUrl: BASE, fetch: f.fetch });
    const progress: FetchProgress[] = [];
    const got = await client.fetchAllWorks(`https://openalex.org/${AUTHOR}`, { onProgress: (p) => progress.push(p) });
    // Every request was one the recording has, in order: 3 cursor pages, then the truncated work.
    const cursors = f.calls.filter((u) => u.includes('/works?')).map((u) => new URL(u).searchParams.get('cursor'));
    expect(cursors).toEqual(manifest.filter((m) => m.path === '/works').map((m) => m.query.cursor));
    expect(f.calls.at(-1)).toBe(`${BASE}/works/W4391000003`);
    expect(f.calls).toHaveLength(4);
    expect(got.count).toBe(6);
    expect(got.works).toHaveLength(6);
    expect(got.refetched).toEqual(['W4391000003']);
    expect(got.stillTruncated).toEqual([]);
    const big = got.works.find((w) => w.id === 'https://openalex.org/W4391000003')!;
    expect((big.authorships as unknown[]).length).toBe(120);
    expect(big.is_authors_truncated).toBe(false);
    expect(progress.filter((p) => p.phase === 'works').map((p) => [p.done, p.total])).toEqual([
      [4, 6],
      [6, 6],
      [6, 6],
    ]);
    expect(progress.filter((p) => p.phase === 'authors').map((p) => [p.done, p.total])).toEqual([
      [0, 1],
      [1, 1],
    ]);

    // The works parse like any OpenAlex file: 6 papers, none truncated, 120 authors on the consortium paper.
    const parsed = parseOpenAlex(JSON.stringify({ results: got.works }));
    expect(parsed.report.imported).toBe(6);
    expect(parsed.report.truncated).toEqual([]);
    expect(parsed.papers.find((p) => p.id === 'W4391000003')!.authors).toHaveLength(120);
  });

  it('the list page alone would have cut the consortium paper at 100 authors', () => {
    const page = response('works-page-1.json') as { results: { id: string; authorships: unknown[]; is_authors_truncated: boolean }[] };
    const w = page.results.find((r) => r.id.endsWith('W4391000003'))!;
    expect(w.authorships).toHaveLength(100);
    expect(w.is_authors_truncated).toBe(true);
  });

  it('answers a repeated fetch from the cache without a request', async () => {
    const f = fakeFetch(replayRoute);
    const cache = new MemoryCache();
    const client = createOpenAlexClient({ baseUrl: BASE, fetch: f.fetch, cache, mailto: 'a@b.c' });
    await client.fetchAllWorks(AUTHOR);
    expect(f.calls).toHaveLength(4);
    const again = await client.fetchAllWorks(AUTHOR);
    expect(f.calls).toHaveLength(4);
    expect(again.cacheHits).toBe(4);
    expect(again.requests).toBe(0);
    expect(again.works).toHaveLength(6);
    // Keys leave credentials out: a client with another e-mail shares the cache.
    const other = createOpenAlexClient({ baseUrl: BASE, fetch: f.fetch, cache, apiKey: 'zzz' });
    await other.searchAuthors('Ana Ribeiro');
    await other.searchAuthors('Ana Ribeiro');
    expect(f.calls).toHaveLength(5);
  });

  it('stops when cancelled, between pages and during a request', async () => {
    const controller = new AbortController();
    const f = fakeFetch((url) => {
      const r = replayRoute(url);
      if (url.searchParams.get('cursor') === '*') controller.abort();
      return r;
    });
    const client = createOpenAlexClient({ baseUrl: BASE, fetch: f.fetch });
    await expect(client.fetchAllWorks(AUTHOR, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(f.calls).toHaveLength(1);

    // A fetch that rejects because its signal fired is an AbortError too, not a network error.
    const c2 = new AbortController();
    const f2 = fakeFetch(() => {
      c2.abort();
      return new DOMException('The user aborted a request.', 'AbortError');
    });
    await expect(createOpenAlexClient({ baseUrl: BASE, fetch: f2.fetch }).fetchAllWorks(AUTHOR, { signal: c2.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('cancels a retry wait', async () => {
    const controller = new AbortController();
    const f = fakeFetch(() => ({ status: 429, body: {} }));
    const client = createOpenAlexClient({ baseUrl: BASE, fetch: f.fetch, retryDelayMs: 60_000 });
    const p = client.searchAuthors('Ana', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(f.calls).toHaveLength(1);
  });

  it('retries once after 429 or 5xx (honouring Retry-After), then reports in words', async () => {
    let n = 0;
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    const flaky = fakeFetch((url) => (n++ === 0 ? { status: 429, body: {}, headers: { 'Retry-After': '2' } } : replayRoute(url)));
    const got = await createOpenAlexClient({ baseUrl: BASE, fetch: flaky.fetch, sleep }).searchAuthors('Ana Ribeiro');
    expect(got).toHaveLength(2);
    expect(flaky.calls).toHaveLength(2);
    expect(waits).toEqual([2000]);

    const down = fakeFetch(() => ({ status: 503, body: {} }));
    const err = await createOpenAlexClient({ baseUrl: BASE, fetch: down.fetch, sleep: noSleep })
      .fetchAllWorks(AUTHOR)
      .catch((e) => e);
    expect(err).toBeInstanceOf(OpenAlexError);
    expect(err.status).toBe(503);
    expect(err.message).toMatch(/not answering properly \(HTTP 503\), even after one retry/);
    expect(down.calls).toHaveLength(2);

    const limited = fakeFetch(() => ({ status: 429, body: {} }));
    const err2 = await createOpenAlexClient({ baseUrl: BASE, fetch: limited.fetch, sleep: noSleep })
      .searchAuthors('x')
      .catch((e) => e);
    expect(err2.message).toMatch(/too many requests/);

    const bad = fakeFetch(() => ({ status: 400, body: {} }));
    const err3 = await createOpenAlexClient({ baseUrl: BASE, fetch: bad.fetch, sleep: noSleep })
      .searchAuthors('x')
      .catch((e) => e);
    expect(bad.calls).toHaveLength(1);
    expect(err3.message).toMatch(/HTTP 400/);
  });

  it('reports a network failure in words, without retrying', async () => {
    const f = fakeFetch(() => new TypeError('Failed to fetch'));
    const err = await createOpenAlexClient({ baseUrl: BASE, fetch: f.fetch })
      .searchAuthors('Ana')
      .catch((e) => e);
    expect(err).toBeInstanceOf(OpenAlexError);
    expect(err.kind).toBe('network');
    expect(err.message).toBe(`Could not reach OpenAlex at ${BASE} (Failed to fetch). Check the connection and try again.`);
    expect(f.calls).toHaveLength(1);
  });

  it('stops on a cursor loop and refuses a bad author id', async () => {
    const loop = fakeFetch(() => ({
      status: 200,
      body: { meta: { count: 9, next_cursor: 'same' }, results: [{ id: 'https://openalex.org/W1', title: 't' }] },
    }));
    const err = await createOpenAlexClient({ baseUrl: BASE, fetch: loop.fetch })
      .fetchAllWorks(AUTHOR)
      .catch((e) => e);
    expect(err.message).toMatch(/same page cursor twice/);
    expect(loop.calls).toHaveLength(2);
    await expect(createOpenAlexClient({ baseUrl: BASE, fetch: loop.fetch }).fetchAllWorks('W123')).rejects.toThrow(/not an OpenAlex author id/);
  });
});
