import { describe, expect, it } from 'vitest';
import Graph from 'graphology';
import { captionText, exportFileName, graphView, legendEntries, paperIdsOf, papersAmong, renderSvg, screenView, slug } from '../../src/export';
import { createSnapshot, validateSnapshot, withDatasetRef, type Selection } from '../../src/export/snapshot';
import { buildGraph } from '../../src/graph/build';
import { toDisplayGraph } from '../../src/graph/display';
import { summariseClusters } from '../../src/graph/clusters';
import { DEFAULT_BUILD_OPTIONS, type AtlasGraph } from '../../src/graph/types';
import { loadDataset } from './helpers';

const dataset = loadDataset('profile-shown.json');
const source = buildGraph(dataset, DEFAULT_BUILD_OPTIONS);
const display = toDisplayGraph(source, 'light') as unknown as AtlasGraph;

describe('export views', () => {
  it('graphView keeps positions, styles and full labels, and hides what is out of scope', () => {
    const first = display.nodes()[0];
    const view = graphView(display, new Set([first]));
    const a = display.getNodeAttributes(first) as unknown as { x: number; y: number; size: number; color: string; fullLabel: string };
    expect(view.nodes[first]).toEqual({ x: a.x, y: a.y, size: a.size, color: a.color, label: a.fullLabel, hidden: false });
    expect(Object.values(view.nodes).filter((v) => !v.hidden)).toHaveLength(1);
    expect(Object.keys(view.edges!)).toHaveLength(display.size);
    expect(Object.values(graphView(display).nodes).every((v) => !v.hidden)).toBe(true);
  });

  it('screenView hides nodes off screen, hidden or out of scope, and drops labels the renderer did not draw', () => {
    const data: Record<string, { x: number; y: number; size: number; color: string; label: string; hidden?: boolean; highlighted?: boolean }> = {
      in: { x: 10, y: 10, size: 4, color: '#123456', label: 'In' },
      edge: { x: -3, y: 50, size: 4, color: '#123456', label: 'Edge' },
      off: { x: -30, y: 50, size: 4, color: '#123456', label: 'Off' },
      hidden: { x: 20, y: 20, size: 4, color: '#123456', label: 'Hidden', hidden: true },
      lit: { x: 30, y: 30, size: 4, color: '#123456', label: 'Lit', highlighted: true },
      out: { x: 40, y: 40, size: 4, color: '#123456', label: 'Out' },
    };
    const view = screenView(Object.keys(data), (n) => data[n], {
      width: 100,
      height: 100,
      keep: new Set(['in', 'edge', 'off', 'hidden', 'lit']),
      labelled: new Set(['in']),
    });
    const visible = Object.entries(view.nodes)
      .filter(([, v]) => !v.hidden)
      .map(([k]) => k);
    expect(visible).toEqual(['in', 'edge', 'lit']);
    expect(view.nodes.in.label).toBe('In');
    expect(view.nodes.edge.label).toBe('');
    expect(view.nodes.lit).toMatchObject({ label: 'Lit', highlighted: true });
  });

  it('renderSvg in screen coordinates: one circle per visible node, dimming around the highlight', () => {
    const g: AtlasGraph = new Graph({ type: 'undirected' }) as AtlasGraph;
    for (const id of ['a', 'b', 'c']) g.addNode(id, { kind: 'author', label: id.toUpperCase(), community: 0, x: 0, y: 0 } as never);
    g.addUndirectedEdgeWithKey('a~b', 'a', 'b', { kind: 'coauthor', weight: 1, paperIds: [] });
    g.addUndirectedEdgeWithKey('b~c', 'b', 'c', { kind: 'coauthor', weight: 1, paperIds: [] });
    const svg = renderSvg(
      g,
      {
        nodes: {
          a: { x: 10, y: 10, size: 3, color: '#ff0000', label: 'A', highlighted: true },
          b: { x: 50, y: 50, size: 3, color: '#00ff00', label: 'B <&>', highlighted: true },
          c: { x: 90, y: 90, size: 3, color: '#0000ff', label: 'C' },
        },
      },
      { width: 100, height: 100, coordinates: 'screen', labels: 'all', highlightColor: '#c0392b', textColor: '#eeeeee' },
    );
    expect(svg.match(/<circle /g)).toHaveLength(3);
    expect(svg).toContain('cx="10" cy="10"');
    expect(svg).toMatch(/<g class="edges highlighted"[^>]*>\s*<line data-edge-id="a~b"[^>]*stroke="#c0392b"/);
    expect(svg).toMatch(/<circle data-node-id="c"[^>]*opacity="0.25"/);
    expect(svg).not.toMatch(/<circle data-node-id="a"[^>]*opacity/);
    expect(svg).toContain('B &lt;&amp;&gt;</text>');
    expect(svg).toContain('fill="#eeeeee"');
  });
});

