import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { interpolateViridis } from 'd3';
import { readGraphFile, readVosviewer } from '../../src/graphfile';
import { graphWorkspace } from '../../src/app/openFile';
import { applyNodeStyles, toDisplayGraph } from '../../src/graph/display';
import { legendEntries } from '../../src/export/scope';
import { colourNodes } from '../../src/lenses/style';
import { weightValues } from '../../src/lenses/mapMeasures';
import { readLensState, writeLensState } from '../../src/lenses/url';
import { DEFAULT_LENS } from '../../src/lenses/types';
import type { AtlasGraph } from '../../src/graph/types';

const text = (name: string) => readFileSync(join(__dirname, '../fixtures/graphfile', name), 'utf8');

interface Item {
  id: number;
  label: string;
  cluster: number;
  weights: Record<string, number>;
  scores: Record<string, number>;
}
const joi = JSON.parse(text('vosviewer-joi-map.json')) as { network: { items: Item[]; links: { source_id: number; target_id: number; strength: number }[] } };
const items = joi.network.items;

function read(): AtlasGraph {
  const r = readVosviewer(text('vosviewer-joi-map.json'), 'joi');
  if (!r.ok) throw new Error(r.error);
  expect(r.styled).toEqual({ color: false, size: false });
  return r.graph;
}
const nodeOf = (g: AtlasGraph, label: string) => g.findNode((_n, a) => a.label === label)!;

describe('VOSviewer map reader: clusters, weights, scores and info kept', () => {
  it('keeps every item, its weights and scores, and one community per file cluster', () => {
    const g = read();
    expect(g.order).toBe(items.length);
    for (const item of items) {
      const a = g.getNodeAttributes(nodeOf(g, item.label));
      expect(a.kind === 'author' && a.weights).toEqual(item.weights);
      expect(a.kind === 'author' && a.scores).toEqual(item.scores);
    }
    // Same file cluster ⇔ same community.
    const byCluster = new Map<number, Set<number>>();
    for (const item of items) {
      const c = g.getNodeAttribute(nodeOf(g, item.label), 'community');
      byCluster.set(item.cluster, (byCluster.get(item.cluster) ?? new Set()).add(c));
    }
    expect([...byCluster.values()].every((s) => s.size === 1)).toBe(true);
    expect(new Set([...byCluster.values()].map((s) => [...s][0])).size).toBe(byCluster.size);
    expect(g.getAttribute('communityCount')).toBe(4);
  });

  it('names its weights and scores in file order, and keeps title and description as plain text', () => {
    const map = read().getAttribute('fileMap')!;
    expect(map.weights).toEqual(['Documents', 'Citations', 'Links', 'Total link strength']);
    expect(map.scores).toEqual(['Avg. pub. year', 'Avg. citations']);
    expect(map.title).toBe('Journal of Informetrics co-authorship');
    expect(map.description).toBe('Co-authorship map of JOI authors & coauthors.');
  });

  it('maps the file cluster colours onto the renumbered communities', () => {
    const g = read();
    const map = g.getAttribute('fileMap')!;
    const communityOfCluster = (c: number) => g.getNodeAttribute(nodeOf(g, items.find((i) => i.cluster === c)!.label), 'community');
    expect(map.clusterColors).toEqual({ [communityOfCluster(1)]: '#d62728', [communityOfCluster(2)]: '#2ca02c', [communityOfCluster(3)]: '#1f77b4' });
  });

  it('reads weight<Name> keys where the weights object lacks the name', () => {
    const r = readVosviewer(text('vosviewer-map.json'));
    if (!r.ok) throw new Error(r.error);
    const a = r.graph.getNodeAttributes(nodeOf(r.graph, 'ahlgren, p'));
    expect(a.kind === 'author' && a.weights).toEqual({ Documents: 4, Citations: 40 });
  });
});

