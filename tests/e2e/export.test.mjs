// Export menu: every item downloads a real file of the right kind; snapshots and share links
// restore the same picture; hostile or broken snapshots are refused and change nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { BASE_URL, launch, openApp, waitForGraph } from './browser.mjs';

const RESULTS = 'test-results';
mkdirSync(RESULTS, { recursive: true });

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const exportButton = (page) => page.getByRole('button', { name: 'Export', exact: true });

/** Clicks a menu item and returns the download it starts: file name and content. */
async function download(page, item, { role = 'menuitem' } = {}) {
  await exportButton(page).click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole(role, { name: item, exact: true }).click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(path), text: readFileSync(path, 'utf8') };
}

/** Parses XML in the page: whether it is well formed and how many elements of a tag it has. */
const parseXml = (page, text, tag) =>
  page.evaluate(
    ([t, tag]) => {
      const doc = new DOMParser().parseFromString(t, 'application/xml');
      return {
        ok: !doc.querySelector('parsererror'),
        root: doc.documentElement.localName,
        count: doc.getElementsByTagName(tag).length,
        texts: doc.getElementsByTagName('text').length,
      };
    },
    [text, tag],
  );

const graphOrder = (page) => page.evaluate(() => window.__coauthorAtlas.sigma.getGraph().order);

/**
 * Closes the notices and moves the mouse off the graph. A notice takes height from the graph, and
 * sigma only re-measures its container on a window resize: the event makes both pages measure
 * the same area (a sigma created while a notice showed keeps the smaller frame otherwise).
 */
async function quiet(page) {
  for (const b of await page.locator('.notice button').all()) await b.click();
  await page.evaluate(() => window.dispatchEvent(new Event('resize')));
  await page.mouse.move(2, 2);
  await page.waitForTimeout(400);
}

/** Screenshot of the graph area (without the controls strip at its bottom) as a PNG. */
async function graphShot(page, name) {
  const box = await page.locator('section[aria-label="Coauthor network"]').boundingBox();
  const buf = await page.screenshot({ clip: { x: box.x, y: box.y, width: box.width, height: box.height - 70 } });
  writeFileSync(join(RESULTS, name), buf);
  return PNG.sync.read(buf);
}

/** Mean absolute difference per channel (0-255) between two same-size pictures. */
function meanDiff(a, b) {
  assert.equal(a.width, b.width);
  assert.equal(a.height, b.height);
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) sum += Math.abs(a.data[i] - b.data[i]);
  return sum / a.data.length;
}

const inkFraction = (png) => {
  let ink = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i] < 200 || png.data[i + 1] < 200 || png.data[i + 2] < 200) ink++;
  return ink / (png.width * png.height);
};

