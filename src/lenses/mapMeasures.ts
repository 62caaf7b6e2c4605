/** Lenses over a map file's own measures (VOSviewer weights and scores): size by a weight, colour by a score. */
import { interpolateViridis, scaleSequential } from 'd3';
import type { LensGraph } from './filters';

export type WeightSize = `weight:${string}`;
export type ScoreColour = `score:${string}`;

const NONE_COLOUR = '#c7c7c7';
/** Names come from files: bounded, and read back from the URL only in this shape. */
// eslint-disable-next-line no-control-regex
const MEASURE_NAME = /^[^\u0000-\u001f]{1,80}$/;

const nameAfter = (prefix: string, value: string): string | undefined =>
  value.startsWith(prefix) && MEASURE_NAME.test(value.slice(prefix.length)) ? value.slice(prefix.length) : undefined;
/** The weight a `weight:<name>` size lens names (undefined for any other lens). */
export const weightOf = (sizeBy: string) => nameAfter('weight:', sizeBy);
/** The score a `score:<name>` colour lens names (undefined for any other lens). */
export const scoreOf = (colorBy: string) => nameAfter('score:', colorBy);

/** Each actor's value of one weight (0 where the file gives none, as VOSviewer reads a missing weight). */
export function weightValues(graph: LensGraph, weight: string, actors: string[]): Map<string, number> {
  return new Map(
    actors.map((n) => {
      const a = graph.getNodeAttributes(n);
      return [n, a.kind === 'author' ? Math.max(0, a.weights?.[weight] ?? 0) : 0];
    }),
  );
}

function legendValue(v: number, span: number): string {
  // Number(…) drops trailing zeros: 2008, not 2008.0.
  return String(Number(v.toFixed(span >= 20 ? 0 : span >= 2 ? 1 : 2)));
}

/** A sequential viridis ramp over one score (readable with every common colour-vision deficiency), with its legend. */
export function colourByScore(graph: LensGraph, score: string, actors: string[]) {
  const scoreOfNode = (n: string) => {
    const a = graph.getNodeAttributes(n);
    return a.kind === 'author' ? a.scores?.[score] : undefined;
  };
  const values = actors.map(scoreOfNode).filter((v): v is number => v !== undefined && Number.isFinite(v));
  const colors = new Map<string, string>();
  if (!values.length) {
    for (const n of actors) colors.set(n, NONE_COLOUR);
    return { colors, legend: { label: score, stops: [{ value: 'unknown', color: NONE_COLOUR }] } };
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  const scale = scaleSequential(interpolateViridis).domain([lo, hi > lo ? hi : lo + 1]);
  for (const n of actors) {
    const v = scoreOfNode(n);
    colors.set(n, v === undefined || !Number.isFinite(v) ? NONE_COLOUR : scale(v));
  }
  const steps = hi > lo ? 5 : 0;
  const stops = [];
  for (let i = 0; i <= steps; i++) {
    const v = lo + ((hi - lo) * i) / (steps || 1);
    stops.push({ value: legendValue(v, hi - lo), color: scale(v) });
  }
  if (values.length < actors.length) stops.push({ value: 'unknown', color: NONE_COLOUR });
  return { colors, legend: { label: score, stops } };
}
