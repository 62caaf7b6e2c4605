// VOSviewer's overlay in Chromium: colour by average publication year, its legend, the scale in the exported SVG and PNG.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { launch, openApp, waitForGraph } from './browser.mjs';

const full = JSON.parse(readFileSync(new URL('../../data/profile-full.json', import.meta.url), 'utf8'));
const shots = new URL('../../test-results/', import.meta.url);
mkdirSync(shots, { recursive: true });

// Independent identity, from the raw lists: folded names after the alias list; the owner is on every paper.
const fold = (s) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const alias = new Map(full.aliases.map((a) => [fold(a.from), fold(a.to)]));
const key = (n) => alias.get(fold(n)) ?? fold(n);
/** Each author's average paper year, from the raw papers (a paper counted once per author). */
function averageYears() {
  const years = new Map();
  for (const p of full.papers) {
    const y = p.year ?? Number(p.date.slice(0, 4));
    for (const k of new Set([...p.authors.map((a) => key(a.name)), key(full.owner)])) years.set(k, [...(years.get(k) ?? []), y]);
  }
  return [...years.values()].map((ys) => ys.reduce((s, y) => s + y, 0) / ys.length);
}

describe('overlay: colour by average publication year', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('the legend gives the range of average years, the nodes take its colours, the exported SVG and PNG draw the scale', async () => {
    const { page, errors } = await openApp(browser);
    const colourBy = page.getByLabel('Colour by');
    // The embedded profile has no citation counts: the option says so and cannot be chosen.
    const citations = colourBy.locator('option[value="citations"]');
    assert.equal(await citations.isDisabled(), true);
    assert.match(await citations.textContent(), /no paper in this data has a citation count/);

    await colourBy.selectOption('avgYear');
    const legend = page.getByLabel('Colour legend: Average publication year');
    await legend.waitFor();
    const averages = averageYears();
    const lo = Math.min(...averages);
    const hi = Math.max(...averages);
    const text = (v) => String(Number(v.toFixed(hi - lo >= 10 ? 0 : 1)));
    const stops = await legend
      .locator('.lens-swatch')
      .evaluateAll((els) => els.map((e) => ({ value: e.parentElement.textContent.trim(), color: getComputedStyle(e).backgroundColor })));
    assert.equal(stops[0].value, text(lo), `legend starts at the earliest average (${lo})`);
    assert.equal(stops.at(-1).value, text(hi), `legend ends at the latest average (${hi})`);
    assert.ok(stops.length >= 2);
    assert.equal(new URL(page.url()).searchParams.get('color'), 'avgYear');

    // Author nodes drawn in the ramp's colours: several different ones, none left at its community colour.
    const drawn = await page.evaluate(() => {
      const s = window.__coauthorAtlas.sigma;
      const colours = new Set();
      s.getGraph().forEachNode((n, a) => {
        if (a.kind === 'author') colours.add(s.getNodeDisplayData(n).color);
      });
      return [...colours];
    });
    assert.ok(drawn.length >= 3, `several overlay colours (${drawn.length})`);
    await page.screenshot({ path: new URL('overlay-avg-year.png', shots).pathname });

    // SVG export: the legend is the scale (label and value per step, the on-page colours).
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'SVG (what is on screen)', exact: true }).click()]);
    const svg = readFileSync(await dl.path(), 'utf8');
    writeFileSync(new URL('overlay-avg-year.svg', shots), svg);
    const inSvg = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'application/xml');
      const g = doc.querySelector('g.legend');
      return { texts: [...g.querySelectorAll('text')].map((x) => x.textContent), fills: [...g.querySelectorAll('rect')].map((r) => r.getAttribute('fill')) };
    }, svg);
    assert.equal(inSvg.texts[0], `Average publication year: ${text(lo)}`);
    assert.equal(inSvg.texts.at(-1), `Average publication year: ${text(hi)}`);
    assert.equal(inSvg.texts.length, stops.length);
    const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    assert.deepEqual(
      inSvg.fills.map(rgb),
      stops.map((s) => s.color),
      'the SVG legend has the on-page colours',
    );

    // PNG export with its legend (looked at by eye in test-results/overlay-avg-year-export.png).
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('menuitem', { name: 'PNG image…' }).click();
    const dialog = page.getByRole('dialog', { name: /PNG image/ });
    const [png] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download PNG' }).click()]);
    writeFileSync(new URL('overlay-avg-year-export.png', shots), readFileSync(await png.path()));

    // Dark mode: the legend stays (and the screenshot shows it readable).
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await legend.waitFor();
    await page.screenshot({ path: new URL('overlay-avg-year-dark.png', shots).pathname });
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('colour by citations on an imported Web of Science file: sums of TC per author, on a legend from fewest to most', async () => {
    const { page, errors } = await openApp(browser);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByLabel('Import papers').setInputFiles(new URL('../fixtures/import/wos-plain.txt', import.meta.url).pathname);
    await page.getByRole('region', { name: 'Import report' }).waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => window.__coauthorAtlas?.sigma.getGraph().someNode((_n, a) => a.kind === 'author' && /Aad/.test(a.label)), null, {
      timeout: 60_000,
    });
    await page.keyboard.press('Escape');
    await waitForGraph(page);
    // By hand from the fixture's TC fields: Gómez, Müller, Zhang, Okafor 17; Aad, Abbott 120; Li 5 (+2 if one person); Chen 5; Brown 2.
    const colourBy = page.getByLabel('Colour by');
    assert.equal(await colourBy.locator('option[value="citations"]').isDisabled(), false);
    await colourBy.selectOption('citations');
    const legend = page.getByLabel('Colour legend: Citations');
    await legend.waitFor();
    const stops = await legend
      .locator('.lens-swatch')
      .evaluateAll((els) => els.map((e) => ({ value: e.parentElement.textContent.trim(), color: getComputedStyle(e).backgroundColor })));
    const known = stops.filter((s) => s.value !== 'unknown');
    assert.equal(known[0].value, '2');
    assert.equal(known.at(-1).value, '120');
    // The most cited authors take the ramp's top colour, the least cited its bottom.
    const colourOf = (name) =>
      page.evaluate((n) => {
        const s = window.__coauthorAtlas.sigma;
        const node = s.getGraph().findNode((_k, a) => a.kind === 'author' && a.label.includes(n));
        return s.getNodeDisplayData(node).color;
      }, name);
    const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    assert.equal(rgb(await colourOf('Aad')), known.at(-1).color);
    assert.equal(rgb(await colourOf('Brown')), known[0].color);
    await page.screenshot({ path: new URL('overlay-citations.png', shots).pathname });
    assert.deepEqual(errors, []);
    await page.close();
  });
});
