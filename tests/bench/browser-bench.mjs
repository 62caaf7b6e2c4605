/**
 * Browser side of `npm run bench`: the production build in headless Chromium against a bare
 * graphology + sigma page opening the very same file (the floor), in one run.
 * Figures: time to the first frame with every node drawn, the longest main-thread task while
 * opening, main-thread work per hover, heap after load. Writes test-results/bench-browser.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { serveBench } from './serve.mjs';
import { launch } from '../e2e/browser.mjs';
import { measureAcl, printAcl } from './acl-lenses.mjs';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'atlas-bench-'));
const appDir = join(work, 'app');
const bareDir = join(work, 'bare');
const dataDir = join(work, 'data');
// `--acl-only`: only the ACL Anthology rows (acl-lenses.mjs), without the synthetic data and the bare page.
const aclOnly = process.argv.includes('--acl-only');

let meta = null;
if (!aclOnly) {
  console.log('Preparing the benchmark data (parse + build in node)…');
  execFileSync(process.execPath, ['--import', 'tsx', join(root, 'tests/bench/make-data.ts'), dataDir], { cwd: root, stdio: 'inherit' });
  meta = JSON.parse(readFileSync(join(dataDir, 'meta.json'), 'utf8'));
}
await build({ root, logLevel: 'warn', build: { outDir: appDir, emptyOutDir: true } });
if (!aclOnly)
  await build({ root: join(root, 'tests/bench/bare'), base: '/bare/', logLevel: 'warn', build: { outDir: bareDir, emptyOutDir: true, target: 'es2022' } });

const { server, base } = await serveBench({ appDir, bareDir, dataDir });

// Long tasks are recorded from the very start of each page.
const OBSERVE_LONG_TASKS = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Long animation frames name the scripts behind a long task: kept for the worst one (see `worstFrame`).
  window.__frames = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.duration < 150) continue;
      window.__frames.push({
        start: e.startTime,
        duration: e.duration,
        scripts: e.scripts.map((x) => `${x.invoker || x.invokerType} ${x.sourceFunctionName || ''} ${Math.round(x.duration)} ms`),
      });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
};

async function openAndMeasure(browser, url, handle, expectedOrder, { lenses = false } = {}) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => console.error(`  page error (${handle}): ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') console.error(`  console (${handle}): ${m.text()}`);
  });
  await page.addInitScript(OBSERVE_LONG_TASKS);
  const cdp = await page.context().newCDPSession(page);
  await page.goto(url);
  // `expectedOrder` 'overview': the app's cluster overview, whatever its size, is the complete first picture.
  await page.waitForFunction(
    ({ handle, n }) => {
      const g = window[handle]?.sigma.getGraph();
      const order =
        n === 'overview'
          ? g && g.order > 0 && g.everyNode((_k, a) => a.kind === 'cluster')
            ? g.order
            : -1
          : n === 'whole'
            ? g && g.order > 20_000 && !g.someNode((_k, a) => a.kind === 'cluster')
              ? g.order
              : -1
            : n;
      return (window[handle]?.frames ?? []).some((f) => f.order === order);
    },
    { handle, n: expectedOrder },
    { timeout: 600_000, polling: 250 },
  );
  await page.waitForTimeout(1500);
  const load = await page.evaluate(
    ({ handle, n }) => {
      const order = n === 'overview' || n === 'whole' ? window[handle].sigma.getGraph().order : n;
      const first = window[handle].frames.find((f) => f.order === order);
      const tasks = window.__longTasks.filter((t) => t.start <= first.t + 1500);
      const frames = window.__frames.filter((f) => f.start <= first.t + 1500).sort((x, y) => y.duration - x.duration);
      const worst = frames[0];
      return {
        firstFrameMs: first.t,
        longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
        longTasks: tasks.length,
        worstFrame: worst ? `${Math.round(worst.duration)} ms at ${Math.round(worst.start)} ms: ${worst.scripts.join('; ') || 'no script (rendering)'}` : '',
      };
    },
    { handle, n: expectedOrder },
  );
  // The app's whole graph from papers has no positions yet: ForceAtlas2 runs in its worker from the first frame.
  // Measured until it stops by itself (at most 5 min): its duration and the main-thread tasks meanwhile. The
  // figures after this one are taken on the still graph.
  const layout =
    expectedOrder === 'whole' && (await page.evaluate((handle) => window[handle].layoutRunning?.() ?? false, handle)) ? await measureLayout(page, handle) : {};
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const hover = await measureHover(page, handle);
  // The floor of any change that redraws everything: one synchronous full sigma.refresh() (median of 3).
  const refreshMs = await page.evaluate((handle) => {
    const times = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      window[handle].sigma.refresh();
      times.push(performance.now() - t0);
    }
    return times.sort((a, b) => a - b)[1];
  }, handle);
  const lensFigures = lenses ? await measureLenses(page) : {};
  await page.close();
  return { ...load, heapMB: heap.usedSize / 1e6, ...hover, refreshMs, ...layout, ...lensFigures };
}

/** A running layout, until it stops: how long it ran and the main-thread tasks meanwhile (share of the time busy in them). */
async function measureLayout(page, handle) {
  const t0 = await page.evaluate(() => performance.now());
  await page.waitForFunction((handle) => !window[handle].layoutRunning(), handle, { timeout: 300_000, polling: 250 }).catch(() => {});
  return page.evaluate(
    ({ handle, t0 }) => {
      const now = performance.now();
      const tasks = window.__longTasks.filter((t) => t.start >= t0).map((t) => t.duration);
      return {
        layoutMs: now - t0,
        layoutStopped: !window[handle].layoutRunning(),
        layoutStatus: document.querySelector('.layout-status')?.textContent ?? '',
        layoutLongTasks: tasks.length,
        layoutLongestTaskMs: Math.max(0, ...tasks),
        layoutBusyShare: tasks.reduce((a, b) => a + b, 0) / (now - t0),
      };
    },
    { handle, t0 },
  );
}

