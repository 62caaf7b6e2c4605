/**
 * npm run field -- --works '<glob>' [--where '<SQL condition on works>'] --out <folder> [--cap N] [--seed N] [--title T]
 *   [--memory-limit 4GB] [--threads N] [--leiden-iterations 2]
 * Progress goes to stderr; the last line on stdout is the one-line JSON summary.
 */
import { parseArgs } from 'node:util';
import { runField } from './pipeline';

const { values } = parseArgs({
  options: {
    works: { type: 'string' },
    where: { type: 'string' },
    out: { type: 'string' },
    cap: { type: 'string' },
    seed: { type: 'string' },
    title: { type: 'string' },
    'memory-limit': { type: 'string' },
    threads: { type: 'string' },
    'leiden-iterations': { type: 'string' },
    quiet: { type: 'boolean' },
  },
});

if (!values.works || !values.out) {
  process.stderr.write(
    "usage: npm run field -- --works '<glob of .gz JSON Lines or .parquet>' [--where '<SQL condition on works>'] --out <folder> [--cap 25] [--seed 42]\n",
  );
  process.exit(2);
}
const int = (v: string | undefined) => (v === undefined ? undefined : Number.parseInt(v, 10));
const started = performance.now();
runField({
  works: values.works,
  where: values.where ?? null,
  out: values.out,
  cap: int(values.cap),
  seed: int(values.seed),
  title: values.title,
  memoryLimit: values['memory-limit'],
  threads: int(values.threads),
  leidenIterations: int(values['leiden-iterations']),
  log: values.quiet ? undefined : (line) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${line}\n`),
})
  .then(({ summary }) => {
    const { works, authorships, authors, edges, clusters } = summary;
    process.stdout.write(`${JSON.stringify({ works, authorships, authors, edges, clusters })}\n`);
  })
  .catch((e: unknown) => {
    process.stderr.write(`field: ${(e as Error).message}\n`);
    process.exit(1);
  });
