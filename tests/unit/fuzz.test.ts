// Seeded property-based sample of every parser, the graph-file reader, snapshots and share links, each followed by
// what the page runs on the result, and a few structured big cases per format, every case under the cost budget
// (`npm run fuzz` runs the same properties with ≥ 10,000 cases each, and bigger structured cases in a worker).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FAST } from '../fuzz/mutate';
import { runTarget } from '../fuzz/harness';
import { TARGETS } from '../fuzz/targets';
import { BIG_FORMATS, runBigHere } from '../fuzz/bigRunner';

const RUNS = 40;
const SEED = 7;
const BIG_RUNS = 2;
const BIG_CHARS = 4_000;

describe('fuzz (seeded sample)', () => {
  // papaparse warns on the console for duplicated headers, which mutated CSV is full of.
  beforeAll(() => void vi.spyOn(console, 'warn').mockImplementation(() => {}));
  afterAll(() => vi.restoreAllMocks());

  for (const target of TARGETS) {
    it(`${target.name}: ${RUNS} mutated inputs, never throws, always a well-formed result, within the budget`, () => {
      const stats = runTarget(target, RUNS, SEED, FAST);
      expect(stats.runs).toBe(RUNS);
      expect(stats.failures.map((f) => `${f.error}\n  input: ${f.input}\n  ${f.repro}`)).toEqual([]);
    });
  }

  for (const format of BIG_FORMATS) {
    it(`${format.name}: ${BIG_RUNS} structured big inputs read and shown within the budget`, () => {
      const stats = runBigHere(format, BIG_RUNS, SEED, BIG_CHARS);
      expect(stats.runs).toBe(BIG_RUNS);
      expect(stats.failures.map((f) => `${f.error}\n  input: ${f.input}\n  ${f.repro}`)).toEqual([]);
    });
  }
});
