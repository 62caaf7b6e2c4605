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
 * Env: BENCH_AUTHORSHIPS (default 1,000,000), BENCH_BARE=0 (skip the floor), BENCH_PROFILE=drill (CPU profile of the
 * drill, unminified build kept). Writes test-results/bench-million.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { serveBench } from './serve.mjs';
import { clickNode, launch } from '../e2e/browser.mjs';

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

const OBSERVE = () => {
  window.__longTasks = [];
  window.__stages = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: Math.round(e.startTime), duration: Math.round(e.duration) });
  }).observe({ type: 'longtask', buffered: true });
  // What the progress bar said when (to tell which step a long task belongs to).
  setInterval(() => {
    const text = document.querySelector('.build-progress span, [aria-label="Import progress"]')?.parentElement?.textContent ?? '';
    const last = window.__stages[window.__stages.length - 1];
    if (!last || last.text !== text) window.__stages.push({ at: Math.round(performance.now()), text: text.slice(0, 80) });
  }, 100);
};

/** Page and live workers' JS heap now (no GC), in MB: the peak while opening is sampled with this. */
const workerSessions = new Map();
async function heapNow(page, cdp) {
  let total = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  for (const w of page.workers()) {
    try {
      if (!workerSessions.has(w)) workerSessions.set(w, await page.context().newCDPSession(w));
      total += (await workerSessions.get(w).send('Runtime.getHeapUsage')).usedSize;
    } catch {
      // A worker that ended meanwhile.
    }
  }
  return total / 1e6;
}

/** The floor: the bare graphology + sigma page opening the same graph as GEXF (every node drawn, no app, no workers). */
async function openBare(browser) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => console.error(`  bare page error: ${e.message}`));
  await page.addInitScript(OBSERVE);
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

/** The functions with the most self time in a CPU profile, printed. */
function printHeaviest(profile) {
  const self = new Map();
  const dt = new Map(profile.nodes.map((n) => [n.id, 0]));
  profile.samples.forEach((id, i) => dt.set(id, dt.get(id) + (profile.timeDeltas[i] ?? 0)));
  for (const n of profile.nodes) {
    const name = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    self.set(name, (self.get(name) ?? 0) + dt.get(n.id) / 1000);
  }
  console.log(
    [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 30)
      .map(([n, ms]) => `${ms.toFixed(0).padStart(6)} ms  ${n}`)
      .join('\n'),
  );
}

