/** Colour and size lenses: pure maps from node id to colour / size, with a legend for colours. */
import { interpolateCividis, scaleSequential, scaleSqrt } from 'd3';
import { OKABE_ITO, OTHER_COLOUR } from '../graph/palette';
import { OWNER_BOOST, paperSizeScale } from '../graph/display';
import type { LensView, LensState } from './types';
import { actorKind, nodePaperIds, type FilterResult, type LensGraph } from './filters';
import { overlayColours } from './overlay';
import type { Paper } from '../model/types';

/** What the overlay colours read: each actor's (kept) papers, and a paper by id. */
export interface OverlayInput {
  papersOf?: (node: string) => readonly string[];
  paperOf: (id: string) => Paper | undefined;
}
import { colourByScore, scoreOf, weightOf, weightValues } from './mapMeasures';

const NONE_COLOUR = '#c7c7c7';

export interface Colouring {
  colors: Map<string, string>;
  legend: NonNullable<LensView['colorLegend']>;
}

/** null for 'community' (the display graph's own colours). */
export function colourNodes(graph: LensGraph, colorBy: LensState['colorBy'], authors: string[], overlayInput?: OverlayInput): Colouring | null {
  if (colorBy === 'community') return null;
  // A cluster overview has no author nodes: the year and citation colours colour its clusters, by their authors'
  // papers (distinct) and years active (buildClusterOverview keeps them on each cluster).
  const byYearOrPapers = colorBy === 'firstYear' || colorBy === 'lastYear' || colorBy === 'avgYear' || colorBy === 'citations';
  const actors = authors.length || !byYearOrPapers ? authors : graph.filterNodes((_n, a) => a.kind === 'cluster');
  if (colorBy === 'affiliation') return colourByAffiliation(graph, actors);
  if (colorBy === 'avgYear' || colorBy === 'citations') {
    const paperOf = overlayInput?.paperOf ?? (() => undefined);
    return overlayColours(colorBy, actors, overlayInput?.papersOf ?? ((n) => nodePaperIds(graph.getNodeAttributes(n))), paperOf);
  }
  const score = scoreOf(colorBy);
  if (score !== undefined) return colourByScore(graph, score, actors);
  const yearOf = (n: string) => {
    const a = graph.getNodeAttributes(n);
    return a.kind === 'author' || a.kind === 'cluster' ? (colorBy === 'firstYear' ? a.firstYear : a.lastYear) : undefined;
  };
  const years = actors.map(yearOf).filter((y): y is number => y !== undefined);
  const colors = new Map<string, string>();
  const label = colorBy === 'firstYear' ? 'First year active' : 'Last year active';
  if (!years.length) {
    for (const n of actors) colors.set(n, NONE_COLOUR);
    return { colors, legend: { label, stops: [{ value: 'unknown', color: NONE_COLOUR }] } };
  }
  // A loop, not Math.min(...years): spreading 200k values overflows the stack.
  const lo = years.reduce((m, y) => Math.min(m, y), Infinity);
  const hi = years.reduce((m, y) => Math.max(m, y), -Infinity);
  // Cividis: sequential and readable with every common colour-vision deficiency.
  const scale = scaleSequential(interpolateCividis).domain([lo, Math.max(hi, lo + 1)]);
  for (const n of actors) {
    const y = yearOf(n);
    colors.set(n, y === undefined ? NONE_COLOUR : scale(y));
  }
  // At most 9 stops, counted (not `y += step`, which never passes hi when y is so large that y + step === y).
  const step = Math.max(1, Math.ceil((hi - lo + 1) / 8));
  const stops = [];
  for (let i = 0; i <= 8 && lo + i * step <= hi; i++) stops.push({ value: String(lo + i * step), color: scale(lo + i * step) });
  if (stops[stops.length - 1].value !== String(hi)) stops.push({ value: String(hi), color: scale(hi) });
  if (years.length < actors.length) stops.push({ value: 'unknown', color: NONE_COLOUR });
  return { colors, legend: { label, stops } };
}

