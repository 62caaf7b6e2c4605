import { describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { parse as parseGexfGraphology } from 'graphology-gexf';
import { parse as parseGraphmlGraphology } from 'graphology-graphml';
import { DOMParser } from '@xmldom/xmldom';
import { XMLValidator } from 'fast-xml-parser';
import { writeGexf } from '../../src/export/gexf';
import { writeGraphml } from '../../src/export/graphml';
import { toVosviewerJson, validateVosviewerJson } from '../../src/export/vosviewer';
import { renderSvg } from '../../src/export/svg';
import { readGexf } from '../../src/graphfile/gexf';
import { readGraphml } from '../../src/graphfile/graphml';
import { readVosviewer } from '../../src/graphfile/vosviewer';
import { readGraphFile } from '../../src/graphfile';
import type { AtlasGraph } from '../../src/graph/types';
import { sampleGraph, sampleView, TRICKY_LABEL, VISIBLE_NODES } from '../fixtures/graphfile/sample';

const sortedNodes = (g: { nodes(): string[] }) => [...g.nodes()].sort();

/** Same nodes, same undirected edges with the same weights/kinds/paperIds, same author attributes. */
function expectSameGraph(read: AtlasGraph, source: AtlasGraph, nodes: string[]) {
  expect(sortedNodes(read)).toEqual([...nodes].sort());
  for (const n of nodes) {
    const a = read.getNodeAttributes(n);
    const b = source.getNodeAttributes(n);
    expect(a).toEqual(b);
  }
  const edges = (g: AtlasGraph) =>
    g
      .filterEdges((_e, _a, s, t) => nodes.includes(s) && nodes.includes(t))
      .map((e) => {
        const [s, t] = [g.source(e), g.target(e)].sort();
        const a = g.getEdgeAttributes(e);
        return `${s}--${t}:${a.kind}:${a.weight}:${a.paperIds.join(',')}`;
      })
      .sort();
  expect(edges(read)).toEqual(edges(source));
}

describe('GEXF export', () => {
  const graph = sampleGraph();
  const view = sampleView();
  const gexf = writeGexf(graph, view);

  it('is GEXF 1.3 with the viz namespace and well-formed XML', () => {
    expect(XMLValidator.validate(gexf)).toBe(true);
    expect(gexf).toContain('version="1.3"');
    expect(gexf).toContain('xmlns="http://gexf.net/1.3"');
    expect(gexf).toContain('xmlns:viz="http://gexf.net/1.3/viz"');
    expect(gexf).not.toContain('<script>');
  });

  it('reads back with graphology-gexf (xmldom DOMParser): nodes, weights, viz, attributes', () => {
    const doc = new DOMParser().parseFromString(gexf, 'application/xml');
    const g = parseGexfGraphology(Graph, doc as unknown as Document);
    expect(sortedNodes(g)).toEqual([...VISIBLE_NODES].sort());
    expect(g.hasNode('a:hidden person')).toBe(false);
    expect(g.size).toBe(4);
    const ada = g.getNodeAttributes('a:ada lovelace');
    expect(ada).toMatchObject({ label: 'Ada Lovelace', x: 1.5, y: -2.25, size: 12, color: '#e41a1c', kind: 'author', community: 0, isOwner: true });
    expect(ada.paperIds).toBe('p1|p2|p3');
    expect(ada.affiliations).toBe('Analytical Society|Royal Institution');
    expect(g.getNodeAttributes('a:zoe oneil')).toMatchObject({ label: TRICKY_LABEL, color: '#4daf4a', community: 1 });
    expect(g.getEdgeAttributes('e2')).toMatchObject({ weight: 0.5, paperIds: 'p2', kind: 'coauthor', color: '#bbbbbb', thickness: 1 });
    expect(g.getEdgeAttributes('e4')).toMatchObject({ weight: 1, kind: 'authorship' });
  });

  it('reads back with our DOM-free reader to the same Atlas graph', () => {
    const r = readGexf(gexf);
    if (!r.ok) throw new Error(r.error);
    expectSameGraph(r.graph, graph, VISIBLE_NODES);
    expect(r.view.nodes['a:ada lovelace']).toMatchObject({ x: 1.5, y: -2.25, size: 12, color: '#e41a1c' });
    expect(r.view.edges?.e1).toEqual({ color: '#aaaaaa', size: 3 });
    expect(r.warnings).toEqual([]);
  });

  it('works without a view (graph positions, default look)', () => {
    const r = readGexf(writeGexf(graph));
    if (!r.ok) throw new Error(r.error);
    expectSameGraph(r.graph, graph, graph.nodes());
    const r2 = readGraphml(writeGraphml(graph));
    if (!r2.ok) throw new Error(r2.error);
    expectSameGraph(r2.graph, graph, graph.nodes());
  });

  it('writes hidden nodes when asked', () => {
    const r = readGexf(writeGexf(graph, view, { includeHidden: true }));
    if (!r.ok) throw new Error(r.error);
    expectSameGraph(r.graph, graph, graph.nodes());
  });
});

describe('GraphML export', () => {
  const graph = sampleGraph();
  const view = sampleView();
  const graphml = writeGraphml(graph, view);

  it('is well-formed and escapes text', () => {
    expect(XMLValidator.validate(graphml)).toBe(true);
    expect(graphml).toContain('&lt;script&gt;');
    expect(graphml).not.toContain('<script>');
  });

  it('reads back with graphology-graphml: nodes, weights, positions, colours, attributes', () => {
    const doc = new DOMParser().parseFromString(graphml, 'application/xml');
    const g = parseGraphmlGraphology(Graph, doc as unknown as Document);
    expect(sortedNodes(g)).toEqual([...VISIBLE_NODES].sort());
    expect(g.size).toBe(4);
    expect(g.getNodeAttributes('a:ada lovelace')).toMatchObject({
      label: 'Ada Lovelace',
      x: 1.5,
      y: -2.25,
      size: 12,
      color: '#e41a1c',
      kind: 'author',
      community: 0,
      isOwner: true,
      paperIds: 'p1|p2|p3',
    });
    expect(g.getNodeAttributes('a:zoe oneil').label).toBe(TRICKY_LABEL);
    expect(g.getEdgeAttributes('e2')).toMatchObject({ weight: 0.5, kind: 'coauthor', paperIds: 'p2' });
  });

  it('reads back with our reader to the same Atlas graph', () => {
    const r = readGraphml(graphml);
    if (!r.ok) throw new Error(r.error);
    expectSameGraph(r.graph, graph, VISIBLE_NODES);
    expect(r.view.nodes['a:zoe oneil']).toMatchObject({ color: '#4daf4a', size: 5, x: -7.125, y: 3 });
    expect(r.warnings).toEqual([]);
  });
});

describe('VOSviewer JSON export', () => {
  const graph = sampleGraph();
  const view = sampleView();
  const json = toVosviewerJson(graph, view);

  it('has the documented shape and validates', () => {
    expect(validateVosviewerJson(json)).toMatchObject({ ok: true });
    // Authors only, visible only; ids are positive integers, clusters start at 1.
    expect(json.network.items.map((i) => i.label).sort()).toEqual(['Ada Lovelace', 'Charles Babbage', TRICKY_LABEL].sort());
    const ada = json.network.items.find((i) => i.label === 'Ada Lovelace')!;
    expect(ada).toMatchObject({ x: 1.5, y: -2.25, cluster: 1, weights: { Documents: 3, Links: 2, 'Total link strength': 2.5 } });
    expect(json.network.links).toHaveLength(3);
    for (const l of json.network.links!) expect(Number.isInteger(l.source_id)).toBe(true);
    // JSON round trip stays valid.
    expect(validateVosviewerJson(JSON.parse(JSON.stringify(json))).ok).toBe(true);
  });

  it('validator rejects broken maps with paths', () => {
    const bad = (o: unknown) => {
      const r = validateVosviewerJson(o);
      expect(r.ok).toBe(false);
      return r.ok ? [] : r.errors.join('\n');
    };
    expect(bad(null)).toContain('root');
    expect(bad({ network: {} })).toContain('network.items');
    expect(bad({ network: { items: [{ id: 1 }] } })).toContain('network.items[0].label');
    expect(
      bad({
        network: {
          items: [
            { id: 1, label: 'a' },
            { id: 1, label: 'b' },
          ],
        },
      }),
    ).toContain('duplicate');
    expect(bad({ network: { items: [{ id: 1, label: 'a', cluster: 0 }] } })).toContain('cluster');
    expect(bad({ network: { items: [{ id: 1, label: 'a', x: 1 }] } })).toContain('together');
    expect(bad({ network: { items: [{ id: 1, label: 'a', weights: { Documents: 'x' } }] } })).toContain('weights');
    expect(bad({ network: { items: [{ id: 1, label: 'a' }], links: [{ source_id: 1, target_id: 2 }] } })).toContain('no item with id 2');
  });

  it('reads back with our reader', () => {
    const r = readVosviewer(JSON.stringify(json));
    if (!r.ok) throw new Error(r.error);
    // VOSviewer carries no paper ids: check structure, positions, clusters and strengths.
    expect(r.graph.order).toBe(3);
    expect(r.graph.size).toBe(3);
    expect(r.graph.getNodeAttributes('a:ada lovelace')).toMatchObject({ kind: 'author', label: 'Ada Lovelace', x: 1.5, y: -2.25, community: 0 });
    const e = r.graph.edge('a:ada lovelace', 'a:charles babbage')!;
    expect(r.graph.getEdgeAttributes(e)).toMatchObject({ kind: 'coauthor', weight: 2 });
    expect(r.graph.getAttribute('communityCount')).toBe(2);
  });
});

describe('SVG export', () => {
  const graph = sampleGraph();
  const view = sampleView();
  const svg = renderSvg(graph, view, { title: 'Title <b>&</b>', caption: 'Made by "me"', legend: [{ label: 'Group <1>', color: '#e41a1c' }], labels: 'all' });
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');

  it('is a valid standalone SVG document', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(doc.documentElement.tagName).toBe('svg');
    expect(doc.documentElement.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(doc.getElementsByTagName('title')[0].textContent).toBe('Title <b>&</b>');
  });

  it('has exactly one circle per visible node and a line per visible edge', () => {
    const circles = Array.from(doc.getElementsByTagName('circle'));
    expect(circles.map((c) => c.getAttribute('data-node-id')).sort()).toEqual([...VISIBLE_NODES].sort());
    const lines = Array.from(doc.getElementsByTagName('line'))
      .map((l) => l.getAttribute('data-edge-id'))
      .sort();
    expect(lines).toEqual(['e1', 'e2', 'e3', 'e4']);
  });

  it('keeps label text as text', () => {
    expect(svg).not.toContain('<script');
    expect(doc.getElementsByTagName('script').length).toBe(0);
    const texts = Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent);
    expect(texts).toContain(TRICKY_LABEL);
    expect(texts).toContain('Group <1>');
  });

  it('fits graph coordinates inside the drawing area with y up', () => {
    const c = (id: string) =>
      doc.getElementsByTagName('circle') && Array.from(doc.getElementsByTagName('circle')).find((x) => x.getAttribute('data-node-id') === id)!;
    for (const el of Array.from(doc.getElementsByTagName('circle'))) {
      const cx = Number(el.getAttribute('cx'));
      expect(cx).toBeGreaterThanOrEqual(0);
      expect(cx).toBeLessThanOrEqual(1200);
    }
    // Ada (y=-2.25) is drawn below Charles (y=4).
    expect(Number(c('a:ada lovelace').getAttribute('cy'))).toBeGreaterThan(Number(c('a:charles babbage').getAttribute('cy')));
  });

  it('refuses hostile colours', () => {
    const v = sampleView();
    v.nodes['p:p3'].color = 'red" onload="alert(1)';
    const out = renderSvg(graph, v);
    expect(XMLValidator.validate(out)).toBe(true);
    expect(out).not.toContain('onload');
  });
});

describe('readGraphFile', () => {
  it('detects formats', () => {
    const graph = sampleGraph();
    const view = sampleView();
    expect(readGraphFile(writeGexf(graph, view))).toMatchObject({ ok: true, format: 'gexf' });
    expect(readGraphFile(writeGraphml(graph, view))).toMatchObject({ ok: true, format: 'graphml' });
    expect(readGraphFile(JSON.stringify(toVosviewerJson(graph, view)))).toMatchObject({ ok: true, format: 'vosviewer' });
    expect(readGraphFile('hello')).toMatchObject({ ok: false });
    expect(readGraphFile('<html></html>')).toMatchObject({ ok: false });
  });
});
