/**
 * Label placement without overlaps (pure: no sigma, no DOM). Candidates are taken priority first (the selected and
 * hovered nodes), then largest node first; a label is kept only when its box meets no box kept before it. Kept boxes
 * sit in a uniform grid of buckets, so each test looks at the few boxes in the cells the new box covers: the cost
 * grows with the labels considered (capped per frame), never with the graph or with all pairs.
 */

/** An axis-aligned box in viewport pixels. */
export interface LabelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelCandidate extends LabelBox {
  key: string;
  /** The node's drawn size: larger nodes are placed first. */
  size: number;
  /** Selected or hovered: placed before every other label, whatever it overlaps. */
  priority?: boolean;
}

export interface PlaceOptions {
  /** Most candidates examined per call (priority ones always are). */
  maxConsidered?: number;
  /** Bucket side in pixels; about a label's height or more. */
  cellSize?: number;
}

export const DEFAULT_MAX_CONSIDERED = 1500;
const DEFAULT_CELL = 48;

/** Do two boxes share any area? Boxes that only touch along an edge do not overlap. */
export const boxesOverlap = (a: LabelBox, b: LabelBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The order labels are tried in: priority first, then larger nodes, then the node key (deterministic). */
export function compareCandidates(a: LabelCandidate, b: LabelCandidate): number {
  if (Boolean(a.priority) !== Boolean(b.priority)) return a.priority ? -1 : 1;
  if (a.size !== b.size) return b.size - a.size;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** A grid of buckets holding the boxes placed so far. */
class BoxGrid {
  private cells = new Map<number, LabelBox[]>();
  constructor(private cell: number) {}

  private range(box: LabelBox) {
    const c = this.cell;
    return { x0: Math.floor(box.x / c), x1: Math.floor((box.x + box.width) / c), y0: Math.floor(box.y / c), y1: Math.floor((box.y + box.height) / c) };
  }

  // Cell coordinates are bounded in practice (viewport pixels); the key packs them into one number.
  private static key = (i: number, j: number) => i * 1_000_003 + j;

  hits(box: LabelBox): boolean {
    const { x0, x1, y0, y1 } = this.range(box);
    for (let i = x0; i <= x1; i++)
      for (let j = y0; j <= y1; j++) {
        const bucket = this.cells.get(BoxGrid.key(i, j));
        if (bucket) for (const other of bucket) if (boxesOverlap(box, other)) return true;
      }
    return false;
  }

  add(box: LabelBox) {
    const { x0, x1, y0, y1 } = this.range(box);
    for (let i = x0; i <= x1; i++)
      for (let j = y0; j <= y1; j++) {
        const k = BoxGrid.key(i, j);
        const bucket = this.cells.get(k);
        if (bucket) bucket.push(box);
        else this.cells.set(k, [box]);
      }
  }
}

/**
 * The labels to draw, in drawing order. Priority candidates are all kept; every other kept box overlaps no other
 * kept box. At most `maxConsidered` non-priority candidates are examined, largest first.
 */
export function placeLabels<C extends LabelCandidate>(candidates: readonly C[], options: PlaceOptions = {}): C[] {
  const maxConsidered = options.maxConsidered ?? DEFAULT_MAX_CONSIDERED;
  const grid = new BoxGrid(Math.max(4, options.cellSize ?? DEFAULT_CELL));
  const ordered = [...candidates].sort(compareCandidates);
  const placed: C[] = [];
  let considered = 0;
  for (const c of ordered) {
    if (!c.priority) {
      if (considered >= maxConsidered) break;
      considered++;
      if (!(c.width > 0 && c.height > 0) || grid.hits(c)) continue;
    }
    grid.add(c);
    placed.push(c);
  }
  return placed;
}
