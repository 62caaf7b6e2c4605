// Runs a target's property over N seeded cases, recording every failure instead of stopping at the first.
// Every case also runs under the cost budget (budget.ts): a case over it is a failure too.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { withinBudget } from './budget';
import type { MutateOptions } from './mutate';
import type { Target } from './targets';

export interface Failure {
  input: string;
  inputLength: number;
  error: string;
  /** How to run this case alone: seed and fast-check path, and where its input was written (first few only). */
  repro?: string;
}
export interface RunStats {
  name: string;
  runs: number;
  failures: Failure[];
  ms: number;
}

export const REPRO_DIR = resolve(import.meta.dirname, '../../tmp/fuzz');

function show(text: string): string {
  const head = text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
  return JSON.stringify(head);
}

const fileName = (name: string) =>
  name
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

/**
 * Writes a failing input under tmp/fuzz/ as a JSON string (lossless: lone surrogates survive, UTF-8 would replace
 * them) and returns the line that reproduces it.
 */
export function writeRepro(target: string, seed: number, path: string, input: string): string {
  mkdirSync(REPRO_DIR, { recursive: true });
  const file = resolve(REPRO_DIR, `${fileName(target)}-${seed}-${path}.json`);
  writeFileSync(file, JSON.stringify(input));
  return `FUZZ_ONLY='${target}' FUZZ_SEED=${seed} FUZZ_PATH=${path} npm run fuzz   (input: ${file})`;
}

export interface RunOptions {
  /** Replay one case: fast-check's path ("42" = the 43rd case of the seed). */
  path?: string;
  /** Write failing inputs under tmp/fuzz/ (the full run does; the unit sample prints them). */
  writeInputs?: boolean;
  maxKept?: number;
}

export function runTarget(target: Target, numRuns: number, seed: number, opts: MutateOptions, run: RunOptions = {}): RunStats {
  const { maxKept = 5, writeInputs = false } = run;
  const failures: Failure[] = [];
  let runs = 0;
  const first = run.path ? Number(run.path) : 0;
  const started = performance.now();
  fc.check(
    fc.property(target.arbitrary({ ...opts, ...clamp(opts, target.limits) }), (input) => {
      const path = String(first + runs);
      runs += 1;
      let error: string | null;
      try {
        error = withinBudget(input.length, () => target.check(input));
      } catch (err) {
        const e = err as Error;
        error = `${e?.name}: ${e?.message}\n${(e?.stack ?? '').split('\n').slice(1, 4).join('\n')}`;
      }
      if (error === null) return true;
      if (failures.length < maxKept) {
        const repro = writeInputs ? writeRepro(target.name, seed, path, input) : `FUZZ_ONLY='${target.name}' FUZZ_SEED=${seed} FUZZ_PATH=${path} npm run fuzz`;
        failures.push({ input: show(input), inputLength: input.length, error, repro });
      } else failures.push({ input: '', inputLength: input.length, error: error.split('\n')[0] });
      return true;
    }),
    { numRuns, seed, ...(run.path ? { path: run.path } : {}) },
  );
  return { name: target.name, runs, failures, ms: performance.now() - started };
}

/** Target limits only ever lower the run's sizes. */
function clamp(opts: MutateOptions, limits: Partial<MutateOptions> = {}): MutateOptions {
  return { hugeMax: Math.min(opts.hugeMax, limits.hugeMax ?? Infinity), deepMax: Math.min(opts.deepMax, limits.deepMax ?? Infinity) };
}
