// Runs structured big cases for bigRunner.ts in a worker thread with a heap limit: a case that exhausts
// memory ends this worker, not the run.
import { parentPort } from 'node:worker_threads';
import { BIG_FORMATS, type Shape } from './big';
import { bigCase } from './bigCase';
import { better, budgetFor, measure, overBudget, type Cost } from './budget';

export interface BigRequest {
  format: string;
  shape: Shape;
}
export type BigReply = { ready: true } | ({ chars: number; records: number; nodes: number; refused: number } & Cost) | { chars: number; error: string };

const post = (m: BigReply) => parentPort!.postMessage(m);
// papaparse warns for every duplicated header.
console.warn = () => {};

parentPort!.on('message', ({ format, shape }: BigRequest) => {
  const f = BIG_FORMATS.find((x) => x.name === format)!;
  const text = f.render(shape);
  try {
    let { value, cost } = measure(() => bigCase(f, text), true);
    // The better of two runs counts (the first case of a format also compiles its code).
    if (overBudget(cost, budgetFor(text.length))) {
      const again = measure(() => bigCase(f, text), true);
      cost = better(cost, again.cost);
      value = again.value;
    }
    post({ chars: text.length, ...cost, records: value.records, nodes: value.nodes, refused: value.refused });
  } catch (err) {
    const e = err as Error;
    post({ chars: text.length, error: `${e?.name}: ${e?.message}\n${(e?.stack ?? '').split('\n').slice(1, 4).join('\n')}` });
  }
});
post({ ready: true });