/** Main-thread work of a hover: the synchronous handling of the mousemove, and the time to the next painted frame. */
async function measureHover(page, handle) {
  return page.evaluate(async (handle) => {
    const sigma = window[handle].sigma;
    const graph = sigma.getGraph();
    const target = sigma.getContainer().querySelector('.sigma-mouse') ?? sigma.getContainer();
    const rect = target.getBoundingClientRect();
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    // Twenty of the most connected nodes that are on screen: the hovers that cost the most.
    const candidates = graph.nodes().sort((a, b) => graph.degree(b) - graph.degree(a));
    const picks = [];
    for (const n of candidates) {
      const d = sigma.getNodeDisplayData(n);
      if (!d || d.hidden) continue;
      const p = sigma.framedGraphToViewport(d);
      if (p.x > 5 && p.y > 5 && p.x < rect.width - 5 && p.y < rect.height - 5) picks.push(p);
      if (picks.length === 20) break;
    }
    const move = (x, y) =>
      target.dispatchEvent(new MouseEvent('mousemove', { clientX: rect.left + x, clientY: rect.top + y, bubbles: true, cancelable: true }));
    const sync = [];
    const toFrame = [];
    for (const p of picks) {
      move(2, 2);
      await frame();
      await frame();
      const t0 = performance.now();
      move(p.x, p.y);
      sync.push(performance.now() - t0);
      await frame();
      toFrame.push(performance.now() - t0);
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    return { hoverSyncMs: median(sync), hoverToFrameMs: median(toFrame), hoverSamples: sync.length };
  }, handle);
}

/**
 * Lenses on the opened view, through the controls a user has: a year range (From / To year), colour by
 * first year, then the range cleared. Figures per change: the longest main-thread task from just before the
 * change until the page has been idle a while (the change itself is handled synchronously, inside the
 * control's event), and the longest gap of a 10 ms interval timer over the same time (it also catches the
 * frame's wait for the software GPU, which is no task of the page's own); and the nodes the year range left drawn.
 */
async function measureLenses(page) {
  await page.evaluate(() => {
    window.__gap = 0;
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      window.__gap = Math.max(window.__gap, now - last);
      last = now;
    }, 10);
  });
  const change = async (act) => {
    await page.evaluate(() => {
      window.__longTasks.length = 0;
      window.__gap = 0;
    });
    await act();
    await page.waitForTimeout(2500);
    return page.evaluate(() => ({ task: Math.max(0, ...window.__longTasks.map((t) => t.duration)), gap: window.__gap }));
  };
  const years = await page.locator('select[aria-label="From year"] option').evaluateAll((os) => os.map((o) => o.value));
  if (!years.length) return {};
  const lo = years[Math.floor(years.length * 0.8)];
  const hi = years[Math.floor(years.length * 0.85)];
  const to = await change(() => page.selectOption('select[aria-label="To year"]', hi));
  const from = await change(() => page.selectOption('select[aria-label="From year"]', lo));
  const drawn = await page.evaluate(() => {
    const sigma = window.__coauthorAtlas.sigma;
    return sigma.getGraph().filterNodes((n) => !sigma.getNodeDisplayData(n)?.hidden).length;
  });
  const colour = await change(() => page.selectOption('select[aria-label="Colour by"]', 'firstYear'));
  const clear = await change(async () => {
    await page.selectOption('select[aria-label="From year"]', years[0]);
    await page.selectOption('select[aria-label="To year"]', years[years.length - 1]);
  });
  const all = [to, from, colour, clear];
  return {
    lensYears: `${lo}–${hi}`,
    lensLongestTaskMs: Math.max(...all.map((c) => c.task)),
    lensLongestGapMs: Math.max(...all.map((c) => c.gap)),
    lensYearsToMs: to.task,
    lensYearsFromMs: from.task,
    lensColourMs: colour.task,
    lensClearMs: clear.task,
    lensGaps: all.map((c) => Math.round(c.gap)),
    lensNodesDrawn: drawn,
  };
}

