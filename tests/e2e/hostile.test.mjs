// Hostile input in the browser: a file full of script payloads, bidi overrides, zero-width characters and a
// 1,000,000-character abstract, opened by ?file= from a local server, under the build's Content-Security-Policy.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, waitForGraph, clickNode, serveFiles } from './browser.mjs';

const fixture = (f) => readFileSync(new URL(`../fixtures/hostile/${f}`, import.meta.url), 'utf8');
const MEGA = 'lorem ipsum dolor sit amet '.repeat(40_000).slice(0, 1_000_000);
const files = {
  // The BibTeX library needs minutes for a 1M-character field (see the report), so the megabyte abstract travels in CSL-JSON.
  '/payloads.bib': fixture('payloads.bib').replace('@@MEGA@@', 'A long abstract.'),
  '/payloads.csl.json': JSON.stringify(JSON.parse(fixture('payloads.csl.json')).map((r, i) => (i === 1 ? { ...r, abstract: MEGA } : r))),
};

/** Records CSP violations, dialogs, and whether the layout worker ever ran, from before the app's first script. */
async function watch(page) {
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    window.__layoutRan = false;
    setInterval(() => {
      if (window.__coauthorAtlas?.layoutRunning()) window.__layoutRan = true;
    }, 20);
  });
  return dialogs;
}

async function open(browser, path) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const dialogs = await watch(page);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(new URL(path, process.env.ATLAS_BASE_URL ?? 'http://127.0.0.1:4173/').toString());
  return { page, dialogs, errors };
}

async function nodeByLabel(page, fragment) {
  return page.evaluate((f) => window.__coauthorAtlas.sigma.getGraph().findNode((_n, a) => typeof a.label === 'string' && a.label.includes(f)), fragment);
}

/** No payload became markup, ran, or opened anything. */
async function assertInert(page, dialogs) {
  const dom = await page.evaluate(() => ({
    pwned: window.__pwned,
    payloadElements: document.querySelectorAll('img[onerror], svg[onload], iframe, object, embed, [onmouseover], [onload]:not(body)').length,
    inlineScripts: [...document.scripts].filter((s) => !s.src).map((s) => s.textContent.slice(0, 80)),
    badLinks: [...document.querySelectorAll('a[href]')].map((a) => a.href).filter((h) => !/^https?:/i.test(h)),
    violations: window.__cspViolations,
  }));
  assert.equal(dom.pwned, undefined, 'a payload ran');
  assert.deepEqual(dialogs, [], 'a dialog opened');
  assert.equal(dom.payloadElements, 0, 'a payload element exists in the DOM');
  assert.deepEqual(dom.inlineScripts, [], 'inline script in the DOM');
  assert.deepEqual(dom.badLinks, [], 'a link that is not http(s)');
  assert.deepEqual(dom.violations, [], 'CSP violations');
}

