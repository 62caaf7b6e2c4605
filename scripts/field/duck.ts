/**
 * The rules in sql/*.sql run on DuckDB: the works are read from the snapshot layout (gzip JSON Lines) or Parquet,
 * each sql/NN_<table>.sql file becomes `CREATE TABLE <table> AS <its SELECT>`, with ${WHERE} and ${CAP} put in as
 * spark-sql's --hivevar would. Spark's `explode` is DuckDB's `unnest` and its `array_join` DuckDB's `array_to_string` (one-line macros here).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export const SQL_DIR = join(import.meta.dirname, '..', '..', 'sql');

/** The works columns the rules (and most --where conditions) read; JSON keys not listed are skipped unparsed. */
const WORK_COLUMNS = {
  id: 'VARCHAR',
  doi: 'VARCHAR',
  title: 'VARCHAR',
  publication_year: 'INTEGER',
  publication_date: 'VARCHAR',
  type: 'VARCHAR',
  language: 'VARCHAR',
  cited_by_count: 'BIGINT',
  primary_topic:
    'STRUCT(id VARCHAR, display_name VARCHAR, subfield STRUCT(id VARCHAR, display_name VARCHAR), field STRUCT(id VARCHAR, display_name VARCHAR), domain STRUCT(id VARCHAR, display_name VARCHAR))',
  primary_location: 'STRUCT(source STRUCT(id VARCHAR, display_name VARCHAR))',
  authorships:
    'STRUCT(author_position VARCHAR, author STRUCT(id VARCHAR, display_name VARCHAR, orcid VARCHAR), raw_author_name VARCHAR, institutions STRUCT(id VARCHAR, display_name VARCHAR, country_code VARCHAR)[], countries VARCHAR[])[]',
};

export interface SqlFile {
  table: string;
  file: string;
  sql: string;
}

/** The rule files in order: `NN_<table>.sql` creates `<table>`. */
export function ruleFiles(dir = SQL_DIR): SqlFile[] {
  return readdirSync(dir)
    .filter((f) => /^\d+_\w+\.sql$/.test(f))
    .sort()
    .map((file) => ({ file, table: file.replace(/^\d+_/, '').replace(/\.sql$/, ''), sql: readFileSync(join(dir, file), 'utf8') }));
}

/** ${NAME} → value, as spark-sql's variable substitution does. */
export function substitute(sql: string, vars: Record<string, string>): string {
  return sql.replace(/\$\{(\w+)\}/g, (m, name: string) => vars[name] ?? m);
}

export const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

export interface OpenedEngine {
  connection: DuckDBConnection;
  close(): void;
}

export async function openEngine(opts: { memoryLimit?: string; threads?: number; tempDir?: string } = {}): Promise<OpenedEngine> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  if (opts.memoryLimit) await connection.run(`SET memory_limit = ${quote(opts.memoryLimit)}`);
  if (opts.threads) await connection.run(`SET threads = ${opts.threads}`);
  if (opts.tempDir) await connection.run(`SET temp_directory = ${quote(opts.tempDir)}`);
  await connection.run('SET preserve_insertion_order = false');
  // Spark's name for it, so the rule files read the same on both engines.
  await connection.run('CREATE MACRO explode(l) AS unnest(l)');
  await connection.run('CREATE MACRO array_join(l, sep) AS array_to_string(l, sep)');
  return {
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** `works`: the snapshot's works (JSON Lines, gzip or not) or Parquet files matching the glob. */
export async function defineWorks(connection: DuckDBConnection, glob: string): Promise<void> {
  const source = /\.parquet$/i.test(glob)
    ? `read_parquet(${quote(glob)}, union_by_name = true)`
    : `read_json(${quote(glob)}, format = 'newline_delimited', columns = {${Object.entries(WORK_COLUMNS)
        .map(([k, t]) => `${k}: ${quote(t)}`)
        .join(', ')}})`;
  await connection.run(`CREATE VIEW works AS SELECT * FROM ${source}`);
}

/** Runs every rule file; returns the seconds each took. */
export async function runRules(
  connection: DuckDBConnection,
  vars: { WHERE: string; CAP: number },
  onStep?: (table: string) => void,
): Promise<Record<string, number>> {
  const seconds: Record<string, number> = {};
  for (const { table, sql } of ruleFiles()) {
    onStep?.(table);
    const t0 = performance.now();
    await connection.run(`CREATE TABLE ${table} AS ${substitute(sql, { WHERE: vars.WHERE, CAP: String(vars.CAP) })}`);
    seconds[table] = (performance.now() - t0) / 1000;
  }
  return seconds;
}

/** The rows of a query as JS objects (BIGINT as number: counts here are far below 2^53). */
export async function rows<T = Record<string, unknown>>(connection: DuckDBConnection, sql: string): Promise<T[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS().map((r) => {
    for (const k of Object.keys(r)) if (typeof r[k] === 'bigint') r[k] = Number(r[k]);
    return r as T;
  });
}

/** One column of numbers (cast in the query to INTEGER or DOUBLE) as a typed array, read chunk by chunk. */
export async function numberColumns(connection: DuckDBConnection, sql: string, kinds: ('int' | 'float')[]): Promise<(Int32Array | Float64Array)[]> {
  const result = await connection.runAndReadAll(sql);
  const n = result.currentRowCount;
  const out = kinds.map((k) => (k === 'int' ? new Int32Array(n) : new Float64Array(n)));
  const columns = result.getColumnsJS();
  kinds.forEach((_k, c) => {
    const col = columns[c];
    const target = out[c];
    for (let i = 0; i < n; i++) target[i] = Number(col[i]);
  });
  return out;
}