const gexf = `${base}/bench-data/graph.gexf`;
const results = {};
/**
 * Each page in a browser of its own: pages opened one after the other in one browser were seen to inherit the
 * previous page's garbage (a 4–8 s task at the start of the next page, never seen in a page measured alone).
 */
async function measure(url, handle, expectedOrder, opts) {
  const browser = await launch();
  try {
    return await openAndMeasure(browser, url, handle, expectedOrder, opts);
  } finally {
    await browser.close();
  }
}
try {
  if (!aclOnly) await measureSynthetic();
  // The ACL Anthology (when ../shared has it): normalisation, density, indicators and top N on its overview.
  console.log('The ACL Anthology 2019 imported in the page, then changes on its overview…');
  const browser = await launch();
  try {
    results.acl = await measureAcl(browser, base, OBSERVE_LONG_TASKS);
  } finally {
    await browser.close();
  }
} finally {
  server.close();
}

async function measureSynthetic() {
  console.log(`Same file (${meta.title}, ${meta.nodes} nodes, ${meta.edges} edges) as GEXF by URL…`);
  results.bare = await measure(`${base}/bare/?file=${encodeURIComponent(gexf)}`, '__bench', meta.nodes);
  // The app draws the whole graph (?drill=all, same picture as the floor) and, where the graph is
  // big enough, its default cluster overview.
  results.appGexf = await measure(`${base}/?file=${encodeURIComponent(gexf)}&drill=all`, '__coauthorAtlas', meta.nodes);
  if (meta.nodes > 20_000 || meta.edges > 100_000) {
    results.appOverview = await measure(`${base}/?file=${encodeURIComponent(gexf)}`, '__coauthorAtlas', 'overview');
    // The same data as papers (CSL-JSON): parsed, resolved and built in workers, then the overview and its lenses.
    console.log('The same papers as CSL-JSON by URL (parse and build in workers), then lenses on the overview…');
    results.appPapers = await measure(`${base}/?file=${encodeURIComponent(`${base}/bench-data/papers.csl.json`)}`, '__coauthorAtlas', 'overview', {
      lenses: true,
    });
    // The opt-in whole graph from the same papers, and the same lens changes there (every change redraws 40k nodes).
    console.log('The same papers, whole graph (&drill=all), then lenses on it…');
    results.appPapersWhole = await measure(`${base}/?file=${encodeURIComponent(`${base}/bench-data/papers.csl.json`)}&drill=all`, '__coauthorAtlas', 'whole', {
      lenses: true,
    });
  }
}

if (!aclOnly) printSynthetic();
printAcl(results.acl);

