/**
 * `npm run bench:million-field`: a field query of a million authorships, fetched by the real Field tab in headless
 * Chromium and opened on the cluster overview. The data: the seeded synthetic bibliography of bench:million
 * (tests/bench/synthetic.ts, 1M authorships ≈ 156k works, under the tab's 200,000-work cap) written as OpenAlex /works
 * responses by make-million-field.ts and served on loopback by field-server.mjs (autocomplete, count, cursor pages of
 * 200, full records of works cut at 100 authors). The page is pointed at it through the test-only OpenAlex base
 * override (DEVELOPERS.md, Test-only hooks); nothing else of the app is changed: the Field tab's fetch is one request
 * at a time with no rate limiter of its own (only Retry-After, which this server never sends), so no politeness is
 * relaxed. Steps as a user: Import → Field → type a topic → Add → Count works → Fetch N works.
 * Figures, as bench:million (page-probes.mjs): from the Fetch click, the fetch (all pages and refetches stored in
 * IndexedDB) apart from the import (reading the stored pages into a dataset) and the build, the overview's first frame;
 * every main-thread long task from the click with its stage; the JS heap of page + live workers sampled each second
 * and after a forced GC; nothing lost (the overview's summed members = authors counted in node by OpenAlex author id
 * = distinct names = the app's resolver in node); the drill into the largest cluster under 5,000 authors from the
 * click; five authors searched. `uptime` is printed before and after (the machine is shared).
 * Env: BENCH_AUTHORSHIPS (default 1,000,000). Writes test-results/bench-million-field.json and screenshots.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { serveBench } from './serve.mjs';
import { serveField } from './field-server.mjs';
import { launch, waitForGraph } from '../e2e/browser.mjs';
import {
  drillLargestCluster,
  heapAfterGc,
  markTraceZero,
  observeOpening,
  OPENING_STAGES,
  overviewFigures,
  searchProbes,
  targetsOf,
  taskParts,
  traceOpening,
  waitForOverview,
} from './page-probes.mjs';

const root = resolve(import.meta.dirname, '../..');
const results = join(root, 'test-results');
const work = mkdtempSync(join(tmpdir(), 'atlas-million-field-'));
const appDir = join(work, 'app');
const dataDir = join(work, 'data');
const size = process.env.BENCH_AUTHORSHIPS ?? '1000000';
const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();
/** The stages: the field fetch's progress, then the import's, then the graph build's. */
const STAGES = `[aria-label="Field fetch progress"], ${OPENING_STAGES}`;

console.log(`uptime before: ${uptime()}`);
console.log(`Generating ${size} authorships (seeded) as OpenAlex works and counting them in node…`);
execFileSync(process.execPath, ['--max-old-space-size=8000', '--import', 'tsx', join(root, 'tests/bench/make-million-field.ts'), dataDir, size], {
  cwd: root,
  stdio: 'inherit',
});
await build({ root, logLevel: 'warn', build: { outDir: appDir, emptyOutDir: true } });
const { server, base } = await serveBench({ appDir, bareDir: appDir, dataDir: join(work, 'none') });
const api = await serveField(dataDir);
const { meta } = api;
const fmt = (n) => n.toLocaleString('en-US');

