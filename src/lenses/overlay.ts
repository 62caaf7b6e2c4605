/**
 * VOSviewer's overlay visualisation: each actor coloured by a score on a sequential viridis ramp (readable with every
 * common colour-vision deficiency): the average publication year of their papers, or the citations their papers have
 * (the sum of each paper's times cited, as OpenAlex `cited_by_count`, WoS `TC` and Scopus "Cited by" give it). Pure.
 */
import { interpolateViridis } from 'd3';
import type { Paper } from '../model/types';

export type OverlayKind = 'avgYear' | 'citations';

export const OVERLAY_LABELS: Record<OverlayKind, string> = { avgYear: 'Average publication year', citations: 'Citations' };

const NONE_COLOUR = '#c7c7c7';

type PaperOf = (id: string) => Pick<Paper, 'year' | 'date' | 'citations'> | undefined;

/** A paper's year, or its date's (as the graph reads it: `paperYear` in graph/authors.ts). */
function yearOf(p: Pick<Paper, 'year' | 'date'> | undefined): number | undefined {
  if (typeof p?.year === 'number' && Number.isFinite(p.year)) return p.year;
  const m = p?.date?.match(/^(\d{4})/);
  return m ? Number(m[1]) : undefined;
}

/** The mean year of the papers that have one (its `year`, else its date's year; undefined when none has). */
export function averageYear(paperIds: readonly string[], paperOf: PaperOf): number | undefined {
  let sum = 0;
  let n = 0;
  for (const id of paperIds) {
    const y = yearOf(paperOf(id));
    if (y !== undefined) {
      sum += y;
      n++;
    }
  }
  return n ? sum / n : undefined;
}

/** The sum of the papers' citations, over the papers whose count is known (undefined when none is). */
export function citationSum(paperIds: readonly string[], paperOf: PaperOf): number | undefined {
  let sum = 0;
  let known = false;
  for (const id of paperIds) {
    const c = paperOf(id)?.citations;
    if (typeof c === 'number' && Number.isFinite(c) && c >= 0) {
      sum += c;
      known = true;
    }
  }
  return known ? sum : undefined;
}

/** Does any paper carry a citation count? (Else the citation overlay is offered disabled, with this reason.) */
export const hasCitations = (papers: readonly Pick<Paper, 'citations'>[]) =>
  papers.some((p) => typeof p.citations === 'number' && Number.isFinite(p.citations));
export const NO_CITATIONS_REASON = 'no paper in this data has a citation count';

export interface Overlay {
  colors: Map<string, string>;
  legend: { label: string; stops: { value: string; color: string }[] };
}

/**
 * Colours actors by an overlay score: average year on a linear ramp from the earliest to the latest average; citations on
 * a log ramp (log(1 + c): counts are heavy-tailed, a linear ramp would paint nearly everyone the lowest colour). The
 * legend gives six values across the range (and "unknown" for actors without a value).
 */
export function overlayColours(kind: OverlayKind, actors: readonly string[], papersOf: (node: string) => readonly string[], paperOf: PaperOf): Overlay {
  const valueOf = kind === 'avgYear' ? averageYear : citationSum;
  const values = new Map<string, number | undefined>(actors.map((n) => [n, valueOf(papersOf(n), paperOf)]));
  const label = OVERLAY_LABELS[kind];
  const colors = new Map<string, string>();
  const known = [...values.values()].filter((v): v is number => v !== undefined);
  if (!known.length) {
    for (const n of actors) colors.set(n, NONE_COLOUR);
    return { colors, legend: { label, stops: [{ value: 'unknown', color: NONE_COLOUR }] } };
  }
  const toT = kind === 'citations' ? Math.log1p : (v: number) => v;
  const fromT = kind === 'citations' ? Math.expm1 : (t: number) => t;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of known) {
    lo = Math.min(lo, toT(v));
    hi = Math.max(hi, toT(v));
  }
  const colourAt = (t: number) => interpolateViridis(hi > lo ? (t - lo) / (hi - lo) : 0.5);
  for (const [n, v] of values) colors.set(n, v === undefined ? NONE_COLOUR : colourAt(toT(v)));
  const steps = hi > lo ? 5 : 0;
  const stops: { value: string; color: string }[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = lo + ((hi - lo) * i) / (steps || 1);
    const value = kind === 'citations' ? String(Math.round(fromT(t))) : yearText(t, fromT(hi) - fromT(lo));
    if (stops.at(-1)?.value !== value) stops.push({ value, color: colourAt(t) });
  }
  if (known.length < actors.length) stops.push({ value: 'unknown', color: NONE_COLOUR });
  return { colors, legend: { label, stops } };
}

/** 2015, 2015.5: one decimal when the averages span under 10 years (Number drops a trailing .0). */
const yearText = (y: number, span: number) => String(Number(y.toFixed(span >= 10 ? 0 : 1)));