function printSynthetic() {
  const fmt = (x, d = 0) => Number(x).toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  const ratio = (a, b) => (b > 0 ? `${fmt(a / b, 2)}×` : '—');
  const rows = [
    ['first frame with every node drawn (ms)', 'firstFrameMs'],
    ['longest main-thread task while opening (ms)', 'longestTaskMs'],
    ['long tasks (> 50 ms) while opening', 'longTasks'],
    ['hover: synchronous main-thread work (ms, median of 20)', 'hoverSyncMs'],
    ['hover: to the next painted frame (ms, median of 20)', 'hoverToFrameMs'],
    ['JS heap after load and GC (MB)', 'heapMB'],
  ];
  console.log(`\nBrowser (production build, headless Chromium, software WebGL): ${meta.title}, ${fmt(meta.nodes)} nodes, ${fmt(meta.edges)} edges`);
  const overview = results.appOverview;
  console.log(
    `| figure | Coauthor Atlas, whole graph (?file= GEXF&drill=all) | bare graphology + sigma (same file) | ratio |${overview ? ' app, cluster overview (default) | ratio |' : ''}`,
  );
  console.log(`|---|---:|---:|---:|${overview ? '---:|---:|' : ''}`);
  for (const [label, key] of rows) {
    const extra = overview ? ` ${fmt(overview[key], 1)} | ${ratio(overview[key], results.bare[key])} |` : '';
    console.log(`| ${label} | ${fmt(results.appGexf[key], 1)} | ${fmt(results.bare[key], 1)} | ${ratio(results.appGexf[key], results.bare[key])} |${extra}`);
  }
  for (const [name, r] of Object.entries(results)) if (r.worstFrame) console.log(`worst long animation frame while opening (${name}): ${r.worstFrame}`);
  const papers = results.appPapers;
  if (papers) {
    console.log(`\nThe app opening the same papers as CSL-JSON (${fmt(meta.papers)} papers; parse, resolve, build, communities and overview in workers):`);
    console.log(`| figure | app, papers → overview | bare page, GEXF (floor) | ratio |`);
    console.log(`|---|---:|---:|---:|`);
    for (const [label, key] of rows)
      console.log(`| ${label} | ${fmt(papers[key], 1)} | ${fmt(results.bare[key], 1)} | ${ratio(papers[key], results.bare[key])} |`);
    if (papers.lensLongestTaskMs !== undefined) {
      console.log(
        `\nLenses on that overview (longest main-thread task from each change, ms): years ${papers.lensYears}: to ${fmt(papers.lensYearsToMs)}, from ${fmt(papers.lensYearsFromMs)} (${fmt(papers.lensNodesDrawn)} clusters left drawn); colour by first year ${fmt(papers.lensColourMs)}; range cleared ${fmt(papers.lensClearMs)}; longest timer gap per change ${papers.lensGaps.join(' / ')} ms.`,
      );
    }
    const whole = results.appPapersWhole;
    if (whole?.lensLongestTaskMs !== undefined) {
      if (whole.layoutMs !== undefined)
        console.log(
          `Whole graph from the same papers: ForceAtlas2 ran ${fmt(whole.layoutMs)} ms after the first frame (${whole.layoutStopped ? whole.layoutStatus : 'still running: gave up waiting'}); meanwhile ${fmt(whole.layoutLongTasks)} long tasks, the longest ${fmt(whole.layoutLongestTaskMs)} ms, ${fmt(100 * whole.layoutBusyShare)}% of the time in long tasks.`,
        );
      console.log(
        `Lenses on the whole graph from the same papers (${fmt(whole.lensNodesDrawn)} nodes left drawn by the year range), longest task from each change (ms): years to ${fmt(whole.lensYearsToMs)}, from ${fmt(whole.lensYearsFromMs)}; colour by first year ${fmt(whole.lensColourMs)}; range cleared ${fmt(whole.lensClearMs)}; longest timer gap per change ${whole.lensGaps.join(' / ')} ms.`,
      );
      console.log(
        `One synchronous full sigma.refresh() (median of 3, ms): bare page ${fmt(results.bare.refreshMs)}; app whole graph ${fmt(whole.refreshMs)}; app overview ${fmt(papers.refreshMs)}.`,
      );
    }
  }
}
mkdirSync(join(root, 'test-results'), { recursive: true });
writeFileSync(join(root, 'test-results/bench-browser.json'), JSON.stringify({ at: new Date().toISOString(), dataset: meta, results }, null, 1));
rmSync(work, { recursive: true, force: true });
