// Seeded property-based sample of every parser, the graph-file reader, snapshots and share links
// (`npm run fuzz` runs the same properties with ≥ 10,000 cases each).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FAST } from '../fuzz/mutate';
import { runTarget } from '../fuzz/harness';
import { TARGETS } from '../fuzz/targets';

const RUNS = 40;
const SEED = 7;

describe('fuzz (seeded sample)', () => {
  // papaparse warns on the console for duplicated headers, which mutated CSV is full of.
  beforeAll(() => void vi.spyOn(console, 'warn').mockImplementation(() => {}));
  afterAll(() => vi.restoreAllMocks());

  for (const target of TARGETS) {
    it(`${target.name}: ${RUNS} mutated inputs, never throws, always a well-formed result`, () => {
      const stats = runTarget(target, RUNS, SEED, FAST);
      expect(stats.runs).toBe(RUNS);
      expect(stats.failures.map((f) => `${f.error}\n  input: ${f.input}`)).toEqual([]);
    });
  }
});
