import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readGexf, readGraphml, readVosviewer, readGraphFile, parseGexfList } from '../../src/graphfile';
import { splitList, joinList } from '../../src/export/xml';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/graphfile', name), 'utf8');

describe('GEXF reader (foreign files)', () => {
  it('reads a Gephi 1.2 file: viz rgba colours, sizes, positions, typed attributes, warnings', () => {
    const r = readGexf(fixture('gephi-1.2.gexf'), 'gephi');
    if (!r.ok) throw new Error(r.error);
    const g = r.graph;
    expect(g.type).toBe('undirected');
    expect(g.nodes().sort()).toEqual(['a:alan turing', 'a:grace hopper', 'a:kurt godel']);
    const grace = g.getNodeAttributes('a:grace hopper');
    expect(grace).toMatchObject({
      kind: 'author',
      label: 'Grace Hopper',
      authorKey: 'grace hopper',
      x: -12.5,
      y: 40.25,
      paperIds: ['w1', 'w2'],
      affiliations: ['Yale & Navy'],
    });
    expect(g.getNodeAttribute('a:kurt godel', 'label')).toBe('Kurt Gödel');
    // Communities 3 and 7 renumbered to 0 and 1.
    expect(grace.community).toBe(0);
    expect(g.getNodeAttribute('a:alan turing', 'community')).toBe(1);
    expect(g.getAttribute('communityCount')).toBe(2);
    expect(r.view.nodes['a:grace hopper']).toMatchObject({ size: 10.5, color: 'rgba(255,0,128,0.5)' });
    expect(r.view.nodes['a:alan turing'].color).toBe('rgb(0,0,255)');
    // Parallel edges 0-1 and 1-0 merged: 3 + 2.
    const e = g.edge('a:grace hopper', 'a:alan turing')!;
    expect(g.getEdgeAttributes(e)).toEqual({ kind: 'coauthor', weight: 5, paperIds: ['w1'] });
    expect(g.getEdgeAttributes(g.edge('a:alan turing', 'a:kurt godel')!).weight).toBe(1);
    expect(g.size).toBe(2);
    const w = r.warnings.join('\n');
    expect(w).toContain('no position');
    expect(w).toContain('self-loop');
    expect(w).toContain('missing nodes');
    expect(w).toContain('parallel edge');
  });

  it('parses GEXF 1.3 lists', () => {
    expect(parseGexfList('[a, "b, c", \'d\']')).toEqual(['a', 'b, c', 'd']);
    expect(parseGexfList('x|y')).toEqual(['x', 'y']);
    expect(parseGexfList('[]')).toEqual([]);
  });

  it('reports malformed XML with a line number and never throws', () => {
    const r = readGexf('<gexf version="1.3">\n<graph><nodes><node id="a"></nodes></graph></gexf>');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/line \d+/);
    expect(readGexf('<graphml/>')).toMatchObject({ ok: false });
    expect(readGexf('')).toMatchObject({ ok: false });
  });

  it('does not expand entity bombs', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE g [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<gexf version="1.3"><graph><nodes>${'<node id="x" label="&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"/>'.repeat(5)}</nodes></graph></gexf>`;
    const r = readGexf(bomb);
    if (r.ok) expect((r.graph.getNodeAttribute(r.graph.nodes()[0], 'label') as string).length).toBeLessThanOrEqual(2000);
    else expect(r.error).toBeTruthy();
  });
});

describe('GraphML reader (foreign files)', () => {
  it('reads yEd geometry, labels, fill colours, key defaults; directed edges become undirected', () => {
    const r = readGraphml(fixture('yed.graphml'));
    if (!r.ok) throw new Error(r.error);
    const g = r.graph;
    expect(g.nodes().sort()).toEqual(['a:david hilbert', 'a:emmy noether']);
    expect(g.getNodeAttributes('a:emmy noether')).toMatchObject({ label: 'Emmy Noether', x: 100, y: 50, community: 0 });
    expect(g.getNodeAttribute('a:david hilbert', 'community')).toBe(1);
    expect(r.view.nodes['a:emmy noether']).toMatchObject({ color: '#FFCC00', size: 15 });
    expect(g.getEdgeAttributes(g.edge('a:emmy noether', 'a:david hilbert')!)).toMatchObject({ kind: 'coauthor', weight: 4.5 });
    expect(r.warnings.join('\n')).toContain('directed edge(s) read as undirected');
  });
});

describe('VOSviewer reader (foreign files)', () => {
  it('reads items, links and clusters', () => {
    const r = readVosviewer(fixture('vosviewer-map.json'));
    if (!r.ok) throw new Error(r.error);
    const g = r.graph;
    // Keys follow src/model/names.ts: "Last, First" is read as "First Last".
    expect(g.nodes().sort()).toEqual(['a:a abbasi', 'a:p ahlgren', 'a:p albarran']);
    expect(g.getNodeAttributes('a:a abbasi')).toMatchObject({ label: 'abbasi, a', x: 0.1233, y: -0.452, community: 1 });
    expect(g.getNodeAttribute('a:p ahlgren', 'community')).toBe(0);
    expect(g.getEdgeAttributes(g.edge('a:a abbasi', 'a:p ahlgren')!).weight).toBe(2);
    expect(g.getEdgeAttributes(g.edge('a:p ahlgren', 'a:p albarran')!).weight).toBe(1);
    expect(r.warnings.join('\n')).toContain('no position');
  });

  it('refuses JSON that is not a map', () => {
    expect(readVosviewer('{"network": {"items": [{"id": 1}]}}')).toMatchObject({ ok: false, error: expect.stringContaining('label') });
    expect(readVosviewer('nope')).toMatchObject({ ok: false });
    expect(readGraphFile('{"format":"coauthor-atlas-snapshot","version":1}')).toMatchObject({ ok: false, error: expect.stringContaining('snapshot') });
  });
});

describe('list encoding', () => {
  it('joins and splits losslessly', () => {
    const items = ['a|b', 'c\\d', 'plain'];
    expect(splitList(joinList(items))).toEqual(items);
    expect(splitList('')).toEqual([]);
  });
});

describe('purity', () => {
  it('export and graphfile modules use no DOM and do not import sigma', () => {
    for (const dir of ['src/export', 'src/graphfile']) {
      for (const f of readdirSync(join(__dirname, '../..', dir))) {
        if (!f.endsWith('.ts')) continue;
        const src = readFileSync(join(__dirname, '../..', dir, f), 'utf8');
        expect(src, `${dir}/${f}`).not.toMatch(/from ['"]sigma|from ['"]@sigma|\bdocument\.\w|\bwindow\.\w|new DOMParser|XMLSerializer/);
      }
    }
  });
});
