/**
 * How many links are drawn (VOSviewer's "Max. lines"): of the coauthor links the lenses show, the strongest N are
 * drawn and the rest are left out of the picture only. Counts, tables, the layout and the hover (which draws every link
 * of the hovered node on its own layer) still see every link. Pure: no sigma.
 *
 * Each drawn line costs the renderer whatever the picture gains: past a few thousand, a frame in software WebGL (a
 * machine without a GPU, or a blocked one) takes hundreds of milliseconds and the lines make a solid mass. So by default
 * ('auto') a graph of up to AUTO_LINES links draws them all, and a bigger one (a field's cluster overview, a big
 * cluster) its strongest AUTO_LINES; the user chooses any other number, or all.
 */
import type { LensGraph } from './filters';

export const AUTO_LINES = 2000;
export const LINES_RANGE = { min: 1, max: 1_000_000 } as const;
/** A number of lines, or every line. Absent: auto. */
export type MaxLines = number | 'all';

export interface DrawnLines {
  /** The coauthor links drawn. */
  drawn: ReadonlySet<string>;
  /** The coauthor links the lenses show (drawn or not). */
  shown: number;
}

export interface LinesScope {
  hiddenNodes: ReadonlySet<string>;
  hiddenEdges: ReadonlySet<string>;
  /** The links' strengths as the lenses weigh them (normalised, or recounted by a filter); else each link's weight. */
  strengths?: ReadonlyMap<string, number>;
}

/** The limit a setting means for a graph: every line for 'all', AUTO_LINES for auto. */
export const linesLimit = (maxLines: MaxLines | undefined): number => (maxLines === 'all' ? Infinity : (maxLines ?? AUTO_LINES));

/**
 * The strongest `linesLimit(maxLines)` coauthor links among those shown; ties keep the graph's order (deterministic).
 * Null when every shown link is drawn.
 */
export function drawnLines(graph: LensGraph, scope: LinesScope, maxLines: MaxLines | undefined): DrawnLines | null {
  const limit = linesLimit(maxLines);
  const keys: string[] = [];
  const strength: number[] = [];
  graph.forEachEdge((edge, a, s, t) => {
    if (a.kind !== 'coauthor' || scope.hiddenEdges.has(edge) || scope.hiddenNodes.has(s) || scope.hiddenNodes.has(t)) return;
    keys.push(edge);
    strength.push(scope.strengths?.get(edge) ?? a.weight ?? 0);
  });
  if (keys.length <= limit) return null;
  // Array.prototype.sort is stable: equal strengths keep the graph's order.
  const order = keys.map((_k, i) => i).sort((i, j) => strength[j] - strength[i]);
  const drawn = new Set<string>();
  for (let i = 0; i < limit; i++) drawn.add(keys[order[i]]);
  return { drawn, shown: keys.length };
}

/** What the lens bar says when lines are left out. */
export const linesNote = (lines: DrawnLines) =>
  `Drawing the strongest ${lines.drawn.size.toLocaleString('en-US')} of ${lines.shown.toLocaleString('en-US')} links (Lines: all draws every one; a hovered author shows all of theirs).`;
