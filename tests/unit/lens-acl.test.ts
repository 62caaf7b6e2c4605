// Lens cost on the ACL Anthology 2019 data (when present): timings are logged, never asserted;
// the counts are checked against the paper list.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAclFiles } from '../../src/import/acl';
import { buildGraph } from '../../src/graph/build';
import { toDisplayGraph } from '../../src/graph/display';
import { indexDataset } from '../../src/graph/dataIndex';
import { resolveDataset } from '../../src/graph/authors';
import { asLensGraph } from '../../src/lenses/filters';
import { filterGraph, metricsRequest, pathLens, styleLens } from '../../src/lenses/compose';
import { visiblePapers } from '../../src/lenses/papers';
import { tableRows } from '../../src/lenses/table';
import { buildClusterOverview } from '../../src/graph/overview';
import { overviewLens } from '../../src/lenses/overviewLens';
import { buildOverviewIndex, overviewLensFromIndex, overviewPathFromIndex } from '../../src/lenses/overviewIndex';
import { DEFAULT_LENS, type LensState } from '../../src/lenses/types';
import type { Dataset } from '../../src/model/types';

const dir = path.resolve(import.meta.dirname, '../../../shared/datasets/acl-anthology-2019');
const present = existsSync(path.join(dir, 'xml'));
if (!present) console.log(`ACL Anthology data not found at ${dir}: lens timings skipped.`);

(present ? describe : describe.skip)('lenses on ACL Anthology 2019', () => {
  it('filters, paths, styles and table rows: timings per lens', () => {
    const files = readdirSync(path.join(dir, 'xml'))
      .filter((f) => f.endsWith('.xml'))
      .map((name) => ({ name, text: readFileSync(path.join(dir, 'xml', name), 'utf8') }));
    const parsed = parseAclFiles(files);
    const dataset: Dataset = { id: 'acl', title: 'ACL', papers: parsed.papers, aliases: [] };
    const resolved = resolveDataset(dataset);
    const index = indexDataset(dataset, resolved);
    const source = buildGraph(dataset, {}, resolved);
    const display = toDisplayGraph(source, 'light');
    const graph = asLensGraph(display);
    console.log(`ACL graph: ${display.order} nodes, ${display.size} edges`);
    const time = <T>(label: string, f: () => T): T => {
      const t0 = performance.now();
      const r = f();
      console.log(`  ${label}: ${Math.round(performance.now() - t0)} ms`);
      return r;
    };
    const lens = (l: Partial<LensState>): LensState => ({ ...DEFAULT_LENS, ...l });
    const years = lens({ years: [2015, 2016] });
    const papers = time('visiblePapers 2015–2016', () => visiblePapers(dataset.papers, years));
    expect(papers!.size).toBe(dataset.papers.filter((p) => p.year === 2015 || p.year === 2016).length);
    const none = time('applyFilters (no filter)', () => filterGraph(graph, index, null, 'full', {}));
    const ranged = time('applyFilters years', () => filterGraph(graph, index, papers, 'full', {}));
    time('applyFilters years + min shared 2', () => filterGraph(graph, index, papers, 'full', { minShared: 2 }));
    const lcc = time('applyFilters largest component', () => filterGraph(graph, index, null, 'full', { largestComponent: true }));
    const a = lcc.actors[0];
    const b = lcc.actors[lcc.actors.length - 1];
    time('applyFilters ego depth 2', () => filterGraph(graph, index, null, 'full', {}, { node: a, depth: 2 }));
    time('path (two ends of the largest component)', () => pathLens(graph, lcc, [a.slice(2), b.slice(2)], index));
    time('colour by first year', () => styleLens({ graph, filter: none, papersFiltered: false, colorBy: 'firstYear', sizeBy: 'papers' }));
    time('size by coauthors', () => styleLens({ graph, filter: none, papersFiltered: false, colorBy: 'community', sizeBy: 'coauthors' }));
    time('size by weighted degree (years)', () => styleLens({ graph, filter: ranged, papersFiltered: true, colorBy: 'community', sizeBy: 'weightedDegree' }));
    time('metrics request (main thread part)', () => metricsRequest(graph, none, 1));
    time('table rows', () => tableRows(graph, none, index));
    // The default view of ACL is its cluster overview: there the lenses run over the whole graph, summed per cluster.
    const overview = buildClusterOverview(source);
    const opts = { counting: 'full' as const, paperSize: (p: string) => index.authorsOf(p).length };
    const ov = time('overview: years 2015–2016', () => overviewLens(source, overview, papers, {}, opts))!;
    const authorsInRange = new Set(resolved.papers.filter((p) => p.paper.year === 2015 || p.paper.year === 2016).flatMap((p) => p.authorKeys));
    expect([...ov.kept.values()].reduce((x, y) => x + y, 0)).toBe(authorsInRange.size);
    time('overview: min papers 5', () => overviewLens(source, overview, null, { minPapers: 5 }, opts));
    time('overview: years + largest component', () => overviewLens(source, overview, papers, { largestComponent: true }, opts));
    // What the app runs: the compact index is built once in the worker that builds the graph.
    const ix = time('overview index (built in the worker)', () => buildOverviewIndex(source, overview, opts.paperSize));
    const fast = time('overview from the index: years 2015–2016', () => overviewLensFromIndex(ix, papers, {}, 'full'))!;
    expect(fast.kept).toEqual(ov.kept);
    time('overview from the index: min papers 5', () => overviewLensFromIndex(ix, null, { minPapers: 5 }, 'full'));
    time('overview from the index: years + largest component', () => overviewLensFromIndex(ix, papers, { largestComponent: true }, 'full'));
    // Top N by total link strength on ACL: the graph pass (reference) against the index, same authors kept.
    const topRef = time('overview: top 300 by total link strength', () => overviewLens(source, overview, null, { minPapers: 3, topStrength: 300 }, opts))!;
    const topFast = time('overview from the index: top 300 by total link strength', () =>
      overviewLensFromIndex(ix, null, { minPapers: 3, topStrength: 300 }, 'full'),
    )!;
    expect(topFast.kept).toEqual(topRef.kept);
    const far = [lcc.actors[0].slice(2), lcc.actors[lcc.actors.length - 1].slice(2)] as [string, string];
    const name = (k: string) => index.author(k)?.label ?? k;
    const first = time('overview path, first (adjacency built)', () => overviewPathFromIndex(ix, null, {}, far, name));
    time('overview path, again', () => overviewPathFromIndex(ix, null, {}, far, name));
    time('overview path, years 2015–2016', () => overviewPathFromIndex(ix, papers, {}, far, name));
    expect(first.path?.nodes).toEqual(pathLens(graph, lcc, far, index).path?.nodes);
  }, 300_000);
});
