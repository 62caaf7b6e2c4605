// The fuzzer's cost budget: every case must finish within a time and a memory limit that grow linearly with
// its input (2 s and 512 MB per MB of input), with a floor for small inputs. A case over it is a failure.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export const BUDGET = { msPerMB: 2_000, mbPerMB: 512, floorMs: 1_000, floorMB: 128 } as const;

export interface Limits {
  ms: number;
  mb: number;
}

export function budgetFor(chars: number): Limits {
  const mb = chars / 2 ** 20;
  return { ms: Math.max(BUDGET.floorMs, BUDGET.msPerMB * mb), mb: Math.max(BUDGET.floorMB, BUDGET.mbPerMB * mb) };
}

export interface Cost {
  /** Wall time. */
  ms: number;
  /** CPU time of the process over the case (this thread, or the worker while the main thread waits). */
  cpuMs: number;
  /** Heap growth over the case (the result is still held, garbage not yet collected counts too). */
  mb: number;
}

// A full collection before a measured case (big cases, and a re-run), so the heap growth is the case's own.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (() => void) | undefined;

const heapMB = () => getHeapStatistics().used_heap_size / 2 ** 20;

/** Runs `work` once and measures its wall time and heap growth (after a full collection when `collect`). */
export function measure<T>(work: () => T, collect = false): { value: T; cost: Cost } {
  if (collect) gc?.();
  const heap = heapMB();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const value = work();
  const used = process.cpuUsage(cpu);
  return { value, cost: { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, mb: heapMB() - heap } };
}

/**
 * Over the time budget in wall time and in CPU time both (on a machine shared with other work, wall time alone
 * fails cases that only waited for a core); or over the memory budget.
 */
export const overTime = (cost: Cost, limits: Limits) => cost.ms > limits.ms && cost.cpuMs > limits.ms;
export const overBudget = (cost: Cost, limits: Limits) => overTime(cost, limits) || cost.mb > limits.mb;

/** The better of two runs of one case. */
export const better = (a: Cost, b: Cost): Cost => ({ ms: Math.min(a.ms, b.ms), cpuMs: Math.min(a.cpuMs, b.cpuMs), mb: Math.min(a.mb, b.mb) });

/**
 * Runs `work` under the budget of a `chars`-long input. Over budget, it runs once more and the better run
 * counts (the first run of a format also pays for compiling its code). Returns the over-budget message, or null.
 */
export function withinBudget(chars: number, work: () => unknown, collect = false): string | null {
  const limits = budgetFor(chars);
  let { cost } = measure(work, collect);
  if (overBudget(cost, limits)) {
    cost = better(cost, measure(work, true).cost);
  }
  return overBudget(cost, limits) ? describeOver(cost, limits, chars) : null;
}

export function describeOver(cost: Cost, limits: Limits, chars: number): string {
  const parts = [];
  if (overTime(cost, limits)) parts.push(`${cost.ms.toFixed(0)} ms (CPU ${cost.cpuMs.toFixed(0)} ms) > ${limits.ms.toFixed(0)} ms`);
  if (cost.mb > limits.mb) parts.push(`${cost.mb.toFixed(0)} MB > ${limits.mb.toFixed(0)} MB`);
  return `over the cost budget for ${chars.toLocaleString('en-US')} characters: ${parts.join(', ')}`;
}
