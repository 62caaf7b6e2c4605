/**
 * The density view in the exports: SVG (the heat picture as an embedded PNG image, the labels as SVG text, a
 * colour ramp and the caption) and PNG at any size (the grid scaled, labels and ramp redrawn at that scale).
 * Used by the Export menu's PNG and SVG items whenever the density view is shown.
 */
import { escapeXml, num } from '../../export/xml';
import type { DensityFrame } from './densityState';
import { gridCanvas, LABEL_FONT, paintFrame, rampColour } from './paint';

const RAMP_STOPS = [0, 0.1, 0.25, 0.5, 0.75, 1];

export interface DensityExportOptions {
  title: string;
  caption: string | null;
}

export function densitySvg(frame: DensityFrame, { title, caption }: DensityExportOptions): string {
  const { width, height, grid } = frame;
  const image = gridCanvas(grid).toDataURL('image/png');
  const band = caption ? 28 : 0;
  const labels = frame.labels.map((l) => `<text x="${num(l.x, 2)}" y="${num(l.y, 2)}" font-size="${l.size}">${escapeXml(l.text)}</text>`).join('\n    ');
  const stops = RAMP_STOPS.map((s) => `<stop offset="${s}" stop-color="${rampColour(s)}"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + band}" viewBox="0 0 ${width} ${height + band}">
  <title>${escapeXml(`${title} — density`)}</title>
  <defs><clipPath id="stage"><rect width="${width}" height="${height}"/></clipPath><linearGradient id="ramp">${stops}</linearGradient></defs>
  <rect width="${width}" height="${height + band}" fill="#ffffff"/>
  <image class="density" clip-path="url(#stage)" x="0" y="0" width="${grid.cols * grid.cell}" height="${grid.rows * grid.cell}" preserveAspectRatio="none" href="${image}"/>
  <g class="labels" font-family="${escapeXml(LABEL_FONT)}" font-weight="600" text-anchor="middle" dominant-baseline="central" fill="#ffffff" stroke="rgba(0,0,0,0.85)" stroke-width="3" stroke-linejoin="round" paint-order="stroke">
    ${labels}
  </g>
  <g class="ramp" font-family="system-ui, sans-serif" font-size="11" fill="#ffffff">
    <rect x="${width - 132}" y="${height - 26}" width="120" height="10" fill="url(#ramp)" stroke="#ffffff" stroke-width="0.5"/>
    <text x="${width - 132}" y="${height - 30}">low</text><text x="${width - 12}" y="${height - 30}" text-anchor="end">high density</text>
  </g>
  ${caption ? `<text x="8" y="${height + 18}" font-family="system-ui, sans-serif" font-size="12" fill="#1d1d24">${escapeXml(caption)}</text>` : ''}
</svg>
`;
}

/** A PNG of the density view at `width` × `height` pixels (the view's proportions are kept, centred). */
export function densityPng(frame: DensityFrame, width: number, height: number, caption: string | null): Promise<Blob> {
  const out = document.createElement('canvas');
  out.width = width;
  out.height = height;
  const ctx = out.getContext('2d');
  if (!ctx) return Promise.reject(new Error('this browser cannot draw on a canvas'));
  const font = Math.max(11, Math.round(Math.min(width, height) / 70));
  const band = caption ? Math.round(font * 2.4) : 0;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  const scale = Math.min(width / frame.width, (height - band) / frame.height);
  const dx = (width - frame.width * scale) / 2;
  const dy = (height - band - frame.height * scale) / 2;
  ctx.save();
  ctx.translate(dx, dy);
  ctx.beginPath();
  ctx.rect(0, 0, frame.width * scale, frame.height * scale);
  ctx.clip();
  paintFrame(ctx, frame, scale);
  // The ramp, bottom right.
  const rw = 120 * scale,
    rh = 10 * scale;
  const rx = frame.width * scale - rw - 12 * scale,
    ry = frame.height * scale - rh - 16 * scale;
  const gradient = ctx.createLinearGradient(rx, 0, rx + rw, 0);
  for (const s of RAMP_STOPS) gradient.addColorStop(s, rampColour(s));
  ctx.fillStyle = gradient;
  ctx.fillRect(rx, ry, rw, rh);
  ctx.fillStyle = '#ffffff';
  ctx.font = `${11 * scale}px system-ui, sans-serif`;
  ctx.textBaseline = 'bottom';
  ctx.textAlign = 'left';
  ctx.fillText('low', rx, ry - 3 * scale);
  ctx.textAlign = 'right';
  ctx.fillText('high density', rx + rw, ry - 3 * scale);
  ctx.restore();
  if (caption) {
    ctx.fillStyle = '#1d1d24';
    ctx.font = `${font}px system-ui, sans-serif`;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    ctx.fillText(caption, font, height - band / 2, width - 2 * font);
  }
  return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))), 'image/png'));
}
