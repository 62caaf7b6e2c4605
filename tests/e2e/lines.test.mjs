// Lines drawn (VOSviewer's Max. lines): a graph of more links than auto's limit draws its strongest ones; the Lines
// control draws all or another number; counts and the hover keep every link.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, nodePosition, openApp, serveFiles, waitForGraph } from './browser.mjs';

const AUTHORS = 120;
const LINKS = 2600;

/** AUTHORS on a circle; LINKS links between them, each with its own weight (so "the strongest N" is one set). */
function makeGexf() {
  const nodes = [];
  for (let i = 0; i < AUTHORS; i++) {
    const a = (2 * Math.PI * i) / AUTHORS;
    nodes.push(`<node id="n${i}" label="Author ${i}"><viz:position x="${(500 * Math.cos(a)).toFixed(2)}" y="${(500 * Math.sin(a)).toFixed(2)}"/></node>`);
  }
  const links = [];
  for (let i = 0; i < AUTHORS && links.length < LINKS; i++)
    for (let j = i + 1; j < AUTHORS && links.length < LINKS; j++) {
      const k = links.length;
      // A permutation of 1..LINKS (1999 is prime to 2600): weights unrelated to the file order.
      links.push({ id: `e${k}`, s: `n${i}`, t: `n${j}`, w: ((k * 1999) % LINKS) + 1 });
    }
  const edges = links.map((l) => `<edge id="${l.id}" source="${l.s}" target="${l.t}" weight="${l.w}"/>`);
  const gexf = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3"><graph defaultedgetype="undirected">
<nodes>${nodes.join('')}</nodes><edges>${edges.join('')}</edges></graph></gexf>`;
  return { gexf, links };
}

/** The links sigma draws (not hidden after the reducers), as "source|target" pairs of the file's node ids. */
const drawnPairs = (page) =>
  page.evaluate(() => {
    const sigma = window.__coauthorAtlas.sigma;
    const g = sigma.getGraph();
    const out = [];
    g.forEachEdge((e, a, s, t) => {
      if (a.kind === 'coauthor' && !sigma.getEdgeDisplayData(e).hidden)
        out.push([g.getNodeAttribute(s, 'label'), g.getNodeAttribute(t, 'label')].sort().join('|'));
    });
    return out.sort();
  });

const pairOf = (l) => [`Author ${l.s.slice(1)}`, `Author ${l.t.slice(1)}`].sort().join('|');

describe('Lines drawn', () => {
  let browser;
  let server;
  const { gexf, links } = makeGexf();
  const strongest = (n) =>
    [...links]
      .sort((a, b) => b.w - a.w)
      .slice(0, n)
      .map(pairOf)
      .sort();
  before(async () => {
    server = await serveFiles({ '/dense.gexf': { body: gexf, type: 'application/xml' } });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('auto draws the strongest 2,000 of 2,600 links; all, 500 and the hover draw what they say', async () => {
    const { page, errors } = await openApp(browser, `?file=${encodeURIComponent(`${server.base}/dense.gexf`)}`);
    await page.waitForFunction((n) => window.__coauthorAtlas?.sigma.getGraph().size === n, LINKS, { timeout: 60_000 });
    await waitForGraph(page);
    const notes = page.locator('.lens-notes');

    // Auto: the 2,000 strongest by the file's weights, and the notice says so.
    assert.deepEqual(await drawnPairs(page), strongest(2000));
    await notes.filter({ hasText: 'Drawing the strongest 2,000 of 2,600 links' }).waitFor();
    // The counts keep every link.
    assert.equal(await page.locator('[data-count="links"]').first().textContent(), '2,600');
    await page.screenshot({ path: 'test-results/lines-auto.png' });

    // Hovering an author draws all of their links on the highlight layer, the ones left out of the picture included.
    const left = links.find((l) => !strongest(2000).includes(pairOf(l)) && l.s === 'n0');
    assert.ok(left, 'author 0 has a link that auto leaves out');
    const ink = async () => {
      const [p, q] = await Promise.all([nodePosition(page, (await nodeIdOf(page, left.s)).id), nodePosition(page, (await nodeIdOf(page, left.t)).id)]);
      return page.evaluate(
        ({ x, y }) => {
          const canvas = window.__coauthorAtlas.sigma.getCanvases().atlasHighlightEdges;
          const r = canvas.getBoundingClientRect();
          const ratio = canvas.width / r.width;
          const px = canvas.getContext('2d').getImageData(Math.round((x - r.left) * ratio) - 2, Math.round((y - r.top) * ratio) - 2, 5, 5).data;
          let alpha = 0;
          for (let i = 3; i < px.length; i += 4) alpha = Math.max(alpha, px[i]);
          return alpha;
        },
        { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 },
      );
    };
    assert.equal(await ink(), 0, 'no highlight before the hover');
    const a0 = await nodePosition(page, (await nodeIdOf(page, 'n0')).id);
    await page.mouse.move(a0.x, a0.y);
    await page.waitForFunction(() => document.querySelector('.atlas-sigma .sigma-container')?.classList.contains('atlas-dimmed') ?? true);
    await page.waitForTimeout(200);
    assert.ok((await ink()) > 0, 'the left-out link of the hovered author is drawn on the highlight layer');
    await page.mouse.move(5, 5);

    // All: every link, in the URL; the notice goes.
    await page.getByLabel('Lines drawn').selectOption('all');
    await page.waitForFunction((n) => {
      const s = window.__coauthorAtlas.sigma;
      return s.getGraph().filterEdges((e) => !s.getEdgeDisplayData(e).hidden).length === n;
    }, LINKS);
    assert.deepEqual(await drawnPairs(page), links.map(pairOf).sort());
    assert.match(page.url(), /[?&]lines=all(&|$)/);
    assert.equal(await notes.filter({ hasText: 'Drawing the strongest' }).count(), 0);

    // The strongest 500.
    await page.getByLabel('Lines drawn').selectOption('500');
    await page.waitForFunction(() => {
      const s = window.__coauthorAtlas.sigma;
      return s.getGraph().filterEdges((e) => !s.getEdgeDisplayData(e).hidden).length === 500;
    });
    assert.deepEqual(await drawnPairs(page), strongest(500));
    assert.match(page.url(), /[?&]lines=500(&|$)/);
    await notes.filter({ hasText: 'Drawing the strongest 500 of 2,600 links' }).waitFor();
    await page.screenshot({ path: 'test-results/lines-500.png' });
    assert.deepEqual(errors, []);
    await page.close();
  });
});

/** The app's node id of a file node (by its label "Author <n>"). */
function nodeIdOf(page, fileId) {
  return page.evaluate(
    (label) => {
      const g = window.__coauthorAtlas.sigma.getGraph();
      return { id: g.findNode((_n, a) => a.label === label) };
    },
    `Author ${fileId.slice(1)}`,
  );
}