function colourByAffiliation(graph: LensGraph, actors: string[]): Colouring {
  const first = (n: string) => {
    const a = graph.getNodeAttributes(n);
    return a.kind === 'author' ? a.affiliations[0] : a.kind === 'affiliation' ? a.label : undefined;
  };
  const counts = new Map<string, number>();
  for (const n of actors) {
    const f = first(n);
    if (f) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const hue = new Map(ranked.slice(0, OKABE_ITO.length - 1).map(([f], i) => [f, OKABE_ITO[i]]));
  const colors = new Map<string, string>();
  for (const n of actors) {
    const f = first(n);
    colors.set(n, f === undefined ? NONE_COLOUR : (hue.get(f) ?? OTHER_COLOUR));
  }
  const stops = [...hue.entries()].map(([value, color]) => ({ value, color }));
  if (ranked.length > hue.size) stops.push({ value: 'other affiliations', color: OTHER_COLOUR });
  if (colors.size > [...counts.values()].reduce((s, c) => s + c, 0)) stops.push({ value: 'no affiliation given', color: NONE_COLOUR });
  return { colors, legend: { label: 'First affiliation', stops } };
}

/** Weighted degree over the visible edges, with the lens's recomputed weights. */
export function weightedDegrees(graph: LensGraph, filter: Pick<FilterResult, 'actors' | 'hiddenEdges' | 'edgeWeights'>): Map<string, number> {
  const out = new Map<string, number>();
  for (const n of filter.actors) {
    let w = 0;
    graph.forEachEdge(n, (e, a) => {
      if (filter.hiddenEdges.has(e) || a.kind === 'affiliation') return;
      w += filter.edgeWeights?.get(e) ?? a.weight;
    });
    out.set(n, w);
  }
  return out;
}

export type SizeValues = Map<string, number>;

/** The raw value each visible actor is sized by (metrics come from the worker; undefined until then). */
export function sizeValues(
  graph: LensGraph,
  sizeBy: LensState['sizeBy'],
  filter: FilterResult,
  metrics?: { betweenness: Record<string, number>; pagerank: Record<string, number> },
): SizeValues | undefined {
  const weight = weightOf(sizeBy);
  if (weight !== undefined) return weightValues(graph, weight, filter.actors);
  switch (sizeBy) {
    case 'papers':
      return new Map(filter.actors.map((n) => [n, filter.papersOf(n).length]));
    case 'coauthors':
      return new Map(filter.actors.map((n) => [n, filter.ties(n).size]));
    case 'weightedDegree':
      return weightedDegrees(graph, filter);
    case 'betweenness':
    case 'pagerank':
      if (!metrics) return undefined;
      return new Map(filter.actors.map((n) => [n, metrics[sizeBy][n] ?? 0]));
  }
}

/** Values → node sizes on the same square-root scale as the display graph's paper sizes. */
export function sizesFrom(values: SizeValues): Map<string, number> {
  let max = 0;
  for (const v of values.values()) max = Math.max(max, v);
  const scale = scaleSqrt()
    .domain([0, max || 1])
    .range([2.5, 13])
    .clamp(true);
  return new Map([...values].map(([n, v]) => [n, scale(v)]));
}

/**
 * Sizes for the papers a filter keeps, on the scale the display graph uses for all papers (the most prolific
 * author's count over the whole graph): a year range shrinks nodes, never rescales them to the few papers kept.
 */
export function keptPaperSizes(graph: LensGraph, kept: SizeValues): Map<string, number> {
  const kind = actorKind(graph);
  let max = 1;
  graph.forEachNode((_n, a) => {
    if (a.kind === kind) max = Math.max(max, nodePaperIds(a).length);
  });
  const scale = paperSizeScale(max);
  const owner = (n: string) => {
    const a = graph.getNodeAttributes(n);
    return a.kind === 'author' && a.isOwner;
  };
  return new Map([...kept].map(([n, v]) => [n, scale(v) + (owner(n) ? OWNER_BOOST : 0)]));
}
