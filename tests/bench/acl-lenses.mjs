/**
 * The ACL Anthology 2019 rows of `npm run bench` (issue #18): the 324 XML files imported in the app, then on its
 * cluster overview, through the controls a user has, the longest main-thread task (and the longest gap of a 10 ms
 * timer) from each of: Normalisation → association strength, → none; the density view; the Indicators view; top 300
 * authors by total link strength. Run alone with `node tests/bench/browser-bench.mjs --acl-only`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ACL_DIR = resolve(import.meta.dirname, '../../../shared/datasets/acl-anthology-2019/xml');

/** Main-thread figures of the ACL changes, or null without the data. `observe` is the page's long-task recorder. */
export async function measureAcl(browser, base, observe) {
  if (!existsSync(ACL_DIR)) {
    console.log(`ACL Anthology data not found at ${ACL_DIR}: the ACL rows are skipped.`);
    return null;
  }
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => console.error(`  page error (ACL): ${e.message}`));
  await page.addInitScript(observe);
  await page.goto(base);
  await page.waitForFunction(() => window.__coauthorAtlas?.sigma.getGraph().order > 0, null, { timeout: 120_000 });
  const files = readdirSync(ACL_DIR)
    .filter((f) => f.endsWith('.xml'))
    .map((f) => join(ACL_DIR, f));
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByLabel('Import papers').setInputFiles(files);
  await page.getByRole('region', { name: 'Import report' }).waitFor({ timeout: 600_000 });
  await page.keyboard.press('Escape');
  const idle = () =>
    page.waitForFunction(
      () => {
        const a = window.__coauthorAtlas;
        const g = a?.sigma.getGraph();
        return g && g.order > 1 && g.everyNode((_n, x) => x.kind === 'cluster') && !a.layoutRunning();
      },
      null,
      { timeout: 600_000, polling: 250 },
    );
  await idle();
  const openMs = Date.now() - t0;
  const clusters = await page.evaluate(() => window.__coauthorAtlas.sigma.getGraph().order);
  await page.waitForTimeout(3000);
  await page.evaluate(() => {
    window.__gap = 0;
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      window.__gap = Math.max(window.__gap, now - last);
      last = now;
    }, 10);
  });
  /** From just before the change until `done` resolves and the page has then been idle 2.5 s. */
  const change = async (act, done = async () => {}) => {
    await page.evaluate(() => {
      window.__longTasks.length = 0;
      window.__frames.length = 0;
      window.__gap = 0;
    });
    const start = Date.now();
    await act();
    await done();
    const doneMs = Date.now() - start;
    await page.waitForTimeout(2500);
    return page.evaluate((doneMs) => {
      // The scripts behind the longest animation frame (long-animation-frame entries over 150 ms).
      const worst = [...window.__frames].sort((a, b) => b.duration - a.duration)[0];
      return {
        task: Math.max(0, ...window.__longTasks.map((t) => t.duration)),
        tasks: window.__longTasks.length,
        gap: window.__gap,
        doneMs,
        worst: worst ? `${Math.round(worst.duration)} ms: ${worst.scripts.join('; ') || 'no script (rendering)'}` : '',
      };
    }, doneMs);
  };
  const normalisation = page.getByLabel('Normalisation');
  const association = await change(
    () => normalisation.selectOption('association'),
    async () => {
      await page.waitForFunction(() => window.__coauthorAtlas.layoutRunning(), null, { timeout: 10_000 }).catch(() => {});
      await idle();
    },
  );
  const none = await change(
    () => normalisation.selectOption('none'),
    async () => {
      await page.waitForFunction(() => window.__coauthorAtlas.layoutRunning(), null, { timeout: 10_000 }).catch(() => {});
      await idle();
    },
  );
  const view = page.getByRole('group', { name: 'View' });
  const density = await change(
    () => view.getByRole('button', { name: 'Density' }).click(),
    () => page.waitForSelector('canvas.density-layer[data-painted]', { timeout: 120_000 }),
  );
  await view.getByRole('button', { name: 'Network' }).click();
  await page.waitForTimeout(1500);
  const indicators = await change(
    () => page.getByRole('button', { name: 'Indicators', exact: true }).click(),
    () => page.getByRole('region', { name: 'Indicators' }).getByText('Computing the indicators…').waitFor({ state: 'detached', timeout: 300_000 }),
  );
  await page.keyboard.press('Escape');
  await page.waitForTimeout(1500);
  await page.getByRole('button', { name: /^Filters/ }).click();
  const top = await change(
    () => page.getByRole('group', { name: 'Filters' }).getByLabel('Top authors by total link strength').fill('300'),
    () =>
      page
        .locator('.lens-notes')
        .filter({ hasText: /^300 of / })
        .waitFor({ timeout: 120_000 }),
  );
  await page.close();
  return { openMs, clusters, association, none, density, indicators, top };
}

/** The rows for BENCHMARKS.md. */
export function printAcl(r) {
  if (!r) return;
  const f = (x) => Math.round(x).toLocaleString('en-US');
  console.log(`\nACL Anthology 2019 (324 XML files imported in the page, ${f(r.openMs)} ms to the still overview of ${r.clusters} clusters):`);
  console.log('| change on the overview | longest main-thread task (ms) | long tasks | longest 10 ms-timer gap (ms) | until done (ms) |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [label, c] of [
    ['Normalisation → association strength (widths, ForceAtlas2 reruns)', r.association],
    ['Normalisation → none', r.none],
    ['Density view (first picture)', r.density],
    ['Indicators (all figures)', r.indicators],
    ['Top 300 authors by total link strength', r.top],
  ])
    console.log(`| ${label} | ${f(c.task)} | ${c.tasks} | ${f(c.gap)} | ${f(c.doneMs)} |`);
  for (const [label, c] of Object.entries(r)) if (c?.worst) console.log(`worst frame (${label}): ${c.worst}`);
}
