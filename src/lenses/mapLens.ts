/**
 * The map lens (VOSviewer's map wizard and its normalisation): *top N authors by total link strength* on top of the
 * filters (minimum papers per author is the filters' own), then Links and total link strength of what is shown, and
 * the chosen normalisation's edge widths and layout weights. Pure; its state lives in the URL (`norm=`, `top=`,
 * `lines=`) and in snapshots (`filters.normalization`, `filters.topStrength`, `filters.maxLines`). How many lines are
 * drawn (VOSviewer's "Max. lines") is drawnLines.ts.
 */
import type { Counting } from '../graph/types';
import type { FilterResult, LensGraph } from './filters';
import { edgeWidths, layoutWeights, linkStrengths, normalisedWeights, topByStrength, type LinkStrength, type Normalization } from './linkStrength';
import { LINES_RANGE, type MaxLines } from './drawnLines';

export interface MapLensState {
  /** Absent: none. */
  normalization?: Exclude<Normalization, 'none'>;
  /** Keep only the N authors with the greatest total link strength. */
  topStrength?: number;
  /** How many of the strongest links are drawn (VOSviewer's "Max. lines"); absent: auto (drawnLines.ts). */
  maxLines?: MaxLines;
}

export const TOP_STRENGTH_RANGE = { min: 1, max: 1_000_000 } as const;
const NORM_PARAM: Record<Exclude<Normalization, 'none'>, string> = { association: 'association', fractionalization: 'fractionalization' };

const checkedNormalization = (v: unknown): MapLensState['normalization'] => (v === 'association' || v === 'fractionalization' ? v : undefined);
const checkedTop = (v: unknown) =>
  Number.isInteger(v) && (v as number) >= TOP_STRENGTH_RANGE.min && (v as number) <= TOP_STRENGTH_RANGE.max ? (v as number) : undefined;
const checkedLines = (v: unknown): MaxLines | undefined =>
  v === 'all' ? 'all' : Number.isInteger(v) && (v as number) >= LINES_RANGE.min && (v as number) <= LINES_RANGE.max ? (v as number) : undefined;

/** `norm=association|fractionalization`, `top=<N>`, `lines=<N>|all`; anything else is left out. */
export function readMapLens(params: URLSearchParams): MapLensState {
  const out: MapLensState = {};
  const norm = checkedNormalization(params.get('norm'));
  if (norm) out.normalization = norm;
  const top = params.get('top');
  const n = top !== null && /^\d{1,7}$/.test(top) ? checkedTop(Number(top)) : undefined;
  if (n) out.topStrength = n;
  const lines = params.get('lines');
  const maxLines = lines === 'all' ? 'all' : lines !== null && /^\d{1,7}$/.test(lines) ? checkedLines(Number(lines)) : undefined;
  if (maxLines) out.maxLines = maxLines;
  return out;
}

export function writeMapLens(state: MapLensState, params: URLSearchParams): void {
  params.delete('norm');
  params.delete('top');
  params.delete('lines');
  if (state.normalization) params.set('norm', NORM_PARAM[state.normalization]);
  if (state.topStrength) params.set('top', String(state.topStrength));
  if (state.maxLines) params.set('lines', String(state.maxLines));
}

/** What a snapshot keeps of the map lens (its `filters` object). */
export function mapLensToFilters(state: MapLensState): Record<string, unknown> {
  return {
    ...(state.normalization ? { normalization: state.normalization } : {}),
    ...(state.topStrength ? { topStrength: state.topStrength } : {}),
    ...(state.maxLines ? { maxLines: state.maxLines } : {}),
  };
}

/** A snapshot's `filters` → the map lens (unknown or out-of-range values dropped). */
export function mapLensFromFilters(filters: Record<string, unknown> | undefined): MapLensState {
  const out: MapLensState = {};
  const norm = checkedNormalization(filters?.normalization);
  if (norm) out.normalization = norm;
  const top = checkedTop(filters?.topStrength);
  if (top) out.topStrength = top;
  const lines = checkedLines(filters?.maxLines);
  if (lines) out.maxLines = lines;
  return out;
}

/** The filters' result with only the given authors kept among the visible ones (and their edges). */
export function keepOnly(graph: LensGraph, filter: FilterResult, keep: ReadonlySet<string>, note: string): FilterResult {
  const dropped = filter.actors.filter((n) => !keep.has(n));
  if (!dropped.length) return { ...filter, notes: [...filter.notes, note] };
  const hiddenNodes = new Set(filter.hiddenNodes);
  const hiddenEdges = new Set(filter.hiddenEdges);
  for (const n of dropped) {
    hiddenNodes.add(n);
    graph.forEachEdge(n, (e) => {
      hiddenEdges.add(e);
    });
  }
  const visible = (m: Map<string, unknown>) => {
    for (const k of m.keys()) if (hiddenNodes.has(k)) m.delete(k);
  };
  return {
    ...filter,
    hiddenNodes,
    hiddenEdges,
    actors: filter.actors.filter((n) => keep.has(n)),
    ties: (n) => {
      const t = new Map(filter.ties(n));
      visible(t);
      return t;
    },
    neighbours: (n) => {
      const t = new Map(filter.neighbours(n));
      visible(t);
      return t;
    },
    notes: [...filter.notes, note],
  };
}

export interface MapLensResult {
  filter: FilterResult;
  /** Links and total link strength of each shown author. */
  strengths: Map<string, LinkStrength>;
  /** Drawn widths and ForceAtlas2 weights of the shown coauthor edges (absent without normalisation). */
  edgeSizes?: Map<string, number>;
  layoutWeights?: Map<string, number>;
}

export function mapLens(
  graph: LensGraph,
  filter: FilterResult,
  state: MapLensState,
  counting: Counting,
  paperSize: (paperId: string) => number,
): MapLensResult {
  const scopeOf = (f: FilterResult) => ({ hiddenNodes: f.hiddenNodes, hiddenEdges: f.hiddenEdges, edgeWeights: f.edgeWeights, counting, paperSize });
  let shown = filter;
  let strengths = linkStrengths(graph, scopeOf(filter));
  if (state.topStrength && strengths.size > 0) {
    const top = topByStrength(strengths, state.topStrength);
    shown = keepOnly(graph, filter, top, `Top ${Math.min(state.topStrength, strengths.size)} of ${strengths.size} authors by total link strength.`);
    strengths = linkStrengths(graph, scopeOf(shown));
  }
  if (!state.normalization) return { filter: shown, strengths };
  const normalised = normalisedWeights(graph, state.normalization, scopeOf(shown), strengths)!;
  return { filter: shown, strengths, edgeSizes: edgeWidths(normalised), layoutWeights: layoutWeights(graph, normalised) };
}