describe('Hostile input', () => {
  let browser;
  let close;
  let base;
  before(async () => {
    ({ base, close } = await serveFiles(files));
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await close();
  });

  test('the built page carries a CSP with no inline script and no eval; the app draws and runs its layout worker under it', async () => {
    const { page, dialogs, errors } = await open(browser, '');
    await waitForGraph(page);
    const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-eval/);
    assert.match(csp, /worker-src 'self' blob:/);
    const state = await page.evaluate(() => ({ order: window.__coauthorAtlas.sigma.getGraph().order, ran: window.__layoutRan }));
    assert.ok(state.order > 100, `graph drawn: ${state.order} nodes`);
    assert.ok(state.ran, 'the ForceAtlas2 worker ran');
    // Inline script and string-eval are refused by the policy (checked from page code, which CSP governs).
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = 1';
      document.head.append(s);
      s.remove();
      try {
        setTimeout('window.__evalRan = 1', 0);
      } catch {
        /* refused */
      }
    });
    await page.waitForTimeout(200);
    const ran = await page.evaluate(() => ({ inline: window.__inlineRan, evaluated: window.__evalRan, violations: window.__cspViolations }));
    assert.equal(ran.inline, undefined, 'inline script ran');
    assert.equal(ran.evaluated, undefined, 'string eval ran');
    assert.ok(
      ran.violations.some((v) => /^script-src/.test(v)),
      `violations reported: ${ran.violations.join(', ')}`,
    );
    assert.deepEqual(errors, []);
    await page.evaluate(() => {
      window.__cspViolations = [];
    });
    await assertInert(page, dialogs);
    await page.close();
  });

  test('BibTeX payloads by ?file=: authors and papers open, nothing runs, links are http(s) arXiv/doi only', async () => {
    const { page, dialogs } = await open(browser, `?file=${encodeURIComponent(`${base}/payloads.bib`)}`);
    await page.waitForFunction(() => window.__coauthorAtlas?.sigma.getGraph().findNode((_n, a) => a.label === 'Trudy Quiet'), null, { timeout: 60_000 });
    await waitForGraph(page);
    const trudy = await nodeByLabel(page, 'Trudy Quiet');
    await clickNode(page, trudy);
    await page.waitForFunction(() => document.querySelector('aside[aria-label="Details"] h2')?.textContent === 'Trudy Quiet');
    await assertInert(page, dialogs);
    // Each of her papers, hostile titles included.
    const titles = await page.$$eval('aside[aria-label="Details"] .paper-line button', (bs) => bs.map((b) => b.textContent));
    assert.equal(titles.length, 3, titles.join(' | '));
    for (const t of titles) {
      await page
        .locator('aside[aria-label="Details"] .paper-line button', { hasText: t.slice(0, 20) })
        .first()
        .click();
      await page.waitForFunction((x) => document.querySelector('aside[aria-label="Details"] h2')?.textContent === x, t);
      await assertInert(page, dialogs);
      const links = await page.$$eval('aside[aria-label="Details"] a[href]', (as) => as.map((a) => a.href));
      for (const l of links) assert.match(l, /^https:\/\/(arxiv\.org\/abs|doi\.org)\//, l);
      await page.goBack();
      await page.waitForFunction(() => document.querySelector('aside[aria-label="Details"] h2')?.textContent === 'Trudy Quiet');
    }
    // A scripted author's panel.
    const mallory = await nodeByLabel(page, 'Mallory');
    await page.keyboard.press('Escape'); // with an author open, a second click would show the pair
    await page.waitForFunction(() => !/[?&](author|pair)=/.test(location.search));
    await page.waitForTimeout(300);
    await clickNode(page, mallory);
    await page.waitForFunction(() => /Mallory/.test(document.querySelector('aside[aria-label="Details"] h2')?.textContent ?? ''));
    await assertInert(page, dialogs);
    await page.screenshot({ path: 'test-results/hostile-bibtex.png' });
    await page.close();
  });

  test('CSL-JSON payloads keep markup as visible text; a 1,000,000-character abstract opens', async (t) => {
    const { page, dialogs } = await open(browser, `?file=${encodeURIComponent(`${base}/payloads.csl.json`)}`);
    await page.waitForFunction(() => window.__coauthorAtlas?.sigma.getGraph().findNode((_n, a) => a.label === 'Trudy Quiet'), null, { timeout: 60_000 });
    await waitForGraph(page);
    const ivy = await nodeByLabel(page, 'onerror');
    await clickNode(page, ivy);
    await page.waitForFunction(() => /onerror/.test(document.querySelector('aside[aria-label="Details"] h2')?.textContent ?? ''));
    const heading = await page.$eval('aside[aria-label="Details"] h2', (h) => h.textContent);
    assert.match(heading, /<img src=x onerror="window.__pwned=22">/, 'the payload is shown as text');
    await assertInert(page, dialogs);

    const trudy = await nodeByLabel(page, 'Trudy Quiet');
    await page.keyboard.press('Escape'); // with an author open, a second click would show the pair
    await page.waitForFunction(() => !/[?&](author|pair)=/.test(location.search));
    await page.waitForTimeout(300);
    await clickNode(page, trudy);
    await page.waitForFunction(() => document.querySelector('aside[aria-label="Details"] h2')?.textContent === 'Trudy Quiet');
    await page.locator('aside[aria-label="Details"] .paper-line button', { hasText: 'data:text/html' }).first().click();
    await page.waitForFunction(() => /^data:text\/html/.test(document.querySelector('aside[aria-label="Details"] h2')?.textContent ?? ''));
    await assertInert(page, dialogs);
    const shown = await page.evaluate(() => {
      const p = document.querySelector('aside[aria-label="Details"] .abstract');
      return { length: p?.textContent.length ?? 0, end: p?.textContent.slice(-1) };
    });
    t.diagnostic(`abstract characters in the DOM: ${shown.length}`);
    assert.ok(shown.length > 0, 'the abstract is shown');
    await page.screenshot({ path: 'test-results/hostile-csl.png' });
    await page.close();
  });

  test('long text is cut with an ellipsis', async () => {
    const { page } = await open(browser, `?file=${encodeURIComponent(`${base}/payloads.csl.json`)}&paper=csl-data`);
    await page.waitForFunction(() => document.querySelector('aside[aria-label="Details"] .abstract'), null, { timeout: 60_000 });
    const length = await page.$eval('aside[aria-label="Details"] .abstract', (p) => p.textContent.length);
    await page.close();
    assert.ok(length <= 20_000, `abstract shown with ${length} characters`);
  });

  test('bidi overrides in titles and names are isolated from the UI around them', async () => {
    const { page } = await open(browser, `?file=${encodeURIComponent(`${base}/payloads.bib`)}&paper=bidi1`);
    await page.waitForFunction(() => /Bidi/.test(document.querySelector('aside[aria-label="Details"] h2')?.textContent ?? ''), null, { timeout: 60_000 });
    const notIsolated = await page.evaluate(() =>
      [...document.querySelectorAll('aside[aria-label="Details"] *')]
        .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && /[\u202A-\u202E\u2066-\u2069]/.test(n.textContent)))
        .filter((el) => el.tagName !== 'BDI' && !['isolate', 'isolate-override', 'plaintext'].includes(getComputedStyle(el).unicodeBidi))
        .map((el) => `${el.tagName}.${el.className}`),
    );
    await page.close();
    assert.deepEqual(notIsolated, []);
  });
});

