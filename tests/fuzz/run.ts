// `npm run fuzz`: at least 10,000 mutated cases per target (FUZZ_RUNS to change it), then structured big cases per
// format (FUZZ_BIG_RUNS, up to FUZZ_BIG_CHARS characters each), every case under the cost budget (budget.ts).
// FUZZ_SEED for another seed, FUZZ_ONLY=<substring> for some targets, FUZZ_PATH=<n> to replay one case.
// Exits 1 on any failure.
import { budgetFor, BUDGET } from './budget';
import { BIG_FORMATS, bigName, runBigInWorker, type BigStats } from './bigRunner';
import { FULL } from './mutate';
import { REPRO_DIR, runTarget, type RunStats } from './harness';
import { TARGETS } from './targets';

const runs = Number(process.env.FUZZ_RUNS ?? 10_000);
const bigRuns = Number(process.env.FUZZ_BIG_RUNS ?? 12);
const bigChars = Number(process.env.FUZZ_BIG_CHARS ?? 500_000);
const seed = Number(process.env.FUZZ_SEED ?? 20250101);
const only = process.env.FUZZ_ONLY;
const path = process.env.FUZZ_PATH;

const big = budgetFor(bigChars);
console.log(`Fuzzing ${runs} mutated cases per target and ${bigRuns} structured big cases (≤ ${bigChars.toLocaleString('en-US')} chars) per format`);
console.log(`Seed ${seed} (FUZZ_SEED=${seed} reproduces this run)`);
console.log(
  `Budget per case: ${BUDGET.msPerMB} ms and ${BUDGET.mbPerMB} MB per MB of input (floor ${BUDGET.floorMs} ms, ${BUDGET.floorMB} MB; ` +
    `${big.ms.toFixed(0)} ms / ${big.mb.toFixed(0)} MB at the biggest); failing inputs go to ${REPRO_DIR}`,
);
// papaparse warns on the console for every duplicated header; count those instead of printing them.
let warnings = 0;
console.warn = () => {
  warnings += 1;
};
let failures = 0;
let total = 0;

function report(s: RunStats | BigStats, extra = ''): void {
  total += s.runs;
  failures += s.failures.length;
  const counts = `${String(s.runs).padStart(7)} cases  ${String(s.failures.length).padStart(5)} failures`;
  console.log(`${s.failures.length ? '✗' : '✓'} ${s.name.padEnd(62)} ${counts}  ${(s.ms / 1000).toFixed(1)} s${extra}`);
  for (const f of s.failures.filter((x) => x.input).slice(0, 3)) {
    console.log(`    input ${f.input}\n    ${f.error.replace(/\n/g, '\n    ')}\n    reproduce: ${f.repro}`);
  }
}

for (const target of TARGETS) {
  if (only && !target.name.includes(only)) continue;
  report(runTarget(target, path ? 1 : runs, seed, FULL, { path, writeInputs: true }));
}
for (const format of BIG_FORMATS) {
  if (only && !bigName(format).includes(only)) continue;
  const s = await runBigInWorker(format, bigRuns, seed, bigChars, path);
  report(s, `  (largest ${s.maxChars.toLocaleString('en-US')} chars, ${(s.totalChars / 2 ** 20).toFixed(1)} MB in all)`);
}
console.log(`(${warnings} library console warnings silenced)`);
console.log(`${total} cases, ${failures} failure${failures === 1 ? '' : 's'} (unhandled, wrong result or over budget)`);
process.exit(failures ? 1 : 0);
