/**
 * What the million-authorship benchmarks measure in the page, shared by million-bench.mjs (`?file=`) and
 * million-field-bench.mjs (the Field tab): the long-task and progress-stage observer, the JS heap of the page and its
 * live workers (sampled while opening, and after a forced GC), the wait for the cluster overview's first frame and its
 * figures, the drill into a cluster timed from the click, the search probes, and the targets.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clickNode } from '../e2e/browser.mjs';

/** The progress bars whose text names the stage a long task fell in (the import's and the graph build's). */
export const OPENING_STAGES = '.build-progress span, [aria-label="Import progress"]';

/** Init script (page.addInitScript(observeOpening, selector)): long tasks, and what the progress bar said when. */
export function observeOpening(stageSelector) {
  // The page time a trace (traceOpening) is read against: a user-timing mark, so it is in the trace too (TRACE_ZERO;
  // written out: an init script is the function's text alone).
  window.__traceZero = performance.mark('atlas-trace-zero').startTime;
  window.__longTasks = [];
  window.__stages = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: Math.round(e.startTime), duration: Math.round(e.duration) });
  }).observe({ type: 'longtask', buffered: true });
  // What the progress bar said when (to tell which step a long task belongs to).
  setInterval(() => {
    const text = document.querySelector(stageSelector)?.parentElement?.textContent ?? '';
    const last = window.__stages[window.__stages.length - 1];
    if (!last || last.text !== text) window.__stages.push({ at: Math.round(performance.now()), text: text.slice(0, 80) });
  }, 100);
}

/** The user-timing mark that ties a trace's clock to the page's performance.now() (observeOpening sets it). */
const TRACE_ZERO = 'atlas-trace-zero';

/**
 * Starts a Chromium trace of the page (the timeline categories: tasks, frames' commits, garbage collection), so that
 * each task over 200 ms can be taken apart: a software-WebGL frame's wait for the rasteriser happens inside `Commit`,
 * a collection inside V8's GC events; the rest is the page's own work (script, style, layout, paint). Call
 * `markTraceZero(page)` after it when the clock should start later than the page's load (the field bench's click).
 */
export function traceOpening(browser, page) {
  return browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
}

/** Moves the trace's zero to now (page time): the mark is set again. */
export function markTraceZero(page) {
  return page.evaluate((name) => (window.__traceZero = performance.mark(name).startTime), TRACE_ZERO);
}

/**
 * Stops the trace and takes apart each main-thread task of at least `minMs`: `frameWaitMs` (inside a frame's
 * Commit: with software compositing, the wait for the GPU process to rasterise and read back the WebGL canvases),
 * `gcMs` (V8's collections and incremental marking steps), and `ownMs`, the rest. Starts are page time minus `since`.
 */
export async function taskParts(browser, page, { minMs = 200, since = 0 } = {}) {
  const zero = await page.evaluate(() => window.__traceZero);
  const events = JSON.parse((await browser.stopTracing()).toString('utf8')).traceEvents;
  const mark = events.find((e) => e.name === TRACE_ZERO && e.cat.includes('user_timing'));
  // The page's main thread: the renderer main thread that ran the mark.
  const main = events.filter((e) => e.pid === mark?.pid && e.tid === mark?.tid && e.ph === 'X');
  if (!mark || main.length === 0) return { unavailable: 'the trace has no mark of the page main thread' };
  const union = (spans) => {
    let total = 0;
    let end = -Infinity;
    for (const [a, b] of spans.sort((x, y) => x[0] - y[0])) {
      if (b <= end) continue;
      total += b - Math.max(a, end);
      end = b;
    }
    return total;
  };
  const tasks = main.filter((e) => e.name === 'RunTask' && e.dur >= minMs * 1000);
  return tasks
    .filter((t) => !tasks.some((o) => o !== t && o.ts <= t.ts && o.ts + o.dur >= t.ts + t.dur))
    .map((t) => {
      const inside = main.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur);
      const spans = (test) => inside.filter(test).map((e) => [e.ts, e.ts + e.dur]);
      const commit = spans((e) => e.name === 'Commit');
      const gc = spans((e) => /^(MajorGC|MinorGC|V8\.GC_)/.test(e.name));
      const ms = (us) => Math.round(us / 1000);
      return {
        start: Math.round(zero + (t.ts - mark.ts) / 1000 - since),
        duration: ms(t.dur),
        frameWaitMs: ms(union(commit)),
        gcMs: ms(union(gc)),
        ownMs: ms(t.dur - union([...commit, ...gc])),
      };
    });
}

