// `npm run fuzz`: at least 10,000 cases per format (FUZZ_RUNS to change it, FUZZ_SEED for another seed,
// FUZZ_ONLY=<substring> for some targets). Exits 1 on any unhandled failure.
import { FULL } from './mutate';
import { runTarget } from './harness';
import { TARGETS } from './targets';

const runs = Number(process.env.FUZZ_RUNS ?? 10_000);
const seed = Number(process.env.FUZZ_SEED ?? 20250101);
const only = process.env.FUZZ_ONLY;

console.log(`Fuzzing ${runs} cases per target, seed ${seed} (FUZZ_SEED=${seed} reproduces this run)`);
// papaparse warns on the console for every duplicated header; count those instead of printing them.
let warnings = 0;
console.warn = () => { warnings += 1; };
let failures = 0;
let total = 0;
for (const target of TARGETS) {
  if (only && !target.name.includes(only)) continue;
  const s = runTarget(target, runs, seed, FULL);
  total += s.runs;
  failures += s.failures.length;
  console.log(`${s.failures.length ? '✗' : '✓'} ${s.name.padEnd(62)} ${String(s.runs).padStart(7)} cases  ${String(s.failures.length).padStart(5)} failures  ${(s.ms / 1000).toFixed(1)} s`);
  for (const f of s.failures.filter((x) => x.input).slice(0, 3)) console.log(`    input ${f.input}\n    ${f.error.replace(/\n/g, '\n    ')}`);
}
console.log(`(${warnings} library console warnings silenced)`);
console.log(`${total} cases, ${failures} unhandled failure${failures === 1 ? '' : 's'}`);
process.exit(failures ? 1 : 0);
