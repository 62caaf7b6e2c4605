/**
 * `npm run field` on a generated snapshot and on the OpenAlex works fixtures: the folder's counts, pairs (full and
 * fractional weights, shared works), hubs and authors against an independent computation in plain JS
 * (field-expected.ts); the summary line; --where, --cap, Parquet input and determinism.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { makeSnapshot } from '../bench/make-snapshot';
import { runField } from '../../scripts/field/pipeline';
import {
  isFieldIndex,
  isFieldTile,
  searchShard,
  shardsOfName,
  tileFileOf,
  type FieldIndex,
  type FieldSearchEntry,
  type FieldTile,
} from '../../src/field/format';
import { expectedField, nameKeyOf, readJsonLines, short, type Expected, type RawWork } from './field-expected';
import { nameKey } from '../../src/model/names';

const root = mkdtempSync(join(tmpdir(), 'field-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Folder {
  index: FieldIndex;
  tiles: FieldTile[];
  shards: Map<string, FieldSearchEntry[]>;
}

function readFolder(dir: string): Folder {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
  expect(isFieldIndex(index)).toBe(true);
  const tiles = readdirSync(join(dir, 'clusters')).map((f) => JSON.parse(readFileSync(join(dir, 'clusters', f), 'utf8')) as FieldTile);
  for (const t of tiles) expect(isFieldTile(t)).toBe(true);
  const shards = new Map(
    Object.entries(index.search as Record<string, string>).map(([k, f]) => [k, JSON.parse(readFileSync(join(dir, f), 'utf8')) as FieldSearchEntry[]]),
  );
  return { index, tiles, shards };
}

/** Everything the folder says, checked against the independent computation. */
function checkAgainst(folder: Folder, expected: Expected) {
  const { index, tiles } = folder;
  expect(index.summary.works).toBe(expected.works);
  expect(index.summary.authorships).toBe(expected.authorships);
  expect(index.summary.authors).toBe(expected.authors.size);
  expect(index.summary.edges).toBe(expected.pairs.size);
  expect(index.summary.hubs).toBe(expected.hubs.size);
  expect(index.summary.nameOnlyAuthors).toBe(expected.nameOnlyAuthors);
  expect(index.summary.nameOnlyAuthorships).toBe(expected.nameOnlyAuthorships);

  // Every author in exactly one tile, in the tile of their community, with the expected figures.
  const communityOf = new Map<string, number>();
  for (const t of tiles)
    for (const a of t.authors) {
      expect(communityOf.has(a.id)).toBe(false);
      communityOf.set(a.id, a.community);
      expect(t.communities).toContain(a.community);
      const e = expected.authors.get(a.id.startsWith('name:') ? a.id : `https://openalex.org/${a.id}`);
      expect(e, a.id).toBeDefined();
      expect({
        label: a.label,
        papers: a.papers,
        firstYear: a.firstYear,
        lastYear: a.lastYear,
        institutions: a.institutions,
        countries: a.countries,
        works: a.works,
      }).toEqual(e);
    }
  expect(communityOf.size).toBe(expected.authors.size);
  const communities = new Set(communityOf.values());
  expect(index.summary.clusters).toBeGreaterThanOrEqual(communities.size);
  for (const c of communities) expect(tiles.some((t) => t.communities.includes(c) && tileFileOf(index, c))).toBe(true);

  // Pairs inside a community are in its tile with their exact weights; the others are the ties between clusters.
  let inside = 0;
  for (const key of expected.pairs.keys()) {
    const [a, b] = key.split('|');
    if (communityOf.get(a) === communityOf.get(b)) inside++;
  }
  const tileEdges = tiles.flatMap((t) => t.edges);
  expect(tileEdges.length).toBe(inside);
  for (const e of tileEdges) {
    const p = expected.pairs.get(`${e.a}|${e.b}`);
    expect(p, `${e.a}|${e.b}`).toBeDefined();
    expect(e.full).toBe(p!.full);
    expect(e.fractional).toBeCloseTo(p!.fractional, 9);
    expect(e.works).toEqual(p!.works);
    expect(communityOf.get(e.a)).toBe(communityOf.get(e.b));
  }
  // Hubs: each in one tile with its author count, linked to its authors of that community only.
  const tileHubs = tiles.flatMap((t) => t.hubs);
  expect(new Map(tileHubs.map((h) => [h.id, h.authorCount]))).toEqual(expected.hubs);
  for (const h of tileHubs) for (const a of h.authors) expect(communityOf.get(a)).toBe(h.community);

  // The overview: cluster sizes sum to the authors; search finds every author in their community.
  const shown = index.overview.clusters.reduce((s, c) => s + c.authors, 0) + (index.overview.rest?.authors ?? 0);
  expect(shown).toBe(expected.authors.size);
  // The overview's ties: the pairs and hub ties across clusters, summed, with full and fractional weights.
  const shownCluster = (c: number) => (c < index.overview.clusters.length ? c : -1);
  const ties = new Map<string, { full: number; fractional: number }>();
  const tie = (ca: number, cb: number, full: number, fractional: number) => {
    const [a, b] = [shownCluster(ca), shownCluster(cb)].sort((x, y) => x - y);
    if (a === b) return;
    const t = ties.get(`${a} ${b}`) ?? ties.set(`${a} ${b}`, { full: 0, fractional: 0 }).get(`${a} ${b}`)!;
    t.full += full;
    t.fractional += fractional;
  };
  for (const [key, p] of expected.pairs) {
    const [a, b] = key.split('|');
    tie(communityOf.get(a)!, communityOf.get(b)!, p.full, p.fractional);
  }
  for (const h of tileHubs) for (const a of expected.hubAuthors.get(h.id)!) tie(h.community, communityOf.get(a)!, 1, 1 / (h.authorCount - 1));
  expect(index.overview.edges.length).toBe(ties.size);
  for (const e of index.overview.edges) {
    const t = ties.get(`${e.a} ${e.b}`);
    expect(t, `${e.a} ${e.b}`).toBeDefined();
    expect(e.weight).toBe(t!.full);
    expect(e.fractional).toBeCloseTo(t!.fractional, 6);
  }
  for (const [id, e] of expected.authors) {
    for (const s of shardsOfName(e.label)) expect(folder.shards.get(s)!.some((x) => x[1] === short(id) && x[2] === communityOf.get(short(id)))).toBe(true);
  }
}

