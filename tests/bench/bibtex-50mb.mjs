/**
 * `npm run bench:bibtex`: a ~50 MB BibTeX library imported end to end in the production build, in headless Chromium,
 * through the "Import papers" file input. Not a test: it prints figures (and writes test-results/bench-bibtex.json).
 *
 *   node --import tsx tests/bench/bibtex-50mb.mjs [--mb=50] [--seed=1]
 *
 * Figures: time from picking the file to the first frame of the new graph; how often the progress bar moved; the
 * longest main-thread task (PerformanceObserver "longtask") while the import worker parses and while the graph worker
 * builds the graph and the page receives it; and whether the page answers input meanwhile: every second a key press (CDP Input, acknowledged once
 * the main thread has handled it) and a requestAnimationFrame round trip, timed from node.
 * Phases: "parse" runs from the pick to the import worker's `done` message (reading the file, the worker's parse,
 * the result's arrival), "build" from there to the first frame of the new graph.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'vite';
import { launch, waitForGraph } from '../e2e/browser.mjs';

const root = resolve(import.meta.dirname, '../..');
const arg = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const MB = arg('mb', 50);
const SEED = arg('seed', 1);
const LIMIT_MS = 9 * 60_000;

const work = mkdtempSync(join(tmpdir(), 'atlas-bench-bibtex-'));
const appDir = join(work, 'app');
const bib = join(work, `library-${MB}mb.bib`);

console.log(`Generating a ${MB} MB BibTeX library (seed ${SEED})…`);
const meta = JSON.parse(
  execFileSync(process.execPath, ['--import', 'tsx', join(root, 'tests/bench/make-bibtex.ts'), bib, String(MB), String(SEED)], { cwd: root, encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop(),
);
console.log(`  ${(meta.bytes / 1e6).toFixed(1)} MB, ${meta.entries.toLocaleString('en-US')} entries, ${meta.authorships.toLocaleString('en-US')} authorships`);
console.log('Building the app…');
await build({ root, logLevel: 'warn', build: { outDir: appDir, emptyOutDir: true } });

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let file = join(appDir, path === '/' ? 'index.html' : path);
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(appDir, 'index.html');
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': statSync(file).size });
  createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;

/** Runs in the page before the app: long tasks, progress bar samples, and the import worker's messages. */
const INSTRUMENT = () => {
  window.__bench = { longTasks: [], progress: [], workerMessages: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  setInterval(() => {
    const p = document.querySelector('progress[aria-label="Import progress"]');
    if (p) window.__bench.progress.push({ t: performance.now(), value: p.value, label: p.nextElementSibling?.textContent ?? '' });
  }, 100);
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        const t = performance.now();
        const type = e.data?.type;
        if (type === 'done' || type === 'error') window.__bench.workerMessages.push({ t, type, handledAt: performance.now() });
      });
    }
  };
};

const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
await page.addInitScript(INSTRUMENT);
await page.goto(base);
await waitForGraph(page);

await page.getByRole('button', { name: 'Import', exact: true }).click();
const input = page.getByLabel('Import papers');
await input.waitFor({ state: 'attached' });

// Node and page clocks, paired while the page is idle.
const before = performance.now();
const pageT0 = await page.evaluate(() => (window.__bench.t0 = performance.now()));
const offset = pageT0 - (before + performance.now()) / 2; // page time = node time + offset
const started = performance.now();
await input.setInputFiles(bib);

const fileName = bib.split('/').pop();
const samples = [];
let shown = null;
while (performance.now() - started < LIMIT_MS) {
  const t = performance.now();
  await page.keyboard.press('Shift');
  const key = performance.now() - t;
  const t2 = performance.now();
  const state = await page.evaluate(
    (name) =>
      new Promise((r) =>
        requestAnimationFrame(() => {
          const atlas = window.__coauthorAtlas;
          const title = document.querySelector('.dataset-title')?.textContent ?? '';
          r({ title: title.includes(name), order: atlas?.sigma.getGraph().order ?? 0, done: window.__bench.workerMessages.length > 0 });
        }),
      ),
    fileName,
  );
  const raf = performance.now() - t2;
  samples.push({ t: t + offset, key, raf, done: state.done });
  if (state.title && state.order > 0) {
    shown = state;
    break;
  }
  const wait = 1000 - (performance.now() - t);
  if (wait > 0) await page.waitForTimeout(wait);
}
if (!shown) console.error(`The graph was not shown within ${LIMIT_MS / 60_000} minutes.`);
// Let the first frames, the layout's start and the dataset's save happen.
await page.waitForTimeout(5000);

const data = await page.evaluate((name) => {
  const b = window.__bench;
  const graph = window.__coauthorAtlas.sigma.getGraph();
  const frames = window.__coauthorAtlas.frames.filter((f) => f.t > b.t0 && f.order === graph.order);
  const report = document.querySelector('dialog.import-dialog .import-file-report')?.closest('div[role="tabpanel"]');
  return {
    t0: b.t0,
    longTasks: b.longTasks,
    progress: b.progress,
    workerMessages: b.workerMessages,
    firstFrame: frames[0]?.t ?? null,
    order: graph.order,
    clusters: graph.everyNode((_n, a) => a.kind === 'cluster'),
    lodBar: document.querySelector('.lod-bar')?.textContent ?? '',
    report: [...(report?.querySelectorAll('.import-file-report, [role="status"], .import-error, p:not(.muted)') ?? [])]
      .map((e) => e.innerText.trim())
      .filter(Boolean)
      .slice(0, 8)
      .join('\n')
      .slice(0, 1500),
    title: document.querySelector('.dataset-title')?.textContent.includes(name),
  };
}, fileName);
await browser.close();
server.close();