const browser = await launch();
const result = { at: new Date().toISOString(), loadBefore: loadavg().map((x) => +x.toFixed(2)), meta };
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
  await page.addInitScript(OBSERVE);
  const cdp = await page.context().newCDPSession(page);
  // BENCH_PROFILE=open: a CPU profile of the page from the link to the overview (test-results/bench-million-open.cpuprofile).
  if (process.env.BENCH_PROFILE === 'open') {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 2000 });
    await cdp.send('Profiler.start');
  }
  const t0 = Date.now();
  await page.goto(`${base}/?file=${encodeURIComponent(`${base}/bench-data/papers.csl.json`)}`);
  const overviewShown = () =>
    page.evaluate(() => {
      const g = window.__coauthorAtlas?.sigma.getGraph();
      return Boolean(g && g.order > 1 && g.everyNode((_n, a) => a.kind === 'cluster') && window.__coauthorAtlas.frames.some((f) => f.order === g.order));
    });
  result.peakHeapWhileOpeningMB = 0;
  for (;;) {
    if (await overviewShown()) break;
    if (Date.now() - t0 > 900_000) throw new Error('the overview did not open in 15 minutes');
    result.peakHeapWhileOpeningMB = Math.max(result.peakHeapWhileOpeningMB, await heapNow(page, cdp));
    await new Promise((r) => setTimeout(r, 1000));
  }
  result.overviewMs = Date.now() - t0;
  if (process.env.BENCH_PROFILE === 'open') {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(join(root, 'test-results'), { recursive: true });
    writeFileSync(join(root, 'test-results/bench-million-open.cpuprofile'), JSON.stringify(profile));
    printHeaviest(profile);
  }
  await page.waitForTimeout(3000);
  // The figures are read before the screenshot: taking one is a long task of the bench's own.
  Object.assign(
    result,
    await page.evaluate(() => {
      const g = window.__coauthorAtlas.sigma.getGraph();
      let members = 0;
      g.forEachNode((_n, a) => {
        members += a.authorCount ?? 0;
      });
      const tasks = window.__longTasks;
      return {
        clusters: g.order,
        firstOverviewFrameMs: Math.round(window.__coauthorAtlas.frames.find((f) => f.order === g.order).t),
        members,
        longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
        longTasks: tasks.length,
        over200: tasks.filter((t) => t.duration > 200).map((t) => ({ ...t, stage: window.__stages.filter((x) => x.at <= t.start).pop()?.text ?? '' })),
      };
    }),
  );
  await page.screenshot({ path: join(root, 'test-results/bench-million-overview.png') });
  await cdp.send('HeapProfiler.collectGarbage');
  result.pageHeapMB = (await cdp.send('Runtime.getHeapUsage')).usedSize / 1e6;
  const workers = page.workers();
  result.workerHeapMB = [];
  for (const w of workers) {
    try {
      const s = await page.context().newCDPSession(w);
      await s.send('HeapProfiler.collectGarbage');
      result.workerHeapMB.push((await s.send('Runtime.getHeapUsage')).usedSize / 1e6);
    } catch {
      // A worker that ended meanwhile.
    }
  }
  // Drill into the largest cluster under 5,000 authors (a click on it), then back.
  const pick = await page.evaluate(() => {
    const g = window.__coauthorAtlas.sigma.getGraph();
    const c = g.filterNodes((_n, a) => a.authorCount < 5000).sort((a, b) => g.getNodeAttribute(b, 'authorCount') - g.getNodeAttribute(a, 'authorCount'))[0];
    return { id: c, size: g.getNodeAttribute(c, 'authorCount'), community: g.getNodeAttribute(c, 'community') };
  });
  await page.evaluate(() => {
    window.__longTasks.length = 0;
  });
  // Timed from the click itself: clickNode first waits for the overview's layout and camera to rest.
  let d0 = 0;
  // BENCH_PROFILE=drill: a CPU profile of the drill from the click (test-results/bench-million-drill.cpuprofile, heaviest functions printed).
  const profiling = process.env.BENCH_PROFILE === 'drill';
  if (profiling) await cdp.send('Profiler.enable');
  page.mouse.click = (
    (click) =>
    async (...args) => {
      if (profiling) await cdp.send('Profiler.start');
      d0 = Date.now();
      return click(...args);
    }
  )(page.mouse.click.bind(page.mouse));
  await clickNode(page, pick.id);
  await page.waitForFunction(
    (n) => {
      const g = window.__coauthorAtlas.sigma.getGraph();
      return g.filterNodes((_x, a) => a.kind === 'author').length === n;
    },
    pick.size,
    { timeout: 120_000, polling: 50 },
  );
  if (profiling) {
    const { profile } = await cdp.send('Profiler.stop');
    mkdirSync(join(root, 'test-results'), { recursive: true });
    writeFileSync(join(root, 'test-results/bench-million-drill.cpuprofile'), JSON.stringify(profile));
    printHeaviest(profile);
  }
  result.drill = { size: pick.size, ms: Date.now() - d0, longestTaskMs: await page.evaluate(() => Math.max(0, ...window.__longTasks.map((t) => t.duration))) };
  // What the user sees of the drilled cluster (side panel counts included), to look at.
  mkdirSync(join(root, 'test-results'), { recursive: true });
  await page.screenshot({ path: join(root, 'test-results/bench-million-drill.png') });
  result.drill.panel = await page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll('aside[aria-label="Details"] [data-count]')].map((e) => [e.getAttribute('data-count'), e.textContent])),
  );
  await page.getByRole('button', { name: '← Overview' }).click();
  // Search: each probe name is offered.
  result.search = [];
  for (const name of meta.probes) {
    const s0 = Date.now();
    await page.getByRole('combobox', { name: 'Search' }).fill(name);
    const found = await page
      .getByRole('option', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s`) })
      .first()
      .waitFor({ timeout: 30_000 })
      .then(
        () => true,
        () => false,
      );
    result.search.push({ name, found, ms: Date.now() - s0 });
  }
  await page.close();
  result.bare = bareGexf ? await openBare(browser) : { unavailable: meta.bare?.unavailable ?? 'skipped (BENCH_BARE=0)' };
} finally {
  await browser.close();
  server.close();
}
const heapAfterGc = result.pageHeapMB + result.workerHeapMB.reduce((a, b) => a + b, 0);
result.targets = {
  nothingLost: result.members === meta.authors && meta.authors === meta.distinctNames,
  noTaskOver200ms: result.longestTaskMs <= 200,
  heapAfterGcUnder1200MB: heapAfterGc <= 1200,
  drillUnder1s: result.drill.ms <= 1000,
  searchFindsEveryProbe: result.search.every((s) => s.found),
};
if (result.bare.heapMB) {
  const r = (a, b) => +(a / b).toFixed(2);
  result.ratiosToBare = {
    firstPictureMs: r(result.firstOverviewFrameMs, result.bare.firstFrameMs),
    longestTaskMs: r(result.longestTaskMs, result.bare.longestTaskMs),
    heapAfterGcMB: r(heapAfterGc, result.bare.heapMB),
  };
}
result.loadAfter = loadavg().map((x) => +x.toFixed(2));
console.log(JSON.stringify(result, null, 1));
mkdirSync(join(root, 'test-results'), { recursive: true });
writeFileSync(join(root, 'test-results/bench-million.json'), JSON.stringify(result, null, 1));
if (process.env.BENCH_PROFILE) console.log(`Kept the unminified build for the profile's line numbers: ${appDir}`);
else rmSync(work, { recursive: true, force: true });