describe('npm run field on a generated snapshot', () => {
  const snapshot = join(root, 'snapshot');
  let raw: RawWork[] = [];
  const glob = `${snapshot}/works/updated_date=*/part_*.gz`;
  beforeAll(async () => {
    const { files } = await makeSnapshot({ out: snapshot, works: 400, authors: 260, seed: 7, worksPerPart: 150, hyperShare: 0.03 });
    expect(files.length).toBe(3);
    raw = readJsonLines(files);
  });

  it('prints the one-line summary last, and the folder matches an independent computation', () => {
    const out = join(root, 'out-cli');
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/field/cli.ts', '--works', glob, '--out', out, '--quiet'], { encoding: 'utf8' });
    const last = stdout.trim().split('\n').at(-1)!;
    const summary = JSON.parse(last);
    const expected = expectedField(raw, 25);
    expect(Object.keys(summary)).toEqual(['works', 'authorships', 'authors', 'edges', 'clusters']);
    expect(summary).toMatchObject({ works: 400, authorships: expected.authorships, authors: expected.authors.size, edges: expected.pairs.size });
    expect(expected.hubs.size).toBeGreaterThan(3);
    const folder = readFolder(out);
    expect(summary.clusters).toBe(folder.index.summary.clusters);
    checkAgainst(folder, expected);
    // The generator writes some names in two spellings, so the label rule (the most common one) is exercised.
    const spellings = new Map<string, Set<string>>();
    for (const w of raw)
      for (const a of w.authorships ?? [])
        (spellings.get(a.author!.id!) ?? spellings.set(a.author!.id!, new Set()).get(a.author!.id!)!).add(a.author!.display_name!);
    expect([...spellings.values()].filter((s) => s.size > 1).length).toBeGreaterThan(20);
  });

  it('keeps the authors listed without an OpenAlex id, by their name, as the app does', () => {
    const folder = readFolder(join(root, 'out-cli'));
    const expected = expectedField(raw, 25);
    // Both cases occur: a listing taken by the one id that writes its name, and authors known by name only.
    const listings = raw.flatMap((w) => w.authorships ?? []).filter((a) => !a.author?.id);
    expect(listings.length).toBeGreaterThan(10);
    expect(expected.nameOnlyAuthors).toBeGreaterThan(3);
    const idsOfName = new Map<string, Set<string>>();
    for (const a of raw.flatMap((w) => w.authorships ?? []))
      if (a.author?.id) {
        const k = nameKeyOf(a.author.display_name ?? '');
        (idsOfName.get(k) ?? idsOfName.set(k, new Set()).get(k)!).add(a.author.id);
      }
    const claimed = listings.filter((a) => idsOfName.get(nameKeyOf(a.author!.display_name!))?.size === 1);
    expect(claimed.length).toBeGreaterThan(0);
    for (const a of claimed) expect(expected.authors.get([...idsOfName.get(nameKeyOf(a.author!.display_name!))!][0])).toBeDefined();
    expect(folder.index.summary.nameOnlyAuthors).toBe(expected.nameOnlyAuthors);
    expect(folder.index.summary.nameOnlyAuthorships).toBe(expected.nameOnlyAuthorships);
    // Left out, they would be missing from the authorships: the summary counts them.
    const withId = raw.reduce((s, w) => s + new Set((w.authorships ?? []).filter((a) => a.author?.id).map((a) => a.author!.id)).size, 0);
    expect(folder.index.summary.authorships).toBeGreaterThan(withId);
    // A name-only author is in a tile and found by search, like any other.
    const someone = folder.tiles.flatMap((t) => t.authors).find((a) => a.id.startsWith('name:'))!;
    expect(someone.label).toMatch(/guest/);
    expect(searchShard(folder.shards.get(shardsOfName(someone.label)[0])!, someone.label, 5).map((e) => e[1])).toContain(someone.id);
    // The name key is the app's nameKey for names in plain ASCII.
    for (const name of ['Ana B. Abe', 'A. Abe', "Mary-Jane O'Neil", 'Bo  Chen (guest)']) expect(nameKeyOf(name)).toBe(nameKey(name));
  });

  it('applies --where and --cap as the app would', async () => {
    const out = join(root, 'out-where');
    await runField({ works: glob, where: "publication_year >= 2010 AND type = 'article'", cap: 3, out });
    const expected = expectedField(raw, 3, (w) => (w.publication_year ?? 0) >= 2010 && w.type === 'article');
    expect(expected.works).toBeLessThan(400);
    expect(expected.hubs.size).toBeGreaterThan(20);
    checkAgainst(readFolder(out), expected);
  });

  it('reads Parquet the same, and gives the same folder twice', async () => {
    const parquet = join(root, 'works.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const c = await instance.connect();
    await c.run(`COPY (SELECT * FROM read_json('${glob}', format = 'newline_delimited')) TO '${parquet}' (FORMAT parquet)`);
    c.closeSync();
    instance.closeSync();
    const a = await runField({ works: parquet, out: join(root, 'out-parquet') });
    const b = await runField({ works: glob, out: join(root, 'out-json') });
    expect(a.summary).toEqual(b.summary);
    const c2 = await runField({ works: glob, out: join(root, 'out-json-2') });
    expect(c2.summary).toEqual(b.summary);
    for (const f of ['index.json', 'clusters/0.json', 'search/a.json'])
      expect(readFileSync(join(root, 'out-json-2', f), 'utf8')).toBe(readFileSync(join(root, 'out-json', f), 'utf8'));
  });
});

describe('npm run field on real OpenAlex works JSON', () => {
  it('counts the fixtures’ works, authorships, authors, pairs and hubs', async () => {
    const responses = 'tests/e2e/openalex-replay/responses';
    const pages = ['works-page-1.json', 'works-page-2.json', 'field-page-1.json', 'field-page-2.json'].map(
      (f) => JSON.parse(readFileSync(join(responses, f), 'utf8')).results,
    );
    const singles = ['work-W4391000003.json', 'field-work-W4600000007.json'].map((f) => JSON.parse(readFileSync(join(responses, f), 'utf8')));
    const works: RawWork[] = [...JSON.parse(readFileSync('tests/fixtures/import/openalex.json', 'utf8')).results, ...pages.flat(), ...singles];
    const dir = join(root, 'openalex', 'works', 'updated_date=2025-01-01');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'part_000.gz'), gzipSync(works.map((w) => JSON.stringify(w)).join('\n')));
    const out = join(root, 'out-openalex');
    const { summary } = await runField({ works: `${root}/openalex/works/updated_date=*/part_*.gz`, out });
    const expected = expectedField(works, 25);
    expect(expected.works).toBeGreaterThan(250);
    expect(expected.hubs.size).toBeGreaterThan(0);
    expect(summary.works).toBe(expected.works);
    checkAgainst(readFolder(out), expected);
    // A shard search finds an author by a later word of their name.
    const someone = [...expected.authors.values()].find((a) => a.label.includes(' '))!;
    const word = someone.label.split(' ').at(-1)!;
    const shard = readFolder(out).shards.get(shardsOfName(word)[0])!;
    expect(searchShard(shard, word, 50).map((e) => e[0])).toContain(someone.label);
  });
});