describe('export scope helpers', () => {
  it('papers of nodes: authors give their papers, hubs their paper', () => {
    const owner = display.findNode((_n, a) => a.kind === 'author' && a.isOwner)!;
    const ids = paperIdsOf(display, [owner]);
    expect(ids.size).toBe(12);
    expect(papersAmong(dataset, new Set(['seed-01'])).map((p) => p.id)).toEqual(['seed-01']);
    expect(papersAmong(dataset, null)).toHaveLength(12);
  });

  it('legend lists the clusters present, largest first, with hubs and affiliations', () => {
    const clusters = summariseClusters(source);
    const entries = legendEntries(clusters, display, 'light', { max: 3 });
    expect(entries.slice(0, 3).map((e) => e.label)).toEqual(clusters.slice(0, 3).map((c) => `${c.name} (${c.size})`));
    expect(entries[3].label).toMatch(/^\d+ more clusters$/);
    const one = clusters[0];
    expect(legendEntries(clusters, display, 'dark', { keep: new Set(one.nodes) }).map((e) => e.label)[0]).toBe(`${one.name} (${one.size})`);
  });

  it('file names and captions', () => {
    const date = new Date('2025-03-04T05:06:07Z');
    expect(slug('Yuchen Hao — as the profile page shows it')).toBe('yuchen-hao-as-the-profile-page-shows-it');
    expect(slug('Élodie Ñúñez / ../../etc')).toBe('elodie-nunez-etc');
    expect(slug('***')).toBe('graph');
    expect(exportFileName('My Data', 'gexf', date)).toBe('coauthor-atlas-my-data-2025-03-04.gexf');
    expect(exportFileName('My Data', 'nodes.csv', date, 'ego-Ada Lovelace')).toBe('coauthor-atlas-my-data-ego-ada-lovelace-2025-03-04.nodes.csv');
    expect(captionText('Data', DEFAULT_BUILD_OPTIONS, date, 'Cluster 1')).toBe(
      'Data · Cluster 1 · full counting · hubs above 25 authors · with affiliations · 2025-03-04',
    );
  });
});

describe('snapshot selections and references', () => {
  const base = () =>
    createSnapshot({
      dataset,
      options: DEFAULT_BUILD_OPTIONS,
      merges: dataset.aliases,
      positions: {},
      camera: { x: 0.5, y: 0.5, ratio: 1, angle: 0 },
      filters: {},
      selection: null,
    });

  it('every app selection round-trips', () => {
    const selections: Selection[] = [
      { kind: 'author', key: 'yuchen hao' },
      { kind: 'pair', a: 'yuchen hao', b: 'liang luo' },
      { kind: 'paper', id: 'seed-01' },
      { kind: 'cluster', community: 3 },
      { kind: 'affiliation', node: 'f:meta' },
    ];
    for (const selection of selections) {
      const r = validateSnapshot(JSON.parse(JSON.stringify({ ...base(), selection })));
      expect(r.ok && r.snapshot.selection).toEqual(selection);
    }
    const bad = (selection: unknown) => {
      const r = validateSnapshot({ ...base(), selection });
      return r.ok ? '' : r.errors.join('\n');
    };
    expect(bad({ kind: 'cluster', community: -1 })).toContain('$.selection.community: less than 0');
    expect(bad({ kind: 'cluster', community: '1' })).toContain('$.selection.community: not a finite number');
    expect(bad({ kind: 'pair', a: 'x' })).toContain('$.selection.b: missing');
    expect(bad({ kind: 'author', id: 'x' })).toContain('$.selection.id: unknown key');
    expect(bad({ kind: 'edge' })).toContain('$.selection.kind');
  });

  it('script-like content is refused where the schema has no place for it, and kept as text where it has', () => {
    const s = base();
    const errs = (v: unknown) => {
      const r = validateSnapshot(v);
      return r.ok ? '' : r.errors.join('\n');
    };
    expect(errs({ ...s, onload: '<script>alert(1)</script>' })).toContain('$.onload: unknown key');
    expect(errs({ ...s, dataset: { ...s.dataset, script: '<script>alert(1)</script>' } })).toContain('$.dataset.script: unknown key');
    const r = validateSnapshot({ ...s, dataset: { ...s.dataset, title: 'Hi <script>alert(1)</script>' } });
    expect(r.ok && r.snapshot.dataset.title).toBe('Hi <script>alert(1)</script>');
  });

  it('a dataset reference keeps only the id and title', () => {
    const ref = withDatasetRef(base());
    expect(ref.datasetRef).toBe(dataset.id);
    expect(ref.dataset).toEqual({ id: dataset.id, title: dataset.title, papers: [], aliases: [] });
    expect(validateSnapshot(JSON.parse(JSON.stringify(ref))).ok).toBe(true);
    expect(validateSnapshot({ ...ref, datasetRef: '../x' }).ok).toBe(false);
  });
});