/** Page and live workers' JS heap now (no GC), in MB: the peak while opening is sampled with this. */
const workerSessions = new WeakMap();
export async function heapNow(page, cdp) {
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

/** True once the displayed graph is a cluster overview and a frame of it was drawn. */
const overviewShown = (page) =>
  page.evaluate(() => {
    const g = window.__coauthorAtlas?.sigma.getGraph();
    return Boolean(g && g.order > 1 && g.everyNode((_n, a) => a.kind === 'cluster') && window.__coauthorAtlas.frames.some((f) => f.order === g.order));
  });

/**
 * Waits (polling each second) until the overview is drawn, sampling the heap meanwhile; `onTick` runs each round (to
 * note progress). Resolves to the peak heap seen, in MB.
 */
export async function waitForOverview(page, cdp, { timeoutMs = 900_000, onTick } = {}) {
  const t0 = Date.now();
  let peak = 0;
  for (;;) {
    if (await overviewShown(page)) return peak;
    if (Date.now() - t0 > timeoutMs) throw new Error(`the overview did not open in ${Math.round(timeoutMs / 60_000)} minutes`);
    peak = Math.max(peak, await heapNow(page, cdp));
    await onTick?.();
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/**
 * The overview's figures: clusters, the first frame of it (ms after `since`, a performance.now() of the page), the
 * summed members, and the main-thread long tasks that started after `since` (those over 200 ms with their stage and
 * their start, ms after `since`).
 */
export function overviewFigures(page, since = 0) {
  return page.evaluate((since) => {
    const g = window.__coauthorAtlas.sigma.getGraph();
    let members = 0;
    g.forEachNode((_n, a) => {
      members += a.authorCount ?? 0;
    });
    const tasks = window.__longTasks.filter((t) => t.start >= since);
    return {
      clusters: g.order,
      firstOverviewFrameMs: Math.round(window.__coauthorAtlas.frames.find((f) => f.order === g.order).t - since),
      members,
      longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
      longTasks: tasks.length,
      over200: tasks
        .filter((t) => t.duration > 200)
        .map((t) => ({
          start: t.start - since,
          duration: t.duration,
          stage: window.__stages.filter((x) => x.at <= t.start).pop()?.text ?? '',
          // Whether sigma finished drawing a frame within the task (its afterRender): a software-WebGL frame.
          frame: window.__coauthorAtlas.frames.some((f) => f.t >= t.start && f.t <= t.start + t.duration),
        })),
    };
  }, since);
}

/** JS heap after a forced GC, in MB: the page's, and each live worker's. */
export async function heapAfterGc(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const pageHeapMB = (await cdp.send('Runtime.getHeapUsage')).usedSize / 1e6;
  const workerHeapMB = [];
  for (const w of page.workers()) {
    try {
      const s = await page.context().newCDPSession(w);
      await s.send('HeapProfiler.collectGarbage');
      workerHeapMB.push((await s.send('Runtime.getHeapUsage')).usedSize / 1e6);
    } catch {
      // A worker that ended meanwhile.
    }
  }
  return { pageHeapMB, workerHeapMB };
}

/** Self time per function of a CPU profile, the heaviest first, printed. */
export function printProfile(profile) {
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
      .slice(0, 25)
      .map(([n, ms]) => `${ms.toFixed(0).padStart(6)} ms  ${n}`)
      .join('\n'),
  );
}

/**
 * Drills into the largest cluster under 5,000 authors (a click on it), timed from the click itself (clickNode first
 * waits for the overview's layout and camera to rest) to its authors in the displayed graph (`ms`, a poll) and to the
 * frame that shows the cluster with its links (`drawnMs`, page time; the target reads it); screenshots the result
 * (`screenshot`), reads the side panel's counts and goes back to the overview. `profileTo`: a file for a CPU profile
 * of the drill (its heaviest functions printed).
 */
export async function drillLargestCluster(page, cdp, { screenshot, profileTo } = {}) {
  const pick = await page.evaluate(() => {
    const g = window.__coauthorAtlas.sigma.getGraph();
    const c = g.filterNodes((_n, a) => a.authorCount < 5000).sort((a, b) => g.getNodeAttribute(b, 'authorCount') - g.getNodeAttribute(a, 'authorCount'))[0];
    return { id: c, size: g.getNodeAttribute(c, 'authorCount'), community: g.getNodeAttribute(c, 'community') };
  });
  // When the cluster is on screen: the click (a capture listener, page time) to the frame after the first render of
  // the cluster with its links (sigma's afterRender, then the next animation frame: the one that follows the frame's
  // commit). The poll below sees the graph later when frames keep the page busy (software WebGL).
  await page.evaluate((n) => {
    window.__longTasks.length = 0;
    const sigma = window.__coauthorAtlas.sigma;
    const drill = (window.__benchDrill = { clickAt: null, drawnAt: null });
    window.addEventListener('click', () => (drill.clickAt ??= performance.now()), { capture: true, once: true });
    const onRender = () => {
      const g = sigma.getGraph();
      if (drill.clickAt === null || g.filterNodes((_x, a) => a.kind === 'author').length !== n) return;
      if (!g.someEdge((e) => sigma.getEdgeDisplayData(e)?.hidden === false)) return;
      sigma.off('afterRender', onRender);
      requestAnimationFrame(() => (drill.drawnAt = performance.now()));
    };
    sigma.on('afterRender', onRender);
  }, pick.size);
  let d0 = 0;
  if (profileTo) await cdp.send('Profiler.enable');
  const click = page.mouse.click.bind(page.mouse);
  page.mouse.click = async (...args) => {
    if (profileTo) await cdp.send('Profiler.start');
    d0 = Date.now();
    return click(...args);
  };
  try {
    await clickNode(page, pick.id);
  } finally {
    page.mouse.click = click;
  }
  await page.waitForFunction((n) => window.__coauthorAtlas.sigma.getGraph().filterNodes((_x, a) => a.kind === 'author').length === n, pick.size, {
    timeout: 120_000,
    polling: 50,
  });
  const ms = Date.now() - d0;
  if (profileTo) {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(profileTo, JSON.stringify(profile));
    printProfile(profile);
  }
  // The drawn frame may come after the poll saw the graph: wait for it (at most 10 s).
  await page.waitForFunction(() => window.__benchDrill.drawnAt !== null, null, { timeout: 10_000 }).catch(() => {});
  const drawn = await page.evaluate(() =>
    window.__benchDrill.drawnAt === null ? null : Math.round(window.__benchDrill.drawnAt - window.__benchDrill.clickAt),
  );
  const drill = {
    size: pick.size,
    ms,
    drawnMs: drawn,
    longestTaskMs: await page.evaluate(() => Math.max(0, ...window.__longTasks.map((t) => t.duration))),
  };
  // What the user sees of the drilled cluster (side panel counts included), to look at.
  if (screenshot) {
    mkdirSync(join(screenshot, '..'), { recursive: true });
    await page.screenshot({ path: screenshot });
  }
  drill.panel = await page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll('aside[aria-label="Details"] [data-count]')].map((e) => [e.getAttribute('data-count'), e.textContent])),
  );
  await page.getByRole('button', { name: '← Overview' }).click();
  return drill;
}

