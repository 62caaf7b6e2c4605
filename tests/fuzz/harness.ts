// Runs a target's property over N seeded cases, recording every failure instead of stopping at the first.
import fc from 'fast-check';
import type { MutateOptions } from './mutate';
import type { Target } from './targets';

export interface Failure { input: string; inputLength: number; error: string }
export interface RunStats { name: string; runs: number; failures: Failure[]; ms: number }

function show(text: string): string {
  const head = text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
  return JSON.stringify(head);
}

export function runTarget(target: Target, numRuns: number, seed: number, opts: MutateOptions, maxKept = 5): RunStats {
  const failures: Failure[] = [];
  let runs = 0;
  const started = performance.now();
  fc.check(
    fc.property(target.arbitrary({ ...opts, ...clamp(opts, target.limits) }), (input) => {
      runs += 1;
      try {
        target.check(input);
      } catch (err) {
        const e = err as Error;
        if (failures.length < maxKept) failures.push({ input: show(input), inputLength: input.length, error: `${e?.name}: ${e?.message}\n${(e?.stack ?? '').split('\n').slice(1, 4).join('\n')}` });
        else failures.push({ input: '', inputLength: input.length, error: e?.message ?? String(e) });
      }
      return true;
    }),
    { numRuns, seed },
  );
  return { name: target.name, runs, failures, ms: performance.now() - started };
}

/** Target limits only ever lower the run's sizes. */
function clamp(opts: MutateOptions, limits: Partial<MutateOptions> = {}): MutateOptions {
  return { hugeMax: Math.min(opts.hugeMax, limits.hugeMax ?? Infinity), deepMax: Math.min(opts.deepMax, limits.deepMax ?? Infinity) };
}
