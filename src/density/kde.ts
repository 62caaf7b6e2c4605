/**
 * Kernel density of weighted points on a grid, as VOSviewer's density view: the density at a point p is
 * Σ wᵢ · exp(−|p − xᵢ|² / (2σ²)), a Gaussian kernel of width σ (the bandwidth) around each weighted point.
 * Computed on a regular grid of cells: each point's weight is split bilinearly among the four cell centres around
 * it (a point on a cell centre stays whole there), then blurred by the Gaussian in x and then in y (the kernel is
 * separable), cut at 4σ. Exact for points on cell centres; linear in cells × kernel width, not in points × cells.
 * Pure and DOM-free (it runs in a worker).
 */

export interface DensityInput {
  /** Interleaved x, y, weight (screen pixels, weight ≥ 0). */
  points: Float32Array | number[];
  /** The area covered, from (0, 0). */
  width: number;
  height: number;
  /** Cell side in the same units. */
  cell: number;
  /** Gaussian σ in the same units. */
  bandwidth: number;
}

export interface DensityGrid {
  cols: number;
  rows: number;
  cell: number;
  /** Row-major density at each cell centre ((i + ½)·cell, (j + ½)·cell). */
  values: Float32Array;
  max: number;
}

/** Gaussian weights exp(−(k·cell)² / 2σ²) for k = −r … r, r = ⌈4σ / cell⌉. */
export function gaussianKernel(bandwidth: number, cell: number): Float32Array {
  const s = Math.max(1e-6, bandwidth / cell);
  const r = Math.max(1, Math.ceil(4 * s));
  const k = new Float32Array(2 * r + 1);
  for (let i = -r; i <= r; i++) k[i + r] = Math.exp(-(i * i) / (2 * s * s));
  return k;
}

export function densityGrid({ points, width, height, cell, bandwidth }: DensityInput): DensityGrid {
  const cols = Math.max(1, Math.ceil(width / cell));
  const rows = Math.max(1, Math.ceil(height / cell));
  const kernel = gaussianKernel(bandwidth, cell);
  const r = (kernel.length - 1) / 2;
  // A margin of r cells: points just outside the area still warm its edges.
  const pc = cols + 2 * r;
  const pr = rows + 2 * r;
  const mass = new Float32Array(pc * pr);
  for (let p = 0; p + 2 < points.length; p += 3) {
    const w = points[p + 2];
    if (!(w > 0)) continue;
    // In cell units, relative to the first (margin) cell centre.
    const gx = points[p] / cell - 0.5 + r;
    const gy = points[p + 1] / cell - 0.5 + r;
    if (!(gx > -1 && gy > -1 && gx < pc && gy < pr)) continue;
    const x0 = Math.floor(gx);
    const y0 = Math.floor(gy);
    const fx = gx - x0;
    const fy = gy - y0;
    const put = (x: number, y: number, share: number) => {
      if (share > 0 && x >= 0 && y >= 0 && x < pc && y < pr) mass[y * pc + x] += w * share;
    };
    put(x0, y0, (1 - fx) * (1 - fy));
    put(x0 + 1, y0, fx * (1 - fy));
    put(x0, y0 + 1, (1 - fx) * fy);
    put(x0 + 1, y0 + 1, fx * fy);
  }
  // Blur along x (all padded rows, the visible columns only), then along y (the visible cells only).
  const across = new Float32Array(pr * cols);
  for (let y = 0; y < pr; y++) {
    const row = y * pc;
    for (let x = 0; x < cols; x++) {
      let sum = 0;
      for (let k = 0; k < kernel.length; k++) sum += mass[row + x + k] * kernel[k];
      across[y * cols + x] = sum;
    }
  }
  const values = new Float32Array(rows * cols);
  let max = 0;
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      let sum = 0;
      for (let k = 0; k < kernel.length; k++) sum += across[(y + k) * cols + x] * kernel[k];
      values[y * cols + x] = sum;
      if (sum > max) max = sum;
    }
  }
  return { cols, rows, cell, values, max };
}

/** The density at cell (col, row). */
export const densityAt = (g: DensityGrid, col: number, row: number): number => g.values[row * g.cols + col];