// Figures.
const t0 = data.t0;
const done = data.workerMessages.find((m) => m.type === 'done') ?? data.workerMessages[0];
const parseEnd = done ? done.t : null;
const shownAt = data.firstFrame;
const overlap = (task, a, b) => task.start < b && task.start + task.duration > a;
const longest = (a, b) => Math.max(0, ...data.longTasks.filter((x) => overlap(x, a, b)).map((x) => x.duration));
const count = (a, b) => data.longTasks.filter((x) => overlap(x, a, b)).length;
const inPhase = (a, b) => samples.filter((s) => s.t >= a && s.t < b);
const stats = (xs) => {
  const s = [...xs].sort((p, q) => p - q);
  return { n: s.length, median: s[Math.floor(s.length / 2)] ?? 0, max: s[s.length - 1] ?? 0 };
};
const progress = data.progress.filter((p) => p.t >= t0 && (parseEnd === null || p.t <= parseEnd));
const values = progress.map((p) => p.value);
const changes = progress.filter((p, i) => i === 0 || p.value !== progress[i - 1].value);
let longestStill = 0;
for (let i = 1; i < changes.length; i++) longestStill = Math.max(longestStill, changes[i].t - changes[i - 1].t);
const parseSamples = inPhase(t0, parseEnd ?? Infinity);
const buildSamples = inPhase(parseEnd ?? Infinity, shownAt ?? Infinity);
const result = {
  at: new Date().toISOString(),
  file: { ...meta, megabytes: MB, seed: SEED },
  graph: { order: data.order, overview: data.clusters, lodBar: data.lodBar },
  totalToGraphMs: shownAt && shownAt - t0,
  parsePhaseMs: parseEnd && parseEnd - t0,
  buildPhaseMs: shownAt && parseEnd && shownAt - parseEnd,
  resultDeliveryMs: done && done.handledAt - done.t,
  progress: {
    samples: progress.length,
    distinctValues: new Set(values).size,
    changes: changes.length,
    first: values[0],
    last: values[values.length - 1],
    longestWithoutChangeMs: longestStill,
    lastLabel: progress[progress.length - 1]?.label,
  },
  longTasks: {
    parse: { longestMs: longest(t0, parseEnd ?? Infinity), count: count(t0, parseEnd ?? Infinity) },
    build: { longestMs: longest(parseEnd ?? Infinity, shownAt ?? Infinity), count: count(parseEnd ?? Infinity, shownAt ?? Infinity) },
    after5s: { longestMs: longest(shownAt ?? Infinity, (shownAt ?? Infinity) + 5000), count: count(shownAt ?? Infinity, (shownAt ?? Infinity) + 5000) },
  },
  input: {
    parse: { keyPressMs: stats(parseSamples.map((s) => s.key)), rafRoundTripMs: stats(parseSamples.map((s) => s.raf)) },
    build: { keyPressMs: stats(buildSamples.map((s) => s.key)), rafRoundTripMs: stats(buildSamples.map((s) => s.raf)) },
  },
  report: data.report,
};

const f = (x, d = 0) => (x === null || x === undefined ? '—' : Number(x).toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }));
console.log(
  `\nBibTeX end to end (production build, headless Chromium): ${f(meta.bytes / 1e6, 1)} MB, ${f(meta.entries)} entries, ${f(meta.authorships)} authorships`,
);
console.log('| figure | value |');
console.log('|---|---:|');
console.log(`| pick → first frame of the new graph (s) | ${f(result.totalToGraphMs / 1000, 1)} |`);
console.log(`| … parse phase: file read, worker parse, result delivered (s) | ${f(result.parsePhaseMs / 1000, 1)} |`);
console.log(`| … build phase: graph built in the graph worker and received in slices, first frame (s) | ${f(result.buildPhaseMs / 1000, 1)} |`);
console.log(
  `| progress bar: samples every 100 ms / distinct values / longest time without a change (s) | ${f(progress.length)} / ${f(result.progress.distinctValues)} / ${f(longestStill / 1000, 1)} |`,
);
console.log(`| longest main-thread task while parsing (ms) / long tasks | ${f(result.longTasks.parse.longestMs)} / ${f(result.longTasks.parse.count)} |`);
console.log(`| longest main-thread task while building (ms) / long tasks | ${f(result.longTasks.build.longestMs)} / ${f(result.longTasks.build.count)} |`);
console.log(`| longest main-thread task in the 5 s after the first frame (ms) | ${f(result.longTasks.after5s.longestMs)} |`);
console.log(
  `| key press answered while parsing: median / max (ms), samples | ${f(result.input.parse.keyPressMs.median)} / ${f(result.input.parse.keyPressMs.max)}, ${result.input.parse.keyPressMs.n} |`,
);
console.log(
  `| rAF round trip while parsing: median / max (ms) | ${f(result.input.parse.rafRoundTripMs.median)} / ${f(result.input.parse.rafRoundTripMs.max)} |`,
);
console.log(
  `| key press answered while building: median / max (ms), samples | ${f(result.input.build.keyPressMs.median)} / ${f(result.input.build.keyPressMs.max)}, ${result.input.build.keyPressMs.n} |`,
);
console.log(
  `| rAF round trip while building: median / max (ms) | ${f(result.input.build.rafRoundTripMs.median)} / ${f(result.input.build.rafRoundTripMs.max)} |`,
);
console.log(`\nGraph: ${f(data.order)} nodes drawn${data.clusters ? ' (cluster overview)' : ''}. ${data.lodBar}`);
console.log(`Import report (first lines):\n${data.report.split('\n').slice(0, 12).join('\n')}`);
mkdirSync(join(root, 'test-results'), { recursive: true });
writeFileSync(join(root, 'test-results/bench-bibtex.json'), JSON.stringify(result, null, 1));
rmSync(work, { recursive: true, force: true });
