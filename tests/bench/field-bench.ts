/**
 * npm run bench:field [-- --works 1000000 --authors 1000000]: a seeded synthetic snapshot (make-snapshot.ts, ~4
 * authorships per work: 1M works, 4M authorships) through `npm run field`, timed by phase, with the process's peak resident memory (DuckDB
 * runs inside it, so that is all of it). Not part of npm test. Prints one JSON line with the figures per million works.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { makeSnapshot } from './make-snapshot';
import { runField } from '../../scripts/field/pipeline';

const { values } = parseArgs({ options: { works: { type: 'string' }, authors: { type: 'string' }, dir: { type: 'string' }, keep: { type: 'boolean' } } });
const works = Number(values.works ?? 1_000_000);
const authors = Number(values.authors ?? works);
const dir = values.dir ?? join('tmp', `field-bench-${works}`);

const t0 = performance.now();
const snapshot = join(dir, 'snapshot');
if (!existsSync(join(snapshot, 'works'))) await makeSnapshot({ out: snapshot, works, authors, seed: 1, authorsPerWork: 3.85 });
const generated = (performance.now() - t0) / 1000;
const log: string[] = [];
const folder = join(dir, 'folder');
// DuckDB's spill files (its temp_directory, inside the output folder while it runs), sampled every second.
const spillDir = join(folder, '.duckdb-tmp');
const bytesUnder = (d: string): number => {
  try {
    return readdirSync(d).reduce((s, f) => {
      const st = statSync(join(d, f));
      return s + (st.isDirectory() ? bytesUnder(join(d, f)) : st.size);
    }, 0);
  } catch {
    return 0;
  }
};
let peakSpill = 0;
const sampler = setInterval(() => (peakSpill = Math.max(peakSpill, bytesUnder(spillDir))), 1000);
const GB = 1024 ** 3;
const loadBefore = loadavg();
const started = performance.now();
const { summary, seconds } = await runField({
  works: `${snapshot}/works/updated_date=*/part_*.gz`,
  out: folder,
  log: (line) => {
    const cpu = process.cpuUsage();
    // The process's CPU seconds so far (all threads: DuckDB's and the layout's too), for per-phase CPU on a shared machine.
    const rss = `cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, rss ${(process.memoryUsage().rss / GB).toFixed(2)} GB, peak ${(process.resourceUsage().maxRSS / 1024 ** 2).toFixed(2)} GB`;
    const at = `[${((performance.now() - started) / 1000).toFixed(1)} s] ${line} (${rss})`;
    log.push(at);
    process.stderr.write(`${at}\n`);
  },
});
clearInterval(sampler);
const peakGB = process.resourceUsage().maxRSS / 1024 / 1024;
const perMillion = 1e6 / summary.works;
const round = (x: number) => Math.round(x * 100) / 100;
process.stdout.write(
  `${JSON.stringify({
    ...summary,
    snapshotSeconds: round(generated),
    seconds: Object.fromEntries(Object.entries(seconds).map(([k, v]) => [k, round(v)])),
    peakRssGB: round(peakGB),
    peakSpillGB: round(peakSpill / GB),
    loadAverage: { before: loadBefore.map(round), after: loadavg().map(round) },
    secondsPerMillionWorks: round(seconds.total * perMillion),
    note: 'time scales about linearly with works here; peak memory does not (DuckDB holds what fits its memory limit and spills the rest)',
  })}\n`,
);
if (!values.keep) rmSync(dir, { recursive: true, force: true });