describe('VOSviewer map as drawn: cluster colours, sizes by the first weight, links by strength', () => {
  it('colours by the file colours, else the Okabe-Ito hue of the community', () => {
    const g = read();
    const d = toDisplayGraph(g, 'light');
    const expected: Record<number, string> = { 1: '#d62728', 2: '#2ca02c', 3: '#1f77b4', 4: '#CC79A7' };
    for (const item of items) expect(d.getNodeAttribute(nodeOf(g, item.label), 'color')).toBe(expected[item.cluster]);
  });

  it('sizes items in the order of their Documents', () => {
    const g = read();
    const d = toDisplayGraph(g, 'light');
    const size = (i: Item) => d.getNodeAttribute(nodeOf(g, i.label), 'size');
    for (const p of items) for (const q of items) if (p.weights.Documents > q.weights.Documents) expect(size(p)).toBeGreaterThan(size(q));
    expect(new Set(items.map(size)).size).toBeGreaterThan(5);
  });

  it('draws links wider with strength', () => {
    const g = read();
    const d = toDisplayGraph(g, 'light');
    const byLabel = new Map(items.map((i) => [i.id, i.label]));
    const width = (l: { source_id: number; target_id: number }) =>
      d.getEdgeAttribute(d.edge(nodeOf(g, byLabel.get(l.source_id)!), nodeOf(g, byLabel.get(l.target_id)!))!, 'size');
    const links = joi.network.links;
    for (const p of links) for (const q of links) if (p.strength > q.strength) expect(width(p)).toBeGreaterThan(width(q));
  });
});

describe('map lenses: size by a weight, colour by a score', () => {
  it('sizes by any weight the file has', () => {
    const g = read();
    const values = weightValues(g, 'Citations', g.nodes());
    for (const item of items) expect(values.get(nodeOf(g, item.label))).toBe(item.weights.Citations);
  });

  it('colours a score on viridis, lowest to highest, with a legend from min to max', () => {
    const g = read();
    const c = colourNodes(g, 'score:Avg. pub. year', g.nodes())!;
    const years = items.map((i) => i.scores['Avg. pub. year']);
    const lo = Math.min(...years);
    const hi = Math.max(...years);
    for (const item of items) {
      const t = (item.scores['Avg. pub. year'] - lo) / (hi - lo);
      expect(c.colors.get(nodeOf(g, item.label))).toBe(interpolateViridis(t));
    }
    expect(c.legend.label).toBe('Avg. pub. year');
    expect(c.legend.stops[0]).toEqual({ value: String(Number(lo.toFixed(1))), color: interpolateViridis(0) });
    expect(c.legend.stops[c.legend.stops.length - 1]).toEqual({ value: String(Number(hi.toFixed(1))), color: interpolateViridis(1) });
  });

  it('keeps weight and score lenses in the URL, and drops a malformed one', () => {
    const lens = { ...DEFAULT_LENS, sizeBy: 'weight:Total link strength', colorBy: 'score:Avg. pub. year' } as const;
    expect(readLensState(writeLensState(lens, ''))).toMatchObject({ sizeBy: 'weight:Total link strength', colorBy: 'score:Avg. pub. year' });
    expect(readLensState('?size=weight:&color=score:')).toMatchObject({ sizeBy: 'papers', colorBy: 'community' });
  });
});

const workspaceOf = (r: Extract<ReturnType<typeof readGraphFile>, { ok: true }>, name: string) =>
  graphWorkspace(
    { kind: 'graph', ok: true, format: r.format, view: r.view, warnings: r.warnings, positioned: r.positioned, styled: r.styled },
    { source: r.graph, clusters: [], overview: null },
    name,
  );

