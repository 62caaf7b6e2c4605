/**
 * Writes the field folder (src/field/format.ts): index.json with the cluster overview, one tile per big community
 * (the smaller ones packed together), and the search shards. Tiles are read from DuckDB a range of communities at a time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import seedrandom from 'seedrandom';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  FIELD_FORMAT,
  FIELD_OVERVIEW_CLUSTERS,
  FIELD_REST_TILE_AUTHORS,
  FIELD_VERSION,
  shardsOfName,
  type FieldIndex,
  type FieldOverviewCluster,
  type FieldSearchEntry,
  type FieldSummary,
  type FieldTile,
} from '../../src/field/format';
import { rows } from './duck';
import { settingsFor } from './layout';

/** Authors read from DuckDB per query (a range of whole communities). */
const AUTHORS_PER_READ = 50_000;

export interface FolderInput {
  out: string;
  title: string;
  options: FieldIndex['options'];
  summary: FieldSummary;
  network: { nAuthors: number; source: Int32Array; target: Int32Array; weight: Float64Array; fractional: Float64Array; community: Int32Array };
  /** Filled with the seconds of the folder's steps (folderOverview, folderTileTables, folderSearch, folderTiles, folderShards). */
  seconds?: Record<string, number>;
  log?: (line: string) => void;
}

