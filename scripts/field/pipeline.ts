/**
 * `npm run field`: works → the rules in sql/*.sql on DuckDB → communities (seeded Leiden) → the folder the app opens.
 * What stays in JS is what SQL does not do: the clustering, the overview's layout, and writing the files.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { FieldSummary } from '../../src/field/format';
// The app's default cap and seed.
import { DEFAULT_BUILD_OPTIONS } from '../../src/graph/types';
import { defineWorks, numberColumns, openEngine, quote, rows, runRules } from './duck';
import { detectCommunities } from './communities';
import { layOutCommunitiesInParallel } from './layout-parallel';
import { writeFolder } from './write-folder';

/**
 * Leiden's iterations on the field's network. At 200k works 2 iterations find 1,933 communities against 10's 1,922, with
 * modularity 0.8411 against 0.8415 and an NMI of 0.92 between the two; another seed at 10 iterations differs more
 * (NMI 0.76). At 1M works they cost a third of 10's CPU time (BENCHMARKS.md).
 */
export const LEIDEN_ITERATIONS = 2;

/** DuckDB's memory limit while node clusters and lays out the network (the run's peak otherwise). */
const NODE_PHASE_DUCKDB_MEMORY = '1GB';
/**
 * While the folder is written node still holds the network's arrays: with DuckDB at its 4 GB the 1M-work run peaked at
 * 5.89 GiB (6.3 × 10^9 bytes), just past the 6 GB target; DuckDB spills what does not fit (BENCHMARKS.md).
 */
const FOLDER_PHASE_DUCKDB_MEMORY = '3GB';

export interface FieldRun {
  works: string;
  where?: string | null;
  out: string;
  cap?: number;
  seed?: number;
  title?: string;
  memoryLimit?: string;
  threads?: number;
  /** Leiden's iterations (default 2: BENCHMARKS.md compares them with 10 at 200k works). */
  leidenIterations?: number;
  log?: (line: string) => void;
}

export interface FieldResult {
  summary: FieldSummary;
  seconds: Record<string, number>;
}

export async function runField(run: FieldRun): Promise<FieldResult> {
  const log = run.log ?? (() => {});
  const cap = run.cap ?? DEFAULT_BUILD_OPTIONS.hyperauthorCap;
  const seed = run.seed ?? DEFAULT_BUILD_OPTIONS.seed;
  rmSync(run.out, { recursive: true, force: true });
  mkdirSync(run.out, { recursive: true });
  // DuckDB spills to disk past its limit, so the whole run stays under ~6 GB with the JS side.
  const memoryLimit = run.memoryLimit ?? '4GB';
  const engine = await openEngine({ memoryLimit, threads: run.threads, tempDir: join(run.out, '.duckdb-tmp') });
  const db = engine.connection;
  const seconds: Record<string, number> = {};
  const t0 = performance.now();
  try {
    await defineWorks(db, run.works);
    Object.assign(seconds, await runRules(db, { WHERE: run.where?.trim() ? `(${run.where})` : 'TRUE', CAP: cap }, (t) => log(`rules: ${t}`)));
    const summary = await countAll(db);
    log(`rules done: ${JSON.stringify(summary)}`);
    // The works as read and the listings as written are not read again (the tiles read the tables made from them):
    // dropped, DuckDB's memory goes to what follows (the clustering peaks next to it).
    await db.run('DROP TABLE field_works');
    await db.run('DROP TABLE authorship_rows');
    await db.run('DROP TABLE name_claims');

    // CPU seconds of the node-side phases too: on a shared machine the wall time is mostly waiting.
    const cpuSince = (from: NodeJS.CpuUsage) => {
      const u = process.cpuUsage(from);
      return (u.user + u.system) / 1e6;
    };
    let t = performance.now();
    let cpu = process.cpuUsage();
    const { nAuthors, nNodes, source, target, weight, fractional } = await networkOf(db);
    seconds.network = (performance.now() - t) / 1000;
    // While node clusters and lays out (the run's peak), DuckDB keeps little in memory: its tables go to the temp folder.
    await db.run(`SET memory_limit = ${quote(NODE_PHASE_DUCKDB_MEMORY)}`);
    log(`network: ${nNodes.toLocaleString('en-US')} nodes, ${source.length.toLocaleString('en-US')} ties`);
    const community = detectCommunities(nNodes, source, target, weight, seed, run.leidenIterations ?? LEIDEN_ITERATIONS);
    seconds.communities = (performance.now() - t) / 1000;
    seconds.leiden = seconds.communities - seconds.network;
    seconds.communitiesCpu = cpuSince(cpu);
    summary.clusters = nNodes ? community.reduce((m, c) => Math.max(m, c), -1) + 1 : 0;
    log(`communities: ${summary.clusters}`);

    t = performance.now();
    cpu = process.cpuUsage();
    const positions = await layOutCommunitiesInParallel(nNodes, source, target, weight, community, seed);
    seconds.layout = (performance.now() - t) / 1000;
    seconds.layoutCpu = cpuSince(cpu);
    log(`layout: ${positions.work.toLocaleString('en-US')} node iterations on ${positions.threads} thread(s)`);

    t = performance.now();
    // Back to the asked limit, or the folder phase's lower one when none was asked.
    await db.run(`SET memory_limit = ${quote(run.memoryLimit ?? FOLDER_PHASE_DUCKDB_MEMORY)}`);
    await storeCommunities(db, community, positions);
    seconds.storePositions = (performance.now() - t) / 1000;
    await writeFolder(db, {
      out: run.out,
      title: run.title ?? `Field: ${run.works}${run.where ? ` where ${run.where}` : ''}`,
      options: { hyperauthorCap: cap, seed, where: run.where?.trim() || null },
      summary,
      network: { nAuthors, source, target, weight, fractional, community },
      seconds,
      log,
    });
    seconds.folder = (performance.now() - t) / 1000;
    seconds.total = (performance.now() - t0) / 1000;
    return { summary, seconds };
  } finally {
    engine.close();
    rmSync(join(run.out, '.duckdb-tmp'), { recursive: true, force: true });
  }
}

