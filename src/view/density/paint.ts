/**
 * Painting a density frame: the grid as an image on the colour-blind-safe viridis ramp (dark violet for nothing,
 * yellow for the densest cell; colour = √(density / max) so single papers still show), and the labels of the
 * biggest nodes over it (white with a dark halo, readable on every colour of the ramp; overlapping ones skipped).
 */
import { interpolateViridis, rgb } from 'd3';
import type { DensityGrid } from '../../density/kde';
import type { DensityFrame, DensityLabel } from './densityState';

export const LABEL_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

const LUT: Uint8ClampedArray = (() => {
  const lut = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) {
    const c = rgb(interpolateViridis(i / 255));
    lut.set([c.r, c.g, c.b], i * 3);
  }
  return lut;
})();

/** The ramp's colour for a share of the maximum (0…1), as CSS. */
export function rampColour(share: number): string {
  const i = Math.round(Math.sqrt(Math.max(0, Math.min(1, share))) * 255) * 3;
  return `rgb(${LUT[i]}, ${LUT[i + 1]}, ${LUT[i + 2]})`;
}

/** The grid as a canvas of one pixel per cell. */
export function gridCanvas(grid: DensityGrid): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = grid.cols;
  canvas.height = grid.rows;
  const ctx = canvas.getContext('2d')!;
  const image = ctx.createImageData(grid.cols, grid.rows);
  const scale = grid.max > 0 ? 1 / grid.max : 0;
  for (let i = 0; i < grid.values.length; i++) {
    const j = Math.round(Math.sqrt(Math.min(1, grid.values[i] * scale)) * 255) * 3;
    image.data[i * 4] = LUT[j];
    image.data[i * 4 + 1] = LUT[j + 1];
    image.data[i * 4 + 2] = LUT[j + 2];
    image.data[i * 4 + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
  return canvas;
}

/** Candidates biggest first; a label is kept when its box overlaps none kept before (at most `limit`). */
export function placeLabels(
  candidates: { x: number; y: number; text: string; weight: number }[],
  measure: (text: string, size: number) => number,
  { width, height, limit = 30 }: { width: number; height: number; limit?: number },
): DensityLabel[] {
  const sorted = [...candidates].sort((a, b) => b.weight - a.weight || a.text.localeCompare(b.text));
  const top = sorted[0]?.weight ?? 1;
  const boxes: [number, number, number, number][] = [];
  const out: DensityLabel[] = [];
  for (const c of sorted) {
    if (out.length >= limit) break;
    if (!c.text || c.x < 0 || c.y < 0 || c.x > width || c.y > height) continue;
    const size = Math.round(11 + 5 * Math.sqrt(c.weight / top));
    const w = measure(c.text, size);
    const box: [number, number, number, number] = [c.x - w / 2 - 2, c.y - size / 2 - 2, c.x + w / 2 + 2, c.y + size / 2 + 2];
    if (boxes.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) continue;
    boxes.push(box);
    out.push({ x: c.x, y: c.y, text: c.text, size });
  }
  return out;
}

/** Draws the frame at `scale` times its CSS size onto a context (screen or export). */
export function paintFrame(ctx: CanvasRenderingContext2D, frame: DensityFrame, scale: number, image: HTMLCanvasElement = gridCanvas(frame.grid)) {
  ctx.save();
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  // The grid covers whole cells: it may reach past the stage's right and bottom edges.
  ctx.drawImage(image, 0, 0, frame.grid.cols * frame.grid.cell * scale, frame.grid.rows * frame.grid.cell * scale);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  for (const l of frame.labels) {
    ctx.font = `600 ${l.size * scale}px ${LABEL_FONT}`;
    ctx.lineWidth = 3 * scale;
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.85)';
    ctx.strokeText(l.text, l.x * scale, l.y * scale);
    ctx.fillStyle = '#ffffff';
    ctx.fillText(l.text, l.x * scale, l.y * scale);
  }
  ctx.restore();
}