export async function writeFolder(db: DuckDBConnection, input: FolderInput): Promise<void> {
  const { out, network, summary } = input;
  let stepStart = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    if (input.seconds) input.seconds[name] = (now - stepStart) / 1000;
    input.log?.(`folder: ${name} ${((now - stepStart) / 1000).toFixed(1)} s`);
    stepStart = now;
  };
  const { nAuthors, community } = network;
  const nCommunities = summary.clusters;
  const authorsIn = new Int32Array(nCommunities);
  for (let v = 0; v < nAuthors; v++) authorsIn[community[v]]++;

  // The overview: communities 0 … 399 one by one, the rest as one node; ties summed between them (full and fractional).
  const shown = Math.min(nCommunities, FIELD_OVERVIEW_CLUSTERS);
  const overviewOf = (c: number) => (c < shown ? c : -1);
  const degree = new Float64Array(community.length);
  // Keyed by (lower + 1) · (shown + 1) + (higher + 1): a number, not a string per tie (9M ties at 1M works).
  const ties = new Map<number, { full: number; fractional: number }>();
  for (let i = 0; i < network.source.length; i++) {
    const a = network.source[i];
    const b = network.target[i];
    degree[a] += network.weight[i];
    degree[b] += network.weight[i];
    const ca = overviewOf(community[a]);
    const cb = overviewOf(community[b]);
    if (ca === cb) continue;
    const key = (Math.min(ca, cb) + 1) * (shown + 1) + Math.max(ca, cb) + 1;
    let tie = ties.get(key);
    if (!tie) ties.set(key, (tie = { full: 0, fractional: 0 }));
    tie.full += network.weight[i];
    tie.fractional += network.fractional[i];
  }
  // Each shown community is named after its most connected author.
  const best = new Int32Array(shown).fill(-1);
  for (let v = 0; v < nAuthors; v++) {
    const c = community[v];
    if (c < shown && (best[c] < 0 || degree[v] > degree[best[c]])) best[c] = v;
  }
  const names = new Map<number, string>();
  const bestList = [...best].filter((v) => v >= 0);
  if (bestList.length)
    for (const r of await rows<{ idx: number; label: string }>(
      db,
      `SELECT n.idx, a.label FROM node_index n JOIN authors a ON a.author_id = n.id WHERE n.idx IN (${bestList.join(',')})`,
    ))
      names.set(r.idx, r.label);
  const clusters: FieldOverviewCluster[] = [];
  for (let c = 0; c < shown; c++) clusters.push({ community: c, label: names.get(best[c]) ?? `Cluster ${c + 1}`, authors: authorsIn[c], x: 0, y: 0 });
  const restAuthors = nAuthors - clusters.reduce((s, c) => s + c.authors, 0);
  const rest: FieldOverviewCluster | null =
    nCommunities > shown
      ? { community: -1, label: `${(nCommunities - shown).toLocaleString('en-US')} smaller groups`, authors: restAuthors, x: 0, y: 0 }
      : null;
  // In a fixed order (the ties were summed in the order DuckDB's threads gave), so the layout is the same each run.
  const edges = [...ties]
    .map(([key, tie]) => {
      const a = Math.floor(key / (shown + 1)) - 1;
      const b = (key % (shown + 1)) - 1;
      // Rounded: the fractional sums ran in the order DuckDB's threads gave.
      return { a, b, weight: tie.full, fractional: Math.round(tie.fractional * 1e9) / 1e9 };
    })
    .sort((x, y) => x.a - y.a || x.b - y.b);
  layOutOverview([...clusters, ...(rest ? [rest] : [])], edges, input.options.seed);
  step('folderOverview');

  // Tiles: own files for the shown communities, the rest packed in order.
  const restTiles: FieldIndex['tiles']['rest'] = [];
  const tileGroups: { file: string; first: number; last: number }[] = [];
  for (let c = 0; c < shown; c++) tileGroups.push({ file: `clusters/${c}.json`, first: c, last: c });
  for (let c = shown; c < nCommunities;) {
    let last = c;
    let size = authorsIn[c];
    while (last + 1 < nCommunities && size + authorsIn[last + 1] <= FIELD_REST_TILE_AUTHORS) size += authorsIn[++last];
    const group = { file: `clusters/rest-${restTiles.length}.json`, first: c, last };
    restTiles.push(group);
    tileGroups.push(group);
    c = last + 1;
  }
  mkdirSync(join(out, 'clusters'), { recursive: true });
  await prepareTileTables(db, step);
  // The search shards: every author's name, id and community, by name then id. Sorted once, all together, and then
  // dealt to the shards in that order (a shard is a subsequence, so it comes out sorted): a third of the comparisons of
  // sorting each shard, since most names fall in several. One collator: localeCompare's order without its per-call set-up.
  const compare = new Intl.Collator().compare;
  const shards = new Map<string, FieldSearchEntry[]>();
  const [labels, ids, communities] = (await db.runAndReadAll(`SELECT label, ${short('author_id')}, community FROM author_tiles`)).getColumnsJS();
  const entries = Array.from({ length: labels.length }, (_x, i): FieldSearchEntry => [labels[i] as string, ids[i] as string, Number(communities[i])]);
  entries.sort((x, y) => compare(x[0], y[0]) || compare(x[1], y[1]));
  for (const entry of entries) {
    for (const s of shardsOfName(entry[0])) {
      let list = shards.get(s);
      if (!list) shards.set(s, (list = []));
      list.push(entry);
    }
  }
  step('folderSearch');
  for (let g = 0; g < tileGroups.length;) {
    // One read covers whole tiles, up to AUTHORS_PER_READ authors.
    let end = g;
    let size = 0;
    while (end < tileGroups.length && (end === g || size + groupSize(tileGroups[end], authorsIn) <= AUTHORS_PER_READ))
      size += groupSize(tileGroups[end++], authorsIn);
    const lo = tileGroups[g].first;
    const hi = tileGroups[end - 1].last;
    const batch = await readTiles(db, lo, hi);
    for (const group of tileGroups.slice(g, end)) {
      // A FieldTile, written from the JSON DuckDB made for its rows.
      const communities: number[] = [];
      const tile: TilePart = { authors: [], hubs: [], edges: [] };
      for (let c = group.first; c <= group.last; c++) {
        communities.push(c);
        const part = batch.get(c);
        if (!part) continue;
        tile.authors.push(...part.authors);
        tile.hubs.push(...part.hubs);
        tile.edges.push(...part.edges);
      }
      const head: Omit<FieldTile, 'authors' | 'hubs' | 'edges'> = { format: 'coauthor-atlas-field-tile', version: FIELD_VERSION, communities };
      const body = `${JSON.stringify(head).slice(0, -1)},"authors":[${tile.authors.join(',')}],"hubs":[${tile.hubs.join(',')}],"edges":[${tile.edges.join(',')}]}`;
      writeFileSync(join(out, group.file), body);
    }
    g = end;
  }

  step('folderTiles');
  mkdirSync(join(out, 'search'), { recursive: true });
  const search: Record<string, string> = {};
  for (const [letter, list] of [...shards].sort((x, y) => compare(x[0], y[0]))) {
    search[letter] = `search/${letter}.json`;
    writeFileSync(join(out, search[letter]), JSON.stringify(list));
  }
  const index: FieldIndex = {
    format: FIELD_FORMAT,
    version: FIELD_VERSION,
    title: input.title,
    options: input.options,
    summary,
    overview: { clusters, rest, edges },
    tiles: { ownTiles: shown, rest: restTiles },
    search,
  };
  writeFileSync(join(out, 'index.json'), JSON.stringify(index));
  step('folderShards');
}

const groupSize = (g: { first: number; last: number }, authorsIn: Int32Array) => {
  let s = 0;
  for (let c = g.first; c <= g.last; c++) s += authorsIn[c];
  return s;
};

/** Seeded ForceAtlas2 on the overview (a few hundred nodes at most), from positions on a seeded circle. */
function layOutOverview(nodes: FieldOverviewCluster[], edges: { a: number; b: number; weight: number }[], seed: number): void {
  const g = new Graph({ type: 'undirected' });
  const rng = seedrandom(`overview:${seed}`);
  for (const n of nodes) g.addNode(String(n.community), { x: rng() * 100, y: rng() * 100, size: Math.sqrt(n.authors) });
  for (const e of edges) g.addEdge(String(e.a), String(e.b), { weight: e.weight });
  // The page's settings (as for a cluster): its gravity keeps clusters without ties near the others.
  if (g.order > 1) forceAtlas2.assign(g, { iterations: 300, getEdgeWeight: 'weight', settings: { ...settingsFor(g.order), adjustSizes: false } });
  for (const n of nodes) {
    n.x = Math.round(g.getNodeAttribute(String(n.community), 'x') * 100) / 100;
    n.y = Math.round(g.getNodeAttribute(String(n.community), 'y') * 100) / 100;
  }
}