async function countAll(db: DuckDBConnection): Promise<FieldSummary> {
  const [c] = await rows<Record<string, number>>(
    db,
    `SELECT (SELECT COUNT(DISTINCT work_id) FROM field_works) AS works, (SELECT COUNT(*) FROM authorships) AS authorships,
            (SELECT COUNT(*) FROM authors) AS authors, (SELECT COUNT(*) FROM coauthor_pairs) AS edges,
            (SELECT COUNT(DISTINCT work_id) FROM hub_authorships) AS hubs,
            (SELECT COUNT(*) FROM authors WHERE author_id LIKE 'name:%') AS nameOnlyAuthors,
            (SELECT COUNT(*) FROM authorships WHERE author_id LIKE 'name:%') AS nameOnlyAuthorships`,
  );
  return {
    works: c.works,
    authorships: c.authorships,
    authors: c.authors,
    edges: c.edges,
    clusters: 0,
    hubs: c.hubs,
    nameOnlyAuthors: c.nameOnlyAuthors,
    nameOnlyAuthorships: c.nameOnlyAuthorships,
  };
}

/**
 * Node numbers (authors by id, then hubs by work id) and the ties the clustering and the layout read: pairs (full weight)
 * and author–hub (1); with each tie's fractional weight (the pair's, or 1 / (n − 1) for a hub of n authors) for the overview.
 */
export async function networkOf(db: DuckDBConnection) {
  await db.run(`CREATE TABLE node_index AS
    SELECT author_id AS id, CAST(ROW_NUMBER() OVER (ORDER BY author_id) - 1 AS INTEGER) AS idx, TRUE AS is_author FROM authors
    UNION ALL
    SELECT work_id AS id, CAST((SELECT COUNT(*) FROM authors) + ROW_NUMBER() OVER (ORDER BY work_id) - 1 AS INTEGER) AS idx, FALSE AS is_author
    FROM (SELECT DISTINCT work_id FROM hub_authorships) h`);
  const [{ nAuthors, nNodes }] = await rows<{ nAuthors: number; nNodes: number }>(
    db,
    'SELECT COUNT(*) FILTER (WHERE is_author) AS nAuthors, COUNT(*) AS nNodes FROM node_index',
  );
  const [source, target, weight, fractional] = await numberColumns(
    db,
    `SELECT s.idx, t.idx, CAST(p.full_weight AS DOUBLE), CAST(p.fractional_weight AS DOUBLE)
     FROM coauthor_pairs p JOIN node_index s ON s.id = p.source JOIN node_index t ON t.id = p.target
     UNION ALL
     SELECT a.idx, w.idx, 1.0, 1.0 / GREATEST(1, h.n - 1) FROM hub_authorships h JOIN node_index a ON a.id = h.author_id JOIN node_index w ON w.id = h.work_id`,
    ['int', 'int', 'float', 'float'],
  );
  return {
    nAuthors,
    nNodes,
    source: source as Int32Array,
    target: target as Int32Array,
    weight: weight as Float64Array,
    fractional: fractional as Float64Array,
  };
}

/** node_community(idx, community, x, y) back in DuckDB, so the tiles are read per community there with their positions. */
async function storeCommunities(db: DuckDBConnection, community: Int32Array, positions: { x: Float32Array; y: Float32Array }): Promise<void> {
  await db.run('CREATE TABLE node_community (idx INTEGER, community INTEGER, x DOUBLE, y DOUBLE)');
  const appender = await db.createAppender('node_community');
  for (let i = 0; i < community.length; i++) {
    appender.appendInteger(i);
    appender.appendInteger(community[i]);
    appender.appendDouble(Math.round(positions.x[i] * 100) / 100);
    appender.appendDouble(Math.round(positions.y[i] * 100) / 100);
    appender.endRow();
  }
  appender.closeSync();
  await db.run(
    `CREATE TABLE id_community AS SELECT n.id AS id, c.community AS community, c.x AS x, c.y AS y FROM node_index n JOIN node_community c ON c.idx = n.idx`,
  );
}
