/**
 * `npm run bench:million` (also the last step of `npm run bench`): the synthetic bibliography of a million authorships
 * (tests/bench/synthetic.ts; CSL-JSON, 69 MB) opened in the page by `?file=`, as an import of that size is. Figures:
 * time to the cluster overview's first frame; the longest main-thread task while opening (PerformanceObserver
 * longtask) and the progress stage it fell in; the JS heap of page + live workers sampled each second while opening
 * (no GC) and after a forced GC (CDP Runtime.getHeapUsage per target); nothing lost (the overview's clusters' members
 * against the app's resolver in node and against the distinct names of the items); the drill into the largest cluster
 * under 5,000 authors, timed from the click to its authors in the displayed graph; search for five authors spread over
 * the population. The floor (the bare graphology + sigma page of browser-bench.mjs) opens the same graph as GEXF where
 * one string can hold it (make-million.ts says why not otherwise) and the row gets ratios against it.
 * Env: BENCH_AUTHORSHIPS (default 1,000,000), BENCH_BARE=0 (skip the floor), BENCH_PROFILE=drill or open (CPU profile of
 * the drill or of the opening, unminified build kept). Writes test-results/bench-million.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { serveBench } from './serve.mjs';
import { launch } from '../e2e/browser.mjs';
import {
  drillLargestCluster,
  heapAfterGc,
  observeOpening,
  OPENING_STAGES,
  overviewFigures,
  printProfile,
  searchProbes,
  targetsOf,
  taskParts,
  traceOpening,
  waitForOverview,
} from './page-probes.mjs';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'atlas-million-'));
const appDir = join(work, 'app');
const bareDir = join(work, 'bare');
const dataDir = join(work, 'data');
const size = process.env.BENCH_AUTHORSHIPS ?? '1000000';
console.log(`Generating ${size} authorships (seeded) and counting them in node…`);
execFileSync(process.execPath, ['--max-old-space-size=8000', '--import', 'tsx', join(root, 'tests/bench/make-million.ts'), dataDir, size], {
  cwd: root,
  stdio: 'inherit',
});
const meta = JSON.parse(readFileSync(join(dataDir, 'meta.json'), 'utf8'));
await build({ root, logLevel: 'warn', build: { outDir: appDir, emptyOutDir: true, ...(process.env.BENCH_PROFILE ? { minify: false } : {}) } });

const bareGexf = Boolean(meta.bare?.gexfMB) && process.env.BENCH_BARE !== '0';
if (bareGexf)
  await build({ root: join(root, 'tests/bench/bare'), base: '/bare/', logLevel: 'warn', build: { outDir: bareDir, emptyOutDir: true, target: 'es2022' } });

const { server, base } = await serveBench({ appDir, bareDir, dataDir });

/** The floor: the bare graphology + sigma page opening the same graph as GEXF (every node drawn, no app, no workers). */
async function openBare(browser) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => console.error(`  bare page error: ${e.message}`));
  await page.addInitScript(observeOpening, OPENING_STAGES);
  const cdp = await page.context().newCDPSession(page);
  const t0 = Date.now();
  await page.goto(`${base}/bare/?file=${encodeURIComponent(`${base}/bench-data/graph.gexf`)}`);
  const ok = await page
    .waitForFunction((n) => (window.__bench?.frames ?? []).some((f) => f.order === n), meta.bare.nodes, { timeout: 900_000, polling: 1000 })
    .then(
      () => true,
      (e) => e.message,
    );
  if (ok !== true) return { failed: String(ok).slice(0, 200), afterMs: Date.now() - t0 };
  const figures = await page.evaluate(() => ({
    firstFrameMs: Math.round(window.__bench.frames[0].t),
    longestTaskMs: Math.max(0, ...window.__longTasks.map((t) => t.duration)),
    longTasks: window.__longTasks.length,
  }));
  await cdp.send('HeapProfiler.collectGarbage');
  figures.heapMB = (await cdp.send('Runtime.getHeapUsage')).usedSize / 1e6;
  await page.close();
  return figures;
}

