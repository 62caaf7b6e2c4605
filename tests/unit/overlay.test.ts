import { describe, expect, it } from 'vitest';
import { interpolateViridis } from 'd3';
import { averageYear, citationSum, hasCitations, overlayColours } from '../../src/lenses/overlay';
import { colourNodes } from '../../src/lenses/style';
import { asLensGraph } from '../../src/lenses/filters';
import { readLensState, writeLensState } from '../../src/lenses/url';
import { DEFAULT_LENS } from '../../src/lenses/types';
import { buildGraph } from '../../src/graph/build';
import { authorNodeId } from '../../src/graph/types';
import type { Dataset, Paper } from '../../src/model/types';

// p1 2010 cited 10, p2 2014 cited 0, p3 2019 (no count), p4 (no year) cited 5.
const papers: Paper[] = [
  { id: 'p1', title: 'One', authors: [{ name: 'Ann Lee' }, { name: 'Bo Chen' }], truncated: false, year: 2010, citations: 10 },
  { id: 'p2', title: 'Two', authors: [{ name: 'Ann Lee' }, { name: 'Cy Diaz' }], truncated: false, year: 2014, citations: 0 },
  { id: 'p3', title: 'Three', authors: [{ name: 'Cy Diaz' }, { name: 'Di Evans' }], truncated: false, year: 2019 },
  { id: 'p4', title: 'Four', authors: [{ name: 'Ed Fox' }, { name: 'Bo Chen' }], truncated: false, citations: 5 },
];
const byId = new Map(papers.map((p) => [p.id, p]));
const paperOf = (id: string) => byId.get(id);
// Each author's papers, by hand.
const papersOf: Record<string, string[]> = { ann: ['p1', 'p2'], bo: ['p1', 'p4'], cy: ['p2', 'p3'], di: ['p3'], ed: ['p4'] };

describe('average publication year and citations per author (hand-computed)', () => {
  it('averages the years of the papers that have one', () => {
    expect(averageYear(papersOf.ann, paperOf)).toBe(2012); // (2010 + 2014) / 2
    expect(averageYear(papersOf.bo, paperOf)).toBe(2010); // p4 has no year
    expect(averageYear(papersOf.cy, paperOf)).toBe(2016.5); // (2014 + 2019) / 2
    expect(averageYear(papersOf.di, paperOf)).toBe(2019);
    expect(averageYear(papersOf.ed, paperOf)).toBeUndefined();
    expect(averageYear(['x', 'y'], (id) => (id === 'x' ? { date: '2001-05-01' } : { year: 2004, date: '1999' }))).toBe(2002.5); // a date's year when no year
  });

  it('sums the citations of the papers whose count is known', () => {
    expect(citationSum(papersOf.ann, paperOf)).toBe(10); // 10 + 0
    expect(citationSum(papersOf.bo, paperOf)).toBe(15); // 10 + 5
    expect(citationSum(papersOf.cy, paperOf)).toBe(0); // 0 + unknown
    expect(citationSum(papersOf.di, paperOf)).toBeUndefined();
    expect(citationSum(papersOf.ed, paperOf)).toBe(5);
  });

  it('says whether the data has citation counts at all', () => {
    expect(hasCitations(papers)).toBe(true);
    expect(hasCitations(papers.map((p) => ({ ...p, citations: undefined })))).toBe(false);
  });
});

describe('overlay colours on a viridis ramp, with a legend', () => {
  const actors = Object.keys(papersOf);
  const of = (n: string) => papersOf[n];

  it('average year: earliest average at the ramp’s start, latest at its end, unknown in grey', () => {
    const { colors, legend } = overlayColours('avgYear', actors, of, paperOf);
    expect(colors.get('bo')).toBe(interpolateViridis(0)); // 2010
    expect(colors.get('di')).toBe(interpolateViridis(1)); // 2019
    expect(colors.get('ann')).toBe(interpolateViridis((2012 - 2010) / 9));
    expect(colors.get('ed')).toBe('#c7c7c7');
    expect(legend.label).toBe('Average publication year');
    expect(legend.stops[0]).toEqual({ value: '2010', color: interpolateViridis(0) });
    expect(legend.stops.at(-2)).toEqual({ value: '2019', color: interpolateViridis(1) });
    expect(legend.stops.at(-1)?.value).toBe('unknown');
    expect(legend.stops).toHaveLength(7); // six steps of the range, and unknown
  });

  it('citations: a log ramp (log(1 + c)) from the fewest to the most', () => {
    const { colors, legend } = overlayColours('citations', actors, of, paperOf);
    expect(colors.get('cy')).toBe(interpolateViridis(0)); // 0
    expect(colors.get('bo')).toBe(interpolateViridis(1)); // 15
    expect(colors.get('ed')).toBe(interpolateViridis(Math.log1p(5) / Math.log1p(15)));
    expect(colors.get('di')).toBe('#c7c7c7');
    expect(legend.stops[0].value).toBe('0');
    expect(legend.stops.at(-2)?.value).toBe('15');
  });

  it('no values at all: everyone grey, the legend says unknown', () => {
    const { colors, legend } = overlayColours('citations', ['di'], of, paperOf);
    expect(colors.get('di')).toBe('#c7c7c7');
    expect(legend.stops).toEqual([{ value: 'unknown', color: '#c7c7c7' }]);
  });
});

describe('the overlay lens on a built graph', () => {
  const dataset: Dataset = { id: 'overlay', title: 'Overlay', papers, aliases: [] };

  it('colours each author node by their own papers, independently of how the graph names them', () => {
    const graph = asLensGraph(buildGraph(dataset, { includeAffiliations: false }));
    const actors = graph.filterNodes((_n, a) => a.kind === 'author');
    const colouring = colourNodes(graph, 'avgYear', actors, { paperOf })!;
    const ann = actors.find((n) => graph.getNodeAttributes(n).label === 'Ann Lee')!;
    expect(ann.startsWith(authorNodeId(''))).toBe(true);
    expect(colouring.colors.get(ann)).toBe(interpolateViridis((2012 - 2010) / 9));
    expect(colouring.legend.stops[0].value).toBe('2010');
  });

  it('is kept in the URL', () => {
    for (const colorBy of ['avgYear', 'citations'] as const) {
      const search = writeLensState({ ...DEFAULT_LENS, colorBy }, '');
      expect(search).toBe(`?color=${colorBy}`);
      expect(readLensState(search).colorBy).toBe(colorBy);
    }
  });
});