const browser = await launch();
const result = { at: new Date().toISOString(), uptimeBefore: uptime(), loadBefore: loadavg().map((x) => +x.toFixed(2)), meta: { ...meta, cursors: undefined } };
mkdirSync(results, { recursive: true });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
  await page.addInitScript(observeOpening, STAGES);
  await page.addInitScript((url) => localStorage.setItem('coauthor-atlas:openalex-base', url), api.url);
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`${base}/`);
  await waitForGraph(page);
  // The user's steps: the Field tab, a topic found by autocomplete, the count, the fetch.
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('tab', { name: 'Field' }).click();
  await page.getByLabel('Find a topic, venue or institution').fill('synthetic');
  await page.getByRole('button', { name: `Add ${meta.topic.display_name} (${meta.topic.id})` }).click();
  await page.getByRole('button', { name: 'Count works' }).click();
  const count = page.getByRole('region', { name: 'Field query count' });
  await count.getByText(`${fmt(meta.works)} works`, { exact: true }).waitFor({ timeout: 60_000 });
  result.countText = (await count.textContent()).replace(/Fetch.*$/, '');
  // The clock starts at the click (performance.now() in the page, Date.now() here); the embedded graph's frames go.
  // Traced from the click to the figures: each task over 200 ms taken apart (page-probes.mjs, taskParts).
  await traceOpening(browser, page);
  const since = await page.evaluate(() => {
    window.__coauthorAtlas.frames.length = 0;
    return performance.now();
  });
  await markTraceZero(page);
  const t0 = Date.now();
  await count.getByRole('button', { name: `Fetch ${fmt(meta.works)} works` }).click();
  let lastNote = 0;
  result.peakHeapWhileOpeningMB = await waitForOverview(page, cdp, {
    timeoutMs: 1_500_000,
    onTick: async () => {
      if (Date.now() - lastNote < 30_000) return;
      lastNote = Date.now();
      const stage = await page.evaluate(() => window.__stages[window.__stages.length - 1]?.text ?? '');
      console.log(`  ${Math.round((Date.now() - t0) / 1000)} s: ${stage || '(no progress bar)'}; pages served ${api.requests.pages}`);
    },
  });
  result.overviewMs = Date.now() - t0;
  // Whether the dataset could be stored in this browser (the app's notice when not).
  result.storeNotice = await page.evaluate(() => document.body.innerText.match(/Storing the dataset failed[^\n]*/)?.[0] ?? null);
  await page.keyboard.press('Escape');
  await page.waitForTimeout(3000);
  // The figures are read before the screenshot: taking one is a long task of the bench's own.
  Object.assign(result, await overviewFigures(page, since));
  result.over200Parts = await taskParts(browser, page, { since });
  await page.screenshot({ path: join(results, 'bench-million-field-overview.png') });
  // Phases from what the progress bars showed: the fetch (pages, then the cut works' full records), the import
  // (the stored pages read into a dataset in the import worker, stored, sent to the page), the build (graph worker).
  const stages = await page.evaluate((since) => window.__stages.filter((s) => s.at >= since - 200), since);
  const after = (re) => {
    const last = stages.findLastIndex((s) => re.test(s.text));
    return last < 0 ? null : Math.round((stages[last + 1]?.at ?? since) - since);
  };
  const firstOf = (re) => stages.find((s) => re.test(s.text));
  const refetchStart = firstOf(/Full author lists/);
  const fetchEnd = after(/works fetched|Full author lists/);
  const importEnd = after(/Starting…|% read/);
  result.phases = {
    fetchMs: fetchEnd,
    ofWhichPagesMs: refetchStart ? Math.round(refetchStart.at - since) : fetchEnd,
    importMs: importEnd - fetchEnd,
    buildMs: result.firstOverviewFrameMs - importEnd,
  };
  result.stageLog = stages.map((s) => ({ ms: Math.round(s.at - since), text: s.text.trim() }));
  result.over200BeforeFirstFrame = result.over200.filter((t) => t.start < result.firstOverviewFrameMs).length;
  result.over200WhileFetching = result.over200.filter((t) => t.start < fetchEnd).length;
  Object.assign(result, await heapAfterGc(page, cdp));
  result.drill = await drillLargestCluster(page, cdp, { screenshot: join(results, 'bench-million-field-drill.png') });
  result.search = await searchProbes(page, meta.probes);
  // The fetched pages stay offered in the Field tab while the dataset is not stored (a reload would lose it).
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('tab', { name: 'Field' }).click();
  result.keptPagesOffered = await page
    .getByRole('region', { name: 'Fetched field queries not saved' })
    .textContent({ timeout: 10_000 })
    .catch(() => null);
  result.requests = api.requests;
  result.unexpectedRequests = api.unexpected;
  await page.close();
} finally {
  await browser.close();
  server.close();
  api.close();
}
const nothingLost = result.members === meta.authorsById && meta.authorsById === meta.distinctNames && meta.authors === meta.authorsById;
result.targets = targetsOf(result, nothingLost);
result.targets.fetchedExactlyTheQuery =
  result.requests.pages === meta.pages + 1 && result.requests.works === meta.truncatedWorks && !result.unexpectedRequests.length;
result.loadAfter = loadavg().map((x) => +x.toFixed(2));
result.uptimeAfter = uptime();
console.log(JSON.stringify({ ...result, stageLog: `${result.stageLog.length} stages (in the file)` }, null, 1));
writeFileSync(join(results, 'bench-million-field.json'), JSON.stringify(result, null, 1));
console.log(`uptime after: ${result.uptimeAfter}`);
rmSync(work, { recursive: true, force: true });