/** Searches each name in the Search box; found: an option starting with the name is offered (within 30 s). */
export async function searchProbes(page, names) {
  const search = [];
  for (const name of names) {
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
    search.push({ name, found, ms: Date.now() - s0 });
  }
  return search;
}

/** The targets for a million authorships in the page, from a result with the figures above. */
export function targetsOf(result, nothingLost) {
  const heapAfterGcMB = result.pageHeapMB + result.workerHeapMB.reduce((a, b) => a + b, 0);
  return {
    nothingLost,
    noTaskOver200ms: result.longestTaskMs <= 200,
    // The target as restated (BENCHMARKS.md, "Tasks over 200 ms, taken apart"): no task whose own work passes 200 ms,
    // the software rasteriser's wait inside a frame and garbage collection apart. Unknown (null) without a trace.
    noOwnWorkOver200ms: Array.isArray(result.over200Parts) ? result.over200Parts.every((t) => t.ownMs <= 200) : null,
    heapAfterGcUnder1200MB: heapAfterGcMB <= 1200,
    // The cluster on screen (drawnMs) when measured; else the poll's time (an upper bound).
    drillUnder1s: (result.drill.drawnMs ?? result.drill.ms) <= 1000,
    searchFindsEveryProbe: result.search.every((s) => s.found),
  };
}