const short = (id: string) => `regexp_replace(${id}, '^.*/', '')`;

/**
 * The tiles' rows as JSON text (format.ts's FieldAuthor, FieldHub, FieldEdge), made by DuckDB, each with its
 * community and sorted by it, so that a range of communities is one short read of a few strings per community.
 */
async function prepareTileTables(db: DuckDBConnection, step: (name: string) => void): Promise<void> {
  await db.run(`CREATE TABLE author_tiles AS
    SELECT ic.community AS community, a.author_id, a.label,
      json_object('id', ${short('a.author_id')}, 'label', a.label, 'community', ic.community, 'papers', a.papers,
        'firstYear', a.first_year, 'lastYear', a.last_year,
        'institutions', COALESCE(i.institutions, []::VARCHAR[]), 'countries', COALESCE(k.countries, []::VARCHAR[]), 'works', w.works,
        'x', ic.x, 'y', ic.y)::VARCHAR AS json
    FROM authors a
    JOIN id_community ic ON ic.id = a.author_id
    LEFT JOIN (SELECT author_id, array_agg(${short('work_id')} ORDER BY work_id) AS works FROM authorships GROUP BY author_id) w ON w.author_id = a.author_id
    LEFT JOIN (SELECT author_id, list_sort(array_agg(DISTINCT institution) FILTER (WHERE institution IS NOT NULL)) AS institutions
               FROM author_institutions GROUP BY author_id) i ON i.author_id = a.author_id
    LEFT JOIN (SELECT author_id, list_sort(array_agg(DISTINCT country)) AS countries FROM author_countries GROUP BY author_id) k ON k.author_id = a.author_id
    ORDER BY ic.community, a.author_id`);
  step('folderAuthorTiles');
  await db.run(`CREATE TABLE edge_tiles AS
    SELECT s.community AS community, p.source, p.target,
      json_object('a', ${short('p.source')}, 'b', ${short('p.target')}, 'full', p.full_weight,
        -- Rounded: a sum of doubles in the order DuckDB's threads gave differs in its last bits from run to run.
        'fractional', round(p.fractional_weight, 9),
        'works', list_sort(list_transform(p.work_ids, lambda x: ${short('x')})))::VARCHAR AS json
    FROM coauthor_pairs p JOIN id_community s ON s.id = p.source JOIN id_community t ON t.id = p.target
    WHERE s.community = t.community ORDER BY s.community, p.source, p.target`);
  step('folderEdgeTiles');
  await db.run(`CREATE TABLE hub_tiles AS
    SELECT h.community, h.work_id,
      json_object('id', ${short('h.work_id')}, 'label', COALESCE(h.title, ${short('h.work_id')}), 'authorCount', h.n, 'community', h.community,
        'authors', COALESCE(h.authors, []::VARCHAR[]), 'x', h.x, 'y', h.y)::VARCHAR AS json
    FROM (
      SELECT hc.community AS community, h.work_id, MAX(h.title) AS title, MAX(h.n) AS n, MAX(hc.x) AS x, MAX(hc.y) AS y,
             array_agg(${short('h.author_id')} ORDER BY h.author_id) FILTER (WHERE ac.community = hc.community) AS authors
      FROM hub_authorships h JOIN id_community hc ON hc.id = h.work_id JOIN id_community ac ON ac.id = h.author_id
      GROUP BY hc.community, h.work_id
    ) h
    ORDER BY h.community, h.work_id`);
  step('folderHubTiles');
}

interface TilePart {
  authors: string[];
  hubs: string[];
  edges: string[];
}

/** Communities lo … hi from the tile tables: per community, its authors', hubs' and edges' JSON arrays (without brackets). */
async function readTiles(db: DuckDBConnection, lo: number, hi: number): Promise<Map<number, TilePart>> {
  const parts = new Map<number, TilePart>();
  const part = (c: number) => {
    let p = parts.get(c);
    if (!p) parts.set(c, (p = { authors: [], hubs: [], edges: [] }));
    return p;
  };
  for (const [table, key, order] of [
    ['author_tiles', 'authors', 'author_id'],
    ['hub_tiles', 'hubs', 'work_id'],
    ['edge_tiles', 'edges', 'source, target'],
  ] as const) {
    const sql = `SELECT community, string_agg(json, ',' ORDER BY ${order}) AS json FROM ${table} WHERE community BETWEEN ${lo} AND ${hi} GROUP BY community`;
    for (const r of await rows<{ community: number; json: string }>(db, sql)) part(r.community)[key].push(r.json);
  }
  return parts;
}
