/**
 * Keyboard moves in the graph, as plain geometry (no sigma, no DOM): which neighbour an arrow key goes to,
 * and which node the keyboard starts on.
 */

export type Direction = 'left' | 'right' | 'up' | 'down';

export const ARROW_DIRECTIONS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/** A point on screen (viewport pixels: x grows to the right, y grows downwards). */
export interface ScreenPoint {
  id: string;
  x: number;
  y: number;
}

const UNIT: Record<Direction, [number, number]> = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] };

/**
 * The candidate an arrow key goes to from `from`: among those within 60° of the arrow's direction on screen, the one with
 * the smallest distance weighted by how far it is off that direction (a neighbour straight ahead wins over a nearer one
 * off to the side). Null when no candidate lies that way. Ties go to the smaller id, so the same screen gives the same move.
 */
export function pickInDirection(from: { x: number; y: number }, candidates: ScreenPoint[], direction: Direction): string | null {
  const [ux, uy] = UNIT[direction];
  let best: { id: string; score: number } | null = null;
  for (const c of candidates) {
    const dx = c.x - from.x;
    const dy = c.y - from.y;
    const dist = Math.hypot(dx, dy);
    if (dist < 1e-9) continue;
    const along = (dx * ux + dy * uy) / dist;
    // cos 60° = 0.5: further off than that, the key does not point at it.
    if (along < 0.5) continue;
    const score = dist * (2 - along);
    if (!best || score < best.score - 1e-9 || (Math.abs(score - best.score) <= 1e-9 && c.id < best.id)) best = { id: c.id, score };
  }
  return best?.id ?? null;
}

/** Where the keyboard starts: the selected node when there is one, otherwise the author with the most neighbours, then any node. */
export function startNode(nodes: { id: string; degree: number; isAuthor: boolean }[], selected: string | null): string | null {
  if (selected && nodes.some((n) => n.id === selected)) return selected;
  let best: { id: string; degree: number; isAuthor: boolean } | null = null;
  for (const n of nodes) {
    if (!best || (n.isAuthor && !best.isAuthor) || (n.isAuthor === best.isAuthor && (n.degree > best.degree || (n.degree === best.degree && n.id < best.id))))
      best = n;
  }
  return best?.id ?? null;
}
