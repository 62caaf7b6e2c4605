// Shared helpers for browser tests: Debian Chromium driven by playwright-core.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export function chromiumPath() {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean)) {
    if (existsSync(p)) return p;
  }
  return null;
}

/**
 * The layout test switch: with ATLAS_E2E_LAYOUT_REDRAW_MS=<ms> (run.mjs sets 1000 unless it is set; 0 turns it off),
 * every page of a browser from `launch()` gets `window.__coauthorAtlasTest = { layoutRedrawMs }` before the app's first
 * script, and the app draws a running ForceAtlas2 layout at most that often instead of after every iteration
 * (src/view/controllers/layout.ts, `layoutPositionIntervalMs`). Same iterations, same settled positions; in software
 * WebGL it takes the embedded profile's layout from ~7 s to under 1 s. Benchmarks never set it.
 */
export const LAYOUT_REDRAW_MS = Number(process.env.ATLAS_E2E_LAYOUT_REDRAW_MS) || 0;

export async function launch() {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found: run `apt-get install -y chromium` (as root) or set CHROMIUM_PATH.');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  if (LAYOUT_REDRAW_MS > 0) withLayoutSwitch(browser, LAYOUT_REDRAW_MS);
  return browser;
}

/** Adds the layout switch to every context (and so every page, popups included) the browser makes from now on. */
function withLayoutSwitch(browser, layoutRedrawMs) {
  const install = (context) =>
    context.addInitScript((ms) => {
      window.__coauthorAtlasTest = { ...window.__coauthorAtlasTest, layoutRedrawMs: ms };
    }, layoutRedrawMs);
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await install(context);
    return context;
  };
  browser.newPage = async (options) => {
    const page = await newPage(options);
    await install(page.context());
    return page;
  };
}

export const BASE_URL = process.env.ATLAS_BASE_URL ?? 'http://127.0.0.1:4173/';

/** Opens the app and waits until sigma is up and the layout has stopped. */
export async function openApp(browser, path = '', { width = 1400, height = 900 } = {}) {
  const page = await browser.newPage({ viewport: { width, height } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(new Error(m.text()));
  });
  await page.goto(new URL(path, BASE_URL).toString());
  await waitForGraph(page);
  return { page, errors };
}

export async function waitForGraph(page) {
  await page.waitForFunction(
    () => {
      const atlas = window.__coauthorAtlas;
      return atlas && atlas.sigma.getGraph().order > 0 && !atlas.layoutRunning() && !atlas.sigma.getCamera().isAnimated();
    },
    null,
    { timeout: 90_000 },
  );
  // A focus request hears of the layout's end a frame after it (LayoutController), then animates the camera: let
  // that frame pass and the animation start, and finish.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.waitForTimeout(100);
  await page.waitForFunction(() => !window.__coauthorAtlas.sigma.getCamera().isAnimated(), null, { timeout: 10_000 });
  await page.waitForTimeout(100);
}

/** Page coordinates of a node's centre, from sigma's own viewport transform. */
export async function nodePosition(page, nodeId) {
  return page.evaluate((id) => {
    const sigma = window.__coauthorAtlas.sigma;
    const data = sigma.getNodeDisplayData(id);
    if (!data) throw new Error(`node ${id} not displayed`);
    const p = sigma.framedGraphToViewport(data);
    const rect = sigma.getContainer().getBoundingClientRect();
    return { x: rect.left + p.x, y: rect.top + p.y };
  }, nodeId);
}

/**
 * Clicks a node where it is drawn. On a loaded machine (two browser suites at once, software WebGL) a camera move
 * or a late layout frame can start after `waitForGraph` returned: the node's position is read until it holds still
 * for 300 ms with the camera at rest, so the click lands on the node and not where it was.
 */
export async function clickNode(page, nodeId) {
  const until = Date.now() + 15_000;
  let last = await nodePosition(page, nodeId);
  let stillSince = Date.now();
  while (Date.now() < until) {
    await page.waitForTimeout(100);
    const [now, animated] = await Promise.all([
      nodePosition(page, nodeId),
      page.evaluate(() => window.__coauthorAtlas.sigma.getCamera().isAnimated() || window.__coauthorAtlas.layoutRunning()),
    ]);
    const moved = Math.abs(now.x - last.x) > 0.5 || Math.abs(now.y - last.y) > 0.5;
    if (moved || animated) stillSince = Date.now();
    last = now;
    if (Date.now() - stillSince >= 300) break;
  }
  await page.mouse.move(last.x, last.y);
  await page.waitForTimeout(50);
  const { x, y } = await nodePosition(page, nodeId);
  await page.mouse.click(x, y);
}

/**
 * Serves files on loopback for `?file=` tests: `routes` maps a path to a body (string) or to
 * `{ body, type, cors }`. Unknown paths get a 404. Returns the base URL and a close function.
 */
export async function serveFiles(routes) {
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    const route = routes[new URL(req.url, 'http://x').pathname];
    if (route === undefined) {
      res.writeHead(404, { 'access-control-allow-origin': '*' }).end('not found');
      return;
    }
    const { body, type = 'text/plain; charset=utf-8', cors = true } = typeof route === 'string' ? { body: route } : route;
    res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body), ...(cors ? { 'access-control-allow-origin': '*' } : {}) });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Waits until the displayed graph has `n` author nodes and has settled. */
export async function waitForAuthors(page, n) {
  await page.waitForFunction(
    (count) => {
      const g = window.__coauthorAtlas?.sigma.getGraph();
      return g && g.filterNodes((_n, a) => a.kind === 'author').length === count;
    },
    n,
    { timeout: 60_000 },
  );
  await waitForGraph(page);
}