/** A server whose every path redirects to `target` + the same path (another origin, for the policy to refuse). */
async function serveRedirects(target) {
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => res.writeHead(302, { location: `${target}${req.url}`, 'access-control-allow-origin': '*' }).end());
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** The page's policies, and whether a fetch of `url` from page code went through, with the violations it raised. */
async function tryFetch(page, url) {
  return page.evaluate(async (u) => {
    window.__cspViolations = [];
    let ok;
    try {
      ok = (await fetch(u)).ok;
    } catch {
      ok = false;
    }
    await new Promise((r) => setTimeout(r, 50));
    return { ok, violations: window.__cspViolations };
  }, url);
}

const policies = (page) => page.$$eval('meta[http-equiv="Content-Security-Policy"]', (ms) => ms.map((m) => m.content));

describe('Network reads under the CSP', () => {
  let browser;
  let here;
  let elsewhere;
  let redirect;
  before(async () => {
    here = await serveFiles(files);
    elsewhere = await serveFiles({ ...files, '/ok.txt': 'ok' });
    redirect = await serveRedirects(elsewhere.base);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await Promise.all([here, elsewhere, redirect].map((s) => s?.close()));
  });

  test('at boot a second policy narrows connect-src to the page, OpenAlex and the ?file= origin; Chromium enforces it', async () => {
    const { page, errors } = await open(browser, '');
    await waitForGraph(page);
    const [baseline, narrowed, ...more] = await policies(page);
    assert.match(baseline, /connect-src 'self' https: http:/, 'the static policy is the baseline');
    assert.equal(narrowed, "connect-src 'self' https://api.openalex.org");
    assert.deepEqual(more, []);
    // Another origin is refused, with a connect-src violation; the page's own origin is not.
    const refused = await tryFetch(page, `${elsewhere.base}/ok.txt`);
    assert.equal(refused.ok, false, 'a fetch to another origin went through');
    assert.ok(
      refused.violations.some((v) => v.startsWith('connect-src') && v.includes(elsewhere.base)),
      refused.violations.join(', '),
    );
    assert.deepEqual((await tryFetch(page, '/index.html')).violations, []);
    assert.deepEqual(errors, []);
    await page.close();

    // Opened with ?file=: that origin is allowed, any other still refused.
    const withFile = await open(browser, `?file=${encodeURIComponent(`${elsewhere.base}/payloads.bib`)}`);
    await withFile.page.waitForFunction(() => window.__coauthorAtlas?.sigma.getGraph().findNode((_n, a) => a.label === 'Trudy Quiet'), null, {
      timeout: 60_000,
    });
    assert.equal((await policies(withFile.page))[1], `connect-src 'self' https://api.openalex.org ${elsewhere.base}`);
    assert.deepEqual(await tryFetch(withFile.page, `${elsewhere.base}/ok.txt`), { ok: true, violations: [] });
    assert.equal((await tryFetch(withFile.page, `${here.base}/payloads.bib`)).ok, false);
    await withFile.page.close();

    // The test-only OpenAlex base override's origin is allowed too (the OpenAlex browser test relies on it).
    const replayed = await browser.newPage();
    await replayed.addInitScript((u) => localStorage.setItem('coauthor-atlas:openalex-base', u), `${here.base}/api`);
    await replayed.goto(process.env.ATLAS_BASE_URL ?? 'http://127.0.0.1:4173/');
    await waitForGraph(replayed);
    assert.equal((await policies(replayed))[1], `connect-src 'self' https://api.openalex.org ${here.base}`);
    await replayed.close();
  });

  test('a link to another origin reopens the page at ?file=; a failure keeps the dataset shown, a success drops the fallback', async () => {
    const { page } = await open(browser, '?dataset=shown');
    await waitForGraph(page);
    const shownOrder = await page.evaluate(() => window.__coauthorAtlas.sigma.getGraph().order);
    const openLink = async (link) => {
      await page.getByRole('button', { name: 'Open link' }).click();
      await page.getByRole('textbox', { name: 'Link to open' }).fill(link);
      await page.getByRole('button', { name: 'Open', exact: true }).click();
    };
    await page.evaluate(() => {
      window.__samePage = true;
    });
    await openLink(`${elsewhere.base}/missing.bib`);
    await page.waitForURL((u) => u.searchParams.get('file') === `${elsewhere.base}/missing.bib`);
    const alert = page.getByRole('alert').filter({ hasText: /404/ });
    await alert.waitFor();
    assert.match(await alert.textContent(), /current dataset is kept/);
    await waitForGraph(page);
    assert.equal(await page.evaluate(() => window.__samePage), undefined, 'the page was reopened');
    assert.equal(new URL(page.url()).searchParams.get('dataset'), 'shown', 'the dataset travels with the link');
    assert.equal(await page.evaluate(() => window.__coauthorAtlas.sigma.getGraph().order), shownOrder, 'the dataset shown before is shown again');
    assert.equal(await page.getByRole('complementary', { name: 'Details' }).getByRole('heading').first().textContent(), 'Yuchen Hao');
    assert.equal((await policies(page))[1], `connect-src 'self' https://api.openalex.org ${elsewhere.base}`);

    // That origin is now allowed: a link there opens in place.
    await page.evaluate(() => {
      window.__samePage = true;
    });
    await openLink(`${elsewhere.base}/payloads.bib`);
    await page.waitForFunction(() => window.__coauthorAtlas?.sigma.getGraph().findNode((_n, a) => a.label === 'Trudy Quiet'), null, { timeout: 60_000 });
    assert.equal(await page.evaluate(() => window.__samePage), true, 'opened in place');
    await page.close();

    // A link that opens after the reopen: the fallback leaves the URL (back/forward must not bring it back).
    const second = await open(browser, '?dataset=shown');
    await waitForGraph(second.page);
    await second.page.getByRole('button', { name: 'Open link' }).click();
    await second.page.getByRole('textbox', { name: 'Link to open' }).fill(`${here.base}/payloads.bib`);
    await second.page.getByRole('button', { name: 'Open', exact: true }).click();
    await second.page.waitForFunction(() => window.__coauthorAtlas?.sigma.getGraph().findNode((_n, a) => a.label === 'Trudy Quiet'), null, { timeout: 60_000 });
    await waitForGraph(second.page);
    const url = new URL(second.page.url());
    assert.equal(url.searchParams.get('file'), `${here.base}/payloads.bib`);
    assert.equal(url.searchParams.get('dataset'), null);
    const trudy = await nodeByLabel(second.page, 'Trudy Quiet');
    await clickNode(second.page, trudy);
    await second.page.waitForFunction(() => document.querySelector('aside[aria-label="Details"] h2')?.textContent === 'Trudy Quiet');
    assert.equal(new URL(second.page.url()).searchParams.get('dataset'), null);
    await second.page.goBack();
    await second.page.waitForFunction(() => !/[?&]author=/.test(location.search));
    await second.page.waitForTimeout(500);
    assert.equal(new URL(second.page.url()).searchParams.get('file'), `${here.base}/payloads.bib`);
    assert.ok(await nodeByLabel(second.page, 'Trudy Quiet'), 'back keeps the link’s dataset');
    await second.page.close();
  });

  test('a link that redirects to another origin is refused and says so', async () => {
    const { page } = await open(browser, `?file=${encodeURIComponent(`${redirect.base}/payloads.bib`)}`);
    const alert = page.getByRole('alert').filter({ hasText: /redirects to another site, which this page may not read from/ });
    await alert.waitFor({ timeout: 30_000 });
    assert.match(await alert.textContent(), /current dataset is kept/);
    await waitForGraph(page);
    await page.close();
  });
});