describe('export menu', () => {
  let page;
  let errors;
  before(async () => {
    ({ page, errors } = await openApp(browser, ''));
  });
  after(async () => {
    await page?.close();
  });

  test('opens from the keyboard, moves with arrows and closes with Esc', async () => {
    await exportButton(page).focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'Export' });
    await menu.waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    assert.equal(await focused(), 'PNG image…');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), 'SVG (what is on screen)');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    assert.equal(await focused(), 'Open snapshot…', 'wraps to the last item');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Export');
  });

  test('GEXF, GraphML, VOSviewer, CSV, CSL-JSON and BibTeX download with the whole graph', async () => {
    const order = await graphOrder(page);
    const size = await page.evaluate(() => window.__coauthorAtlas.sigma.getGraph().size);
    const authors = await page.evaluate(() => window.__coauthorAtlas.sigma.getGraph().filterNodes((_n, a) => a.kind === 'author').length);

    const gexf = await download(page, 'GEXF 1.3 (Gephi)');
    assert.match(gexf.name, /\.gexf$/);
    const g = await parseXml(page, gexf.text, 'node');
    assert.deepEqual([g.ok, g.root, g.count], [true, 'gexf', order]);
    assert.match(gexf.text, /version="1\.3"/);
    assert.match(gexf.text, /<viz:position/);

    const graphml = await download(page, 'GraphML');
    const m = await parseXml(page, graphml.text, 'node');
    assert.deepEqual([m.ok, m.root, m.count], [true, 'graphml', order]);
    assert.equal((await parseXml(page, graphml.text, 'edge')).count, size);

    const vos = JSON.parse((await download(page, 'VOSviewer JSON')).text);
    assert.equal(vos.network.items.length, authors);
    for (const it of vos.network.items) {
      assert.ok(Number.isInteger(it.cluster) && it.cluster > 0 && typeof it.label === 'string' && Number.isFinite(it.x) && Number.isFinite(it.y));
    }
    const ids = new Set(vos.network.items.map((i) => i.id));
    assert.ok(vos.network.links.length > 0);
    for (const l of vos.network.links) assert.ok(ids.has(l.source_id) && ids.has(l.target_id) && l.strength > 0);

    const nodes = await download(page, 'CSV — nodes');
    assert.match(nodes.name, /nodes\.csv$/);
    assert.equal(nodes.text.trimEnd().split('\r\n').length, order + 1);
    const edges = await download(page, 'CSV — edges');
    const lines = edges.text.trimEnd().split('\r\n');
    assert.equal(lines.length, size + 1);
    assert.match(lines[0], /paperTitles/);
    assert.ok(
      lines.some((l) => /Llama 3/.test(l)),
      'shared paper titles are written',
    );

    const csl = JSON.parse((await download(page, 'CSL-JSON (papers)')).text);
    assert.equal(csl.length, 12);
    const bib = (await download(page, 'BibTeX (papers)')).text;
    assert.equal((bib.match(/^@\w+\{/gm) ?? []).length, 12);
    assert.deepEqual(errors, []);
  });

  test('SVG has one circle per node on screen and text as text', async () => {
    const expected = await page.evaluate(() => {
      const s = window.__coauthorAtlas.sigma;
      const { width, height } = s.getDimensions();
      return s.getGraph().filterNodes((n) => {
        const d = s.getNodeDisplayData(n);
        if (!d || d.hidden) return false;
        const p = s.framedGraphToViewport(d);
        const r = s.scaleSize(d.size);
        return p.x + r >= 0 && p.y + r >= 0 && p.x - r <= width && p.y - r <= height;
      }).length;
    });
    const svg = await download(page, 'SVG (what is on screen)');
    assert.match(svg.name, /\.svg$/);
    const x = await parseXml(page, svg.text, 'circle');
    assert.deepEqual([x.ok, x.root, x.count], [true, 'svg', expected]);
    assert.ok(x.texts > 5, 'labels, legend and caption are <text>');
    writeFileSync(join(RESULTS, 'export-view.svg'), svg.text);
  });

  test('PNG has the requested size, background and content', async () => {
    await exportButton(page).click();
    await page.getByRole('menuitem', { name: 'PNG image…' }).click();
    const dialog = page.getByRole('dialog', { name: /PNG image/ });
    await dialog.getByLabel('Area').selectOption('whole');
    await dialog.getByLabel('Width (px)').fill('1600');
    await dialog.getByLabel('Height (px)').fill('1000');
    const [dl] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download PNG' }).click()]);
    const png = PNG.sync.read(readFileSync(await dl.path()));
    writeFileSync(join(RESULTS, 'export-whole.png'), PNG.sync.write(png));
    assert.deepEqual([png.width, png.height], [1600, 1000]);
    assert.deepEqual([...png.data.subarray(0, 4)], [255, 255, 255, 255], 'white background');
    const ink = inkFraction(png);
    assert.ok(ink > 0.01 && ink < 0.9, `drawn content: ${ink}`);

    await exportButton(page).click();
    await page.getByRole('menuitem', { name: 'PNG image…' }).click();
    await dialog.getByLabel('Width (px)').fill('500');
    await dialog.getByLabel('Height (px)').fill('420');
    await dialog.getByLabel('Background').selectOption('transparent');
    await dialog.getByLabel('Legend').uncheck();
    await dialog.getByLabel(/Caption/).uncheck();
    const [dl2] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download PNG' }).click()]);
    const small = PNG.sync.read(readFileSync(await dl2.path()));
    assert.deepEqual([small.width, small.height], [500, 420]);
    let transparent = 0;
    for (let i = 3; i < small.data.length; i += 4) if (small.data[i] === 0) transparent++;
    assert.ok(transparent > small.width * small.height * 0.3, 'transparent background');
    assert.ok(transparent < small.width * small.height, 'something is drawn');
  });

  test('an author selection exports its ego network', async () => {
    const owner = await page.evaluate(() => window.__coauthorAtlas.sigma.getGraph().findNode((_n, a) => a.isOwner));
    const egoSize = await page.evaluate((n) => window.__coauthorAtlas.sigma.getGraph().neighbors(n).length + 1, owner);
    await page.goto(new URL(`?author=${encodeURIComponent(owner.slice(2))}`, BASE_URL).toString());
    await waitForGraph(page);
    await exportButton(page).click();
    const radio = page.getByRole('menuitemradio', { name: /^Ego network of/ });
    assert.equal(await radio.getAttribute('aria-checked'), 'true');
    await page.keyboard.press('Escape');
    const gexf = await download(page, 'GEXF 1.3 (Gephi)');
    assert.match(gexf.name, /-ego-/);
    assert.equal((await parseXml(page, gexf.text, 'node')).count, egoSize);
    const csv = await download(page, 'CSV — nodes');
    assert.equal(csv.text.trimEnd().split('\r\n').length, egoSize + 1);
    // Whole graph again from the same menu.
    await exportButton(page).click();
    await page.getByRole('menuitemradio', { name: 'Whole graph' }).click();
    await page.keyboard.press('Escape');
    const all = await download(page, 'GEXF 1.3 (Gephi)');
    assert.equal((await parseXml(page, all.text, 'node')).count, await graphOrder(page));
  });
});

