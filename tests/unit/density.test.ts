// The density grid on hand-computable input: one point, two points, weights, the cut at 4σ, and d3-contour's own
// kernel density (contourDensity) finding the same peaks.
import { describe, expect, it } from 'vitest';
import { contourDensity } from 'd3';
import { densityAt, densityGrid, gaussianKernel } from '../../src/density/kde';
import { placeLabels } from '../../src/view/density/paint';

const gauss = (d: number, sigma: number) => Math.exp(-(d * d) / (2 * sigma * sigma));
/** Cells (col, row) that are higher than their 8 neighbours. */
function peaks(g: ReturnType<typeof densityGrid>): [number, number][] {
  const out: [number, number][] = [];
  for (let r = 1; r < g.rows - 1; r++)
    for (let c = 1; c < g.cols - 1; c++) {
      const v = densityAt(g, c, r);
      let top = v > 0;
      for (let dr = -1; dr <= 1 && top; dr++) for (let dc = -1; dc <= 1 && top; dc++) if ((dr || dc) && densityAt(g, c + dc, r + dr) >= v) top = false;
      if (top) out.push([c, r]);
    }
  return out;
}

describe('densityGrid', () => {
  // 1-unit cells over 41 × 41: cell (20, 20) has its centre at (20.5, 20.5).
  const one = densityGrid({ points: [20.5, 20.5, 2], width: 41, height: 41, cell: 1, bandwidth: 3 });

  it('one point: the peak is at the point and equals its weight', () => {
    expect([one.cols, one.rows]).toEqual([41, 41]);
    expect(peaks(one)).toEqual([[20, 20]]);
    expect(densityAt(one, 20, 20)).toBeCloseTo(2, 6);
    expect(one.max).toBeCloseTo(2, 6);
  });

  it('one point: the Gaussian falloff, the same in every direction', () => {
    for (const d of [1, 2, 3, 5, 8]) {
      const want = 2 * gauss(d, 3);
      for (const [c, r] of [
        [20 + d, 20],
        [20 - d, 20],
        [20, 20 + d],
        [20, 20 - d],
      ])
        expect(densityAt(one, c, r)).toBeCloseTo(want, 6);
    }
    // Diagonal: distance √2·3.
    expect(densityAt(one, 23, 23)).toBeCloseTo(2 * gauss(Math.SQRT2 * 3, 3), 6);
    expect(densityAt(one, 17, 23)).toBeCloseTo(densityAt(one, 23, 17), 6);
  });

  it('nothing beyond 4σ (the kernel is cut there)', () => {
    expect(gaussianKernel(3, 1).length).toBe(2 * 12 + 1);
    expect(densityAt(one, 20 + 13, 20)).toBe(0);
    expect(densityAt(one, 0, 0)).toBe(0);
  });

  it('two points: two peaks, and both tails between them', () => {
    const two = densityGrid({ points: [10.5, 10.5, 1, 30.5, 10.5, 3], width: 41, height: 21, cell: 1, bandwidth: 3 });
    expect(peaks(two)).toEqual([
      [10, 10],
      [30, 10],
    ]);
    // 20 apart is beyond 4σ = 12: each peak is its own weight.
    expect(densityAt(two, 10, 10)).toBeCloseTo(1, 6);
    expect(densityAt(two, 30, 10)).toBeCloseTo(3, 6);
    // Midway, both tails: 1·g(10) + 3·g(10).
    expect(densityAt(two, 20, 10)).toBeCloseTo(4 * gauss(10, 3), 6);
  });

  it('a point between cell centres is split bilinearly: half on each side', () => {
    const g = densityGrid({ points: [10, 5.5, 1], width: 20, height: 11, cell: 1, bandwidth: 2 });
    expect(densityAt(g, 9, 5)).toBeCloseTo(densityAt(g, 10, 5), 6);
    expect(densityAt(g, 9, 5)).toBeCloseTo(0.5 + 0.5 * gauss(1, 2), 6);
  });

  it('a point just outside the area still warms its edge; weightless points count nothing', () => {
    const g = densityGrid({ points: [-1.5, 5.5, 1, 5.5, 5.5, 0], width: 11, height: 11, cell: 1, bandwidth: 2 });
    expect(densityAt(g, 0, 5)).toBeCloseTo(gauss(2, 2), 6);
    expect(densityAt(g, 5, 5)).toBeCloseTo(gauss(7, 2), 6);
  });

  it('agrees with d3-contour’s contourDensity on where the peaks are', () => {
    // On cell centres (odd coordinates for 2-unit cells), so that each peak is one cell, not a tie (the
    // first two make one peak midway, at (41, 43)).
    const data = [
      [41, 41, 1],
      [41, 45, 1],
      [121, 61, 2],
    ];
    const g = densityGrid({ points: data.flat(), width: 160, height: 100, cell: 2, bandwidth: 6 });
    const ours = peaks(g).map(([c, r]) => [(c + 0.5) * 2, (r + 0.5) * 2]);
    expect(ours.length).toBe(2);
    // d3 ≥ 7.5 has `contours(data)` (a contour for any threshold, and the grid's max); @types/d3-contour lags.
    type Contours = ((threshold: number) => { coordinates: [number, number][][][] }) & { max: number };
    const density = contourDensity<number[]>()
      .x((d) => d[0])
      .y((d) => d[1])
      .weight((d) => d[2])
      .size([160, 100])
      .cellSize(2)
      .bandwidth(6) as unknown as { contours: (data: number[][]) => Contours };
    const d3 = density.contours(data);
    // At half of d3's maximum: two separate regions, one around each of our peaks.
    const half = d3(d3.max * 0.5);
    expect(half.coordinates.length).toBe(2);
    const centres = half.coordinates.map((poly) => {
      const ring = poly[0];
      return [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length];
    });
    for (const [x, y] of ours) expect(Math.min(...centres.map(([cx, cy]) => Math.hypot(cx - x, cy - y)))).toBeLessThan(4);
  });
});

describe('placeLabels (the density view’s labels)', () => {
  // Every character 6 px wide at any size: boxes are computable by hand.
  const measure = (text: string) => text.length * 6;
  const place = (c: { x: number; y: number; text: string; weight: number }[], limit?: number) => placeLabels(c, measure, { width: 200, height: 100, limit });

  it('biggest first; a label whose box would overlap a kept one is skipped', () => {
    const out = place([
      { x: 50, y: 50, text: 'small', weight: 1 },
      { x: 52, y: 52, text: 'big', weight: 9 },
      { x: 150, y: 50, text: 'far', weight: 4 },
    ]);
    expect(out.map((l) => l.text)).toEqual(['big', 'far']);
    // Font size grows with √(weight / biggest): 11 + 5·1 for the biggest, 11 + 5·⅔ for "far".
    expect(out.map((l) => l.size)).toEqual([16, 14]);
  });

  it('no two kept boxes overlap; off-stage and empty labels are left out; at most `limit`', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ x: (i * 37) % 200, y: (i * 53) % 100, text: `n${i}`, weight: 60 - i }));
    const out = place([...many, { x: -5, y: 10, text: 'off', weight: 100 }, { x: 10, y: 10, text: '', weight: 100 }], 12);
    expect(out.length).toBeLessThanOrEqual(12);
    expect(out.map((l) => l.text)).not.toContain('off');
    const boxes = out.map((l) => [l.x - measure(l.text) / 2 - 2, l.y - l.size / 2 - 2, l.x + measure(l.text) / 2 + 2, l.y + l.size / 2 + 2]);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        expect(a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]).toBe(false);
      }
  });
});
