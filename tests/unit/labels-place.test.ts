import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { boxesOverlap, placeLabels, type LabelCandidate } from '../../src/view/labels/placeLabels';

const box = (key: string, x: number, y: number, size: number, width = 60, height = 14, priority = false): LabelCandidate => ({
  key,
  x,
  y,
  width,
  height,
  size,
  priority,
});

/** Every pair, the slow way: the reference the grid index must agree with. */
function overlappingPairs(boxes: LabelCandidate[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
      if (!apart) pairs.push([a.key, b.key]);
    }
  return pairs;
}

function randomCandidates(n: number, seed: string): LabelCandidate[] {
  const rng = seedrandom(seed);
  return Array.from({ length: n }, (_, i) => box(`n${i}`, rng() * 1200, rng() * 800, 1 + rng() * 20, 20 + rng() * 140, 10 + rng() * 8));
}

describe('placeLabels', () => {
  it('keeps the larger of two overlapping labels and both of two apart', () => {
    const placed = placeLabels([box('small', 10, 10, 3), box('big', 40, 15, 9), box('far', 400, 10, 1)]);
    expect(placed.map((c) => c.key)).toEqual(['big', 'far']);
  });

  it('boxes that only touch along an edge both stay', () => {
    const placed = placeLabels([box('a', 0, 0, 5, 50, 10), box('b', 50, 0, 4, 50, 10), box('c', 0, 10, 3, 50, 10)]);
    expect(placed.map((c) => c.key)).toEqual(['a', 'b', 'c']);
  });

  it('on 2,000 random labels no two kept boxes intersect (checked pair by pair), and it drops only labels that met a kept one', () => {
    const candidates = randomCandidates(2000, 'labels');
    const placed = placeLabels(candidates, { maxConsidered: 5000 });
    expect(overlappingPairs(placed)).toEqual([]);
    expect(placed.length).toBeGreaterThan(50);
    expect(placed.length).toBeLessThan(candidates.length);
    const kept = new Set(placed.map((c) => c.key));
    for (const c of candidates) {
      if (kept.has(c.key)) continue;
      // Each dropped label meets a kept label at least as large (larger first).
      expect(placed.some((p) => boxesOverlap(p, c) && p.size >= c.size)).toBe(true);
    }
  });

  it('tries labels largest first: the kept ones are the greedy answer in size order', () => {
    const candidates = randomCandidates(400, 'order');
    const bySize = [...candidates].sort((a, b) => b.size - a.size);
    const greedy: LabelCandidate[] = [];
    for (const c of bySize) if (!greedy.some((g) => boxesOverlap(g, c))) greedy.push(c);
    expect(placeLabels(candidates, { maxConsidered: 1000 }).map((c) => c.key)).toEqual(greedy.map((c) => c.key));
  });

  it("the selected node's label is always placed, even over a larger node's, and drawn first", () => {
    const selected = box('selected', 42, 12, 1, 60, 14, true);
    const placed = placeLabels([box('hub', 40, 10, 30), selected, box('other', 300, 10, 5)]);
    expect(placed[0].key).toBe('selected');
    expect(placed.map((c) => c.key)).not.toContain('hub');
    expect(placed.map((c) => c.key)).toContain('other');
  });

  it('considers at most maxConsidered labels (largest first), priority labels aside', () => {
    const candidates = Array.from({ length: 100 }, (_, i) => box(`n${i}`, i * 100, 0, 100 - i));
    const placed = placeLabels([...candidates, box('sel', 0, 500, 0, 10, 10, true)], { maxConsidered: 10 });
    expect(placed.map((c) => c.key)).toEqual(['sel', 'n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8', 'n9']);
  });

  it('is deterministic: ties in size go by key, whatever the input order', () => {
    const a = [box('b', 0, 0, 5), box('a', 10, 0, 5)];
    expect(placeLabels(a).map((c) => c.key)).toEqual(['a']);
    expect(placeLabels([...a].reverse()).map((c) => c.key)).toEqual(['a']);
  });

  it('handles boxes spanning many cells and negative coordinates', () => {
    const placed = placeLabels([box('long', -500, -20, 10, 1000, 30), box('inside', 0, 0, 5), box('below', 0, 20, 4)], { cellSize: 8 });
    expect(placed.map((c) => c.key)).toEqual(['long', 'below']);
  });
});
