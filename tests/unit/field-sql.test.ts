/**
 * The rule files in sql/ are in the SQL that DuckDB and Spark SQL share: each parses with node-sql-parser's trino
 * dialect (Spark's struct.field access, which its hive dialect does not read), and calls only the functions listed
 * here, all of which both engines have by these names (`explode` is Spark's; the CLI gives DuckDB a one-line macro).
 */
import { describe, expect, it } from 'vitest';
import pkg from 'node-sql-parser';
import { ruleFiles, substitute } from '../../scripts/field/duck';

const { Parser } = pkg;

/** Functions both engines have under these names (README: "Beyond the page"). */
const SHARED_FUNCTIONS = new Set([
  'count',
  'sum',
  'min',
  'max',
  'coalesce',
  'row_number',
  'array_agg',
  'explode',
  'lower',
  'concat',
  'regexp_extract_all',
  'array_join',
]);
const KEYWORDS_BEFORE_PARENS = new Set(['in', 'as', 'from', 'having', 'join', 'over', 'on', 'and', 'or', 'where', 'by', 'distinct']);

describe('sql/*.sql', () => {
  const files = ruleFiles();

  it('has the rule files in order, one table each', () => {
    expect(files.map((f) => f.table)).toEqual([
      'field_works',
      'name_claims',
      'authorship_rows',
      'authorships',
      'authors',
      'author_institutions',
      'author_countries',
      'coauthor_pairs',
      'hub_authorships',
    ]);
  });

  for (const f of files) {
    it(`${f.file} parses as one SELECT in the trino dialect`, () => {
      const sql = substitute(f.sql, { WHERE: "publication_year >= 2015 AND type = 'article'", CAP: '25' });
      expect(sql).not.toMatch(/\$\{/);
      const ast = new Parser().astify(sql, { database: 'trino' });
      const statements = Array.isArray(ast) ? ast : [ast];
      expect(statements).toHaveLength(1);
      expect(statements[0].type).toBe('select');
    });

    it(`${f.file} calls only functions DuckDB and Spark SQL share`, () => {
      const code = f.sql.replace(/--.*$/gm, '').replace(/'[^']*'/g, "''");
      const called = [...code.matchAll(/\b([A-Za-z_]\w*)\s*\(/g)].map((m) => m[1].toLowerCase()).filter((n) => !KEYWORDS_BEFORE_PARENS.has(n));
      for (const name of called) expect(SHARED_FUNCTIONS.has(name), `${name}() in ${f.file}`).toBe(true);
    });
  }

  it('a DuckDB-only function is caught', () => {
    const code = 'SELECT list_sort(array_agg(x)) FROM t';
    const called = [...code.matchAll(/\b([A-Za-z_]\w*)\s*\(/g)].map((m) => m[1].toLowerCase());
    expect(called.filter((n) => !SHARED_FUNCTIONS.has(n))).toEqual(['list_sort']);
  });
});