const browser = await launch();
const result = { at: new Date().toISOString(), loadBefore: loadavg().map((x) => +x.toFixed(2)), meta };
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
  await page.addInitScript(observeOpening, OPENING_STAGES);
  const cdp = await page.context().newCDPSession(page);
  // BENCH_PROFILE=open: a CPU profile of the page from the link to 3 s after the overview's first frame (test-results/bench-million-open.cpuprofile).
  const profilingOpen = process.env.BENCH_PROFILE === 'open';
  if (profilingOpen) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 2000 });
    await cdp.send('Profiler.start');
  }
  // Traced from the link to the figures: each task over 200 ms taken apart (page-probes.mjs, taskParts).
  await traceOpening(browser, page);
  const t0 = Date.now();
  await page.goto(`${base}/?file=${encodeURIComponent(`${base}/bench-data/papers.csl.json`)}`);
  result.peakHeapWhileOpeningMB = await waitForOverview(page, cdp);
  result.overviewMs = Date.now() - t0;
  await page.waitForTimeout(3000);
  if (profilingOpen) {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(join(root, 'test-results'), { recursive: true });
    writeFileSync(join(root, 'test-results/bench-million-open.cpuprofile'), JSON.stringify(profile));
    printProfile(profile);
  }
  // The figures are read before the screenshot: taking one is a long task of the bench's own.
  Object.assign(result, await overviewFigures(page));
  result.over200Parts = await taskParts(browser, page);
  // What sigma draws on the overview (its frames' cost in software WebGL grows with the ties).
  result.overviewTies = await page.evaluate(() => window.__coauthorAtlas.sigma.getGraph().size);
  await page.screenshot({ path: join(root, 'test-results/bench-million-overview.png') });
  Object.assign(result, await heapAfterGc(page, cdp));
  // BENCH_PROFILE=drill: a CPU profile of the drill from the click (test-results/bench-million-drill.cpuprofile, heaviest functions printed).
  mkdirSync(join(root, 'test-results'), { recursive: true });
  result.drill = await drillLargestCluster(page, cdp, {
    screenshot: join(root, 'test-results/bench-million-drill.png'),
    profileTo: process.env.BENCH_PROFILE === 'drill' ? join(root, 'test-results/bench-million-drill.cpuprofile') : undefined,
  });
  // Search: each probe name is offered.
  result.search = await searchProbes(page, meta.probes);
  await page.close();
  result.bare = bareGexf ? await openBare(browser) : { unavailable: meta.bare?.unavailable ?? 'skipped (BENCH_BARE=0)' };
} finally {
  await browser.close();
  server.close();
}
const heapAfterGcMB = result.pageHeapMB + result.workerHeapMB.reduce((a, b) => a + b, 0);
result.targets = targetsOf(result, result.members === meta.authors && meta.authors === meta.distinctNames);
if (result.bare.heapMB) {
  const r = (a, b) => +(a / b).toFixed(2);
  result.ratiosToBare = {
    firstPictureMs: r(result.firstOverviewFrameMs, result.bare.firstFrameMs),
    longestTaskMs: r(result.longestTaskMs, result.bare.longestTaskMs),
    heapAfterGcMB: r(heapAfterGcMB, result.bare.heapMB),
  };
}
result.loadAfter = loadavg().map((x) => +x.toFixed(2));
console.log(JSON.stringify(result, null, 1));
mkdirSync(join(root, 'test-results'), { recursive: true });
writeFileSync(join(root, 'test-results/bench-million.json'), JSON.stringify(result, null, 1));
if (process.env.BENCH_PROFILE) console.log(`Kept the unminified build for the profile's line numbers: ${appDir}`);
else rmSync(work, { recursive: true, force: true });
