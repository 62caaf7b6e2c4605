// The snapshot's valibot schema in parts: the dataset schema alone, the error lines, and the store's record checks.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { datasetSchema, storedAuthorShape, storedPaperShape } from '../../src/export/datasetSchema';
import { schemaErrors } from '../../src/export/schemaParts';
import { recordProblem } from '../../src/store/datasetStore';

const paper = (id: string, extra: Record<string, unknown> = {}) => ({ id, title: `T ${id}`, truncated: false, authors: [{ name: 'Ada' }], ...extra });
const dataset = (papers: unknown[]) => ({ id: 'd', title: 'D', papers, aliases: [] });

describe('dataset schema', () => {
  it('accepts a clean dataset and says where each fault is, in field order', () => {
    expect(schemaErrors(datasetSchema, dataset([paper('p1'), paper('p2')]))).toEqual([]);
    const errors = schemaErrors(datasetSchema, dataset([paper('p1', { title: 7, authors: 'Ada', html: '<b>' }), paper('p1')]));
    expect(errors).toEqual(['$.papers[0].title: not a string', '$.papers[0].authors: not an array', '$.papers[0].html: unknown key']);
    expect(schemaErrors(datasetSchema, dataset([paper('p1'), paper('p1')]))).toEqual(['$.papers[1].id: duplicate paper id "p1"']);
    expect(schemaErrors(datasetSchema, { ...dataset([]), title: undefined })).toContain('$.title: not a string');
    const { aliases: _aliases, ...noAliases } = dataset([]);
    expect(schemaErrors(datasetSchema, noAliases)).toEqual(['$.aliases: missing']);
  });

  it('checks a list length before its items and caps the lines at 50', () => {
    const many = Array.from({ length: 200 }, (_, i) => paper(`p${i}`, { title: i }));
    expect(schemaErrors(datasetSchema, dataset(many))).toHaveLength(50);
    expect(schemaErrors(datasetSchema, { ...dataset([]), aliases: Array(50_001).fill(7) })).toEqual(['$.aliases: more than 50000 items']);
  });

  it('refuses class instances and arrays where a plain object belongs', () => {
    expect(schemaErrors(datasetSchema, [])).toEqual(['$: not an object']);
    expect(schemaErrors(datasetSchema, new Date())).toEqual(['$: not a plain object']);
  });
});

describe("the store's record check uses the loose shapes", () => {
  it('allows extra fields a snapshot would refuse, needs id, title, authors and author names', () => {
    expect(v.is(storedPaperShape, paper('p', { line: 3 }))).toBe(true);
    expect(v.is(storedPaperShape, { id: 'p', authors: [] })).toBe(false);
    expect(v.is(storedAuthorShape, { name: 'Ada', extra: 1 })).toBe(true);
    const record = (papers: unknown[]) => ({ id: 'r', dataset: { title: 'R', papers } });
    expect(recordProblem(record([paper('p1', { line: 3 })]))).toBeNull();
    expect(recordProblem(record([paper('p1'), { id: 'p2', title: 2, authors: [] }]))).toBe('paper 2 is not a valid paper');
    expect(recordProblem(record([paper('p1', { authors: [{ name: 'A' }, { nom: 'B' }] })]))).toBe('paper 1 has an invalid author');
  });
});