/** `n` BibTeX entries with seeded random titles and authors (text that does not compress away). */
function randomBibtex(n) {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const word = (k) => Array.from({ length: k }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(rnd() * 26)]).join('');
  const name = () => `${word(7)}, ${word(6)}`;
  return Array.from(
    { length: n },
    (_, i) =>
      `@article{k${i},\n  author = {${name()} and ${name()} and ${name()}},\n  title = {${word(9)} ${word(8)} ${word(10)} ${word(7)}},\n  year = {${2000 + (i % 20)}}\n}\n`,
  ).join('\n');
}

describe('snapshots and share links', () => {
  test('a snapshot reopened on a fresh page shows the same picture', async () => {
    const { page: a } = await openApp(browser, '');
    const order = await graphOrder(a);
    const snap = await download(a, 'Snapshot (JSON)');
    assert.match(snap.name, /\.snapshot\.json$/);
    const file = join(tmpdir(), `atlas-${process.pid}.snapshot.json`);
    writeFileSync(file, snap.bytes);
    await quiet(a);
    const before = await graphShot(a, 'export-snapshot-before.png');

    const { page: b } = await openApp(browser, '?dataset=shown');
    assert.notEqual(await graphOrder(b), order);
    await b.getByLabel('Open snapshot').setInputFiles(file);
    await b.waitForFunction((n) => window.__coauthorAtlas.sigma.getGraph().order === n, order);
    await waitForGraph(b);
    await b.getByRole('status').filter({ hasText: 'Opened the snapshot' }).waitFor();
    await quiet(b);
    const restored = await graphShot(b, 'export-snapshot-after.png');
    const diff = meanDiff(before, restored);
    assert.ok(diff < 2, `mean pixel difference ${diff.toFixed(3)}`);
    await a.close();
    await b.close();
  });

  // Opening a #s= link replaces the graph while the first sigma is being set up (see sigmaAlive).
  test('a share link opened in a new page restores the view', async () => {
    const { page: a } = await openApp(browser, '?dataset=shown');
    await a
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'])
      .catch(() => {});
    await exportButton(a).click();
    await a.getByRole('menuitem', { name: 'Share link…' }).click();
    const link = await a.getByRole('textbox', { name: 'Share link' }).inputValue();
    assert.match(link, /#s=[A-Za-z0-9_-]+$/);
    await a.getByRole('button', { name: 'Close' }).click();
    await quiet(a);

    const before = await graphShot(a, 'export-share-before.png');

    const { page: b, errors: errB } = await openApp(browser, link.slice(link.indexOf('/', 8) + 1));
    await quiet(b);
    assert.deepEqual(errB, []);
    const after = await graphShot(b, 'export-share-after.png');
    const diff = meanDiff(before, after);
    assert.ok(diff < 2, `mean pixel difference ${diff.toFixed(3)}`);
    await b.close();
    await a.close();
  });

  test('a share link of a dataset too large says so and offers the file', async () => {
    // The embedded datasets travel by name; a big import lives only in this browser, so its link would carry its data.
    const { page: a } = await openApp(browser, '');
    await a.getByRole('button', { name: 'Import', exact: true }).click();
    await a.getByLabel('Import papers').setInputFiles({ name: 'big.bib', mimeType: 'text/plain', buffer: Buffer.from(randomBibtex(150)) });
    await a.getByRole('region', { name: 'Import report' }).getByText('Saved in this browser.').waitFor({ timeout: 60_000 });
    await a.keyboard.press('Escape');
    await a.waitForFunction(() => document.querySelector('.dataset-title')?.textContent === 'big.bib');
    await waitForGraph(a);
    await exportButton(a).click();
    await a.getByRole('menuitem', { name: 'Share link…' }).click();
    await a.getByRole('alert').filter({ hasText: 'too large for a link' }).waitFor();
    const [dl] = await Promise.all([a.waitForEvent('download'), a.getByRole('button', { name: 'Download the snapshot file' }).click()]);
    assert.match(dl.suggestedFilename(), /\.snapshot\.json$/);
    await a.close();
  });

  test('broken, unknown-version and script-carrying snapshots are refused and change nothing', async () => {
    const { page } = await openApp(browser, '?dataset=shown');
    const good = await download(page, 'Snapshot (JSON)');
    await quiet(page);
    const base = JSON.parse(good.text);
    const state = () =>
      page.evaluate(() => {
        const s = window.__coauthorAtlas.sigma;
        return { order: s.getGraph().order, camera: s.getCamera().getState(), url: location.href };
      });
    const start = await state();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const cases = {
      'wrong-types': { ...base, camera: { ...base.camera, x: 'left' }, options: { ...base.options, hyperauthorCap: '25' } },
      'unknown-version': { ...base, version: 7 },
      script: { ...base, onload: '<script>alert(1)</script>' },
      'script-in-dataset': { ...base, dataset: { ...base.dataset, html: '<script>alert(document.cookie)</script>' } },
    };
    for (const [name, value] of Object.entries(cases)) {
      const file = join(tmpdir(), `atlas-${process.pid}-${name}.json`);
      writeFileSync(file, JSON.stringify(value));
      await page.getByLabel('Open snapshot').setInputFiles(file);
      const alert = page.getByRole('alert').filter({ hasText: 'not a valid snapshot' });
      await alert.waitFor();
      const text = await alert.textContent();
      if (name === 'unknown-version') assert.match(text, /unsupported version 7/);
      if (name === 'wrong-types') assert.match(text, /\$\.camera\.x: not a finite number/);
      if (name.startsWith('script')) assert.match(text, /unknown key/);
      assert.deepEqual(await state(), start, `${name}: nothing changed`);
      await quiet(page);
    }
    // Not JSON at all (an HTML page).
    const html = join(tmpdir(), `atlas-${process.pid}.html.json`);
    writeFileSync(html, '<html><script>alert(1)</script></html>');
    await page.getByLabel('Open snapshot').setInputFiles(html);
    await page.getByRole('alert').filter({ hasText: 'not JSON' }).waitFor();
    assert.deepEqual(await state(), start);
    assert.equal(dialogs, 0, 'nothing was executed');
    await page.close();
  });
});