describe('graph file → workspace → display: only the styles a file gives are kept', () => {
  it('a VOSviewer map gets no default grey over its clusters, and its title and description', () => {
    const r = readGraphFile(text('vosviewer-joi-map.json'), 'joi.json');
    if (!r.ok) throw new Error(r.error);
    const ws = workspaceOf(r, 'joi.json');
    expect(Object.values(ws.nodeStyles ?? {}).filter((s) => s.color !== undefined || s.size !== undefined)).toEqual([]);
    const d = toDisplayGraph(r.graph, 'light');
    applyNodeStyles(d, ws.nodeStyles ?? {}, 'light');
    const colours = new Set(d.mapNodes((_n, a) => a.color));
    expect(colours).toEqual(new Set(['#d62728', '#2ca02c', '#1f77b4', '#CC79A7']));
    expect(ws.dataset.title).toBe('Journal of Informetrics co-authorship');
    expect(ws.dataset.description).toMatch(/^Co-authorship map of JOI authors & coauthors\. · VOSviewer graph file: 28 nodes, 61 edges\./);
  });

  it('a GEXF keeps its viz colours and sizes on the display graph', () => {
    const r = readGraphFile(text('gephi-1.2.gexf'), 'gephi.gexf');
    if (!r.ok) throw new Error(r.error);
    expect(r.styled).toEqual({ color: true, size: true });
    const ws = workspaceOf(r, 'gephi.gexf');
    const d = toDisplayGraph(r.graph, 'light');
    applyNodeStyles(d, ws.nodeStyles ?? {}, 'light');
    expect(d.getNodeAttributes('a:grace hopper')).toMatchObject({ color: 'rgba(255,0,128,0.5)', size: 10.5 });
    expect(d.getNodeAttribute('a:alan turing', 'color')).toBe('rgb(0,0,255)');
  });

  it('a GraphML keeps its colours and sizes on the display graph', () => {
    const r = readGraphFile(text('yed.graphml'), 'yed.graphml');
    if (!r.ok) throw new Error(r.error);
    const ws = workspaceOf(r, 'yed.graphml');
    const d = toDisplayGraph(r.graph, 'light');
    applyNodeStyles(d, ws.nodeStyles ?? {}, 'light');
    expect(d.getNodeAttributes('a:emmy noether')).toMatchObject({ color: '#FFCC00', size: 15 });
  });
});

describe('GraphML as Gephi writes it: r, g, b and size keys', () => {
  // GraphML primer: <key id attr.name attr.type for="node"/>, then <data key> in each node.
  const graphml = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="r" for="node" attr.name="r" attr.type="int"/>
  <key id="g" for="node" attr.name="g" attr.type="int"/>
  <key id="b" for="node" attr.name="b" attr.type="int"/>
  <key id="size" for="node" attr.name="size" attr.type="float"/>
  <key id="color" for="node" attr.name="color" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="n0"><data key="label">Ada Lovelace</data><data key="r">0</data><data key="g">114</data><data key="b">178</data><data key="size">12.5</data></node>
    <node id="n1"><data key="label">Charles Babbage</data><data key="color">#E69F00</data><data key="size">6</data></node>
    <edge source="n0" target="n1"/>
  </graph>
</graphml>`;

  it('draws those colours and sizes', () => {
    const r = readGraphFile(graphml, 'gephi.graphml');
    if (!r.ok) throw new Error(r.error);
    expect(r.styled).toEqual({ color: true, size: true });
    const d = toDisplayGraph(r.graph, 'light');
    applyNodeStyles(d, workspaceOf(r, 'gephi.graphml').nodeStyles ?? {}, 'light');
    expect(d.getNodeAttributes(nodeOf(r.graph, 'Ada Lovelace'))).toMatchObject({ color: '#0072b2', size: 12.5 });
    expect(d.getNodeAttributes(nodeOf(r.graph, 'Charles Babbage'))).toMatchObject({ color: '#E69F00', size: 6 });
  });
});

describe('exported picture legend of a map', () => {
  it('uses the file cluster colours, as the nodes do', () => {
    const g = read();
    const communityOf = (c: number) => g.getNodeAttribute(nodeOf(g, items.find((i) => i.cluster === c)!.label), 'community');
    const clusters = [1, 2, 3, 4].map((c) => ({ community: communityOf(c), name: `cluster ${c}`, size: 7 }));
    const entries = legendEntries(clusters, g, 'light');
    expect(entries.map((e) => e.color)).toEqual(['#d62728', '#2ca02c', '#1f77b4', '#CC79A7']);
  });
});
