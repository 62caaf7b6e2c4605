import type Sigma from 'sigma';
import type { CameraState } from 'sigma/types';
import type { Settings } from 'sigma/settings';
import { drawOnCanvas } from '@sigma/export-image';
import type { LegendEntry } from '../../export';
import { cameraToFit } from './sigmaView';
import type { DensityFrame } from '../density/densityState';
import { densityPng } from '../density/exportDensity';
import { LabelPlacer } from '../labels/labelPlacer';

export const MAX_PNG_SIDE = 8000;
export const PNG_BACKGROUNDS = { white: '#ffffff', transparent: 'transparent', dark: '#111217' } as const;
export type PngBackground = keyof typeof PNG_BACKGROUNDS;

export interface PngOptions {
  /** Final size in pixels (each side 16 to 8,000). */
  width: number;
  height: number;
  /** 'view': the camera as it is; 'whole': the whole graph (or the whole scope) framed. */
  area: 'view' | 'whole';
  background: PngBackground;
  legend: LegendEntry[] | null;
  caption: string | null;
  /** Only these nodes (an export of a selection), else everything shown. */
  keep: ReadonlySet<string> | null;
  /** Edges drawn over the dimmed scene, as the app's highlight layer draws them. */
  highlightEdges: string[];
  accent: string;
  /** The density frame on screen (the density store's `shownDensity()`): exported instead of the network. */
  density: DensityFrame | null;
}

export const clampSide = (n: number) => Math.max(16, Math.min(MAX_PNG_SIDE, Math.round(Number.isFinite(n) ? n : 16)));

/** Opacity of the base layers while something is highlighted (the app's `.atlas-dimmed` CSS). */
const DIMMED = 0.18;

interface Band {
  height: number;
  font: number;
  rows: { entry: LegendEntry; x: number }[][];
}

/** Lays the legend out in rows across the width, with the caption under it. */
function layoutBand(ctx: CanvasRenderingContext2D, width: number, height: number, legend: LegendEntry[], caption: string | null): Band {
  const font = Math.max(11, Math.min(64, Math.round(Math.min(width, height) / 70)));
  const pad = font;
  ctx.font = `${font}px system-ui, sans-serif`;
  const rows: Band['rows'] = [];
  let row: Band['rows'][number] = [];
  let x = pad;
  for (const entry of legend) {
    const w = font * 1.4 + ctx.measureText(entry.label).width + font * 1.5;
    if (row.length && x + w > width - pad) {
      rows.push(row);
      row = [];
      x = pad;
    }
    row.push({ entry, x });
    x += w;
  }
  if (row.length) rows.push(row);
  const line = font * 1.6;
  // Never let the band take more than a third of the picture.
  const maxRows = Math.max(0, Math.floor((height / 3 - 2 * pad - (caption ? line : 0)) / line));
  const kept = rows.slice(0, maxRows);
  const body = kept.length * line + (caption ? line : 0);
  return { height: body ? Math.round(body + 2 * pad) : 0, font, rows: kept };
}

function drawBand(ctx: CanvasRenderingContext2D, band: Band, top: number, width: number, caption: string | null, ink: string) {
  const { font } = band;
  const line = font * 1.6;
  ctx.font = `${font}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  let y = top + font + line / 2;
  for (const row of band.rows) {
    for (const { entry, x } of row) {
      ctx.fillStyle = entry.color;
      ctx.beginPath();
      ctx.arc(x + font * 0.5, y, font * 0.45, 0, 2 * Math.PI);
      ctx.fill();
      ctx.fillStyle = ink;
      ctx.fillText(entry.label, x + font * 1.4, y);
    }
    y += line;
  }
  if (caption) {
    ctx.fillStyle = ink;
    ctx.globalAlpha = 0.75;
    ctx.fillText(caption, font, y, width - 2 * font);
    ctx.globalAlpha = 1;
  }
}

/** Sigma settings for the off-screen renderer: the live reducers, restricted to `keep`. */
function scopedSettings(sigma: Sigma, keep: ReadonlySet<string> | null): Partial<Settings> {
  if (!keep) return {};
  const graph = sigma.getGraph();
  const nodeReducer = sigma.getSetting('nodeReducer');
  const edgeReducer = sigma.getSetting('edgeReducer');
  return {
    nodeReducer: (node, data) => {
      const d = nodeReducer ? nodeReducer(node, data) : data;
      return keep.has(node) ? d : { ...d, hidden: true };
    },
    edgeReducer: (edge, data) => {
      const d = edgeReducer ? edgeReducer(edge, data) : data;
      return keep.has(graph.source(edge)) && keep.has(graph.target(edge)) ? d : { ...d, hidden: true };
    },
  };
}

/**
 * A PNG of the graph at an exact pixel size, rendered by @sigma/export-image's off-screen sigma.
 * The picture is the screen's, scaled: the off-screen renderer gets the screen's width in CSS
 * pixels and a pixel ratio of (requested width / screen width), so labels and nodes keep their
 * proportions at any size. Its layers are composed here to reproduce the app's dimming.
 */
export async function renderPng(sigma: Sigma, opts: PngOptions): Promise<Blob> {
  const width = clampSide(opts.width);
  const height = clampSide(opts.height);
  // The density view exports its own picture, at the requested size.
  const density = opts.density;
  if (density) return densityPng(density, width, height, opts.caption);
  const out = document.createElement('canvas');
  out.width = width;
  out.height = height;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  const background = PNG_BACKGROUNDS[opts.background];
  const ink = opts.background === 'dark' ? '#ececf1' : '#1d1d24';
  const band = layoutBand(ctx, width, height, opts.legend ?? [], opts.caption);
  const graphHeight = height - band.height;

  const screen = sigma.getDimensions();
  const scale = Math.max(0.1, width / Math.max(1, screen.width));
  const camera: CameraState =
    opts.area === 'view' ? sigma.getCamera().getState() : ((opts.keep && cameraToFit(sigma, opts.keep)) ?? { x: 0.5, y: 0.5, ratio: 1, angle: 0 });

  if (background !== 'transparent') {
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, width, height);
  }

  const descriptor = Object.getOwnPropertyDescriptor(window, 'devicePixelRatio');
  const restore = () => {
    if (descriptor) Object.defineProperty(window, 'devicePixelRatio', descriptor);
    else delete (window as { devicePixelRatio?: number }).devicePixelRatio;
  };
  // Sigma and drawOnCanvas read the pixel ratio when the off-screen renderer is made; the
  // override is undone inside the callback, before any frame of the live renderer can run.
  Object.defineProperty(window, 'devicePixelRatio', { configurable: true, get: () => scale });
  const labels = new LabelPlacer();
  try {
    await drawOnCanvas(sigma, {
      width: width / scale,
      height: graphHeight / scale,
      cameraState: camera,
      backgroundColor: 'transparent',
      layers: [],
      // Labels placed as on screen (src/view/labels): none overlaps another.
      sigmaSettings: { ...scopedSettings(sigma, opts.keep), defaultDrawNodeLabel: labels.collect as Settings['defaultDrawNodeLabel'] },
      withTempRenderer: (tmp: Sigma) => {
        restore();
        const labelContext = tmp.getCanvases().labels?.getContext('2d');
        if (labelContext) labels.flush(labelContext);
        composeLayers(ctx, tmp, width, graphHeight, scale, opts);
      },
    });
  } finally {
    restore();
  }
  if (band.height) drawBand(ctx, band, graphHeight, width, opts.caption, ink);

  return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))), 'image/png'));
}

/** Sigma's layers onto the output, dimmed under the highlighted nodes as on screen. */
function composeLayers(ctx: CanvasRenderingContext2D, tmp: Sigma, width: number, height: number, scale: number, opts: PngOptions) {
  const canvases = tmp.getCanvases();
  const graph = tmp.getGraph();
  const lit = graph.filterNodes((n) => Boolean(tmp.getNodeDisplayData(n)?.highlighted));
  const draw = (layer: string) => {
    const c = canvases[layer];
    if (c && c.width && c.height) ctx.drawImage(c, 0, 0, c.width, c.height, 0, 0, width, height);
  };
  ctx.globalAlpha = lit.length ? DIMMED : 1;
  for (const layer of ['edges', 'edgeLabels', 'nodes', 'labels']) draw(layer);
  ctx.globalAlpha = 1;
  if (lit.length && opts.highlightEdges.length) {
    const sx = width / tmp.getDimensions().width;
    const sy = height / tmp.getDimensions().height;
    ctx.save();
    ctx.strokeStyle = opts.accent;
    ctx.globalAlpha = opts.highlightEdges.length > 50 ? 0.45 : 0.8;
    ctx.lineWidth = (opts.highlightEdges.length > 50 ? 0.8 : 1.6) * scale;
    ctx.beginPath();
    for (const edge of opts.highlightEdges) {
      if (!graph.hasEdge(edge)) continue;
      const s = tmp.getNodeDisplayData(graph.source(edge));
      const t = tmp.getNodeDisplayData(graph.target(edge));
      if (!s || !t || s.hidden || t.hidden) continue;
      const p = tmp.framedGraphToViewport(s);
      const q = tmp.framedGraphToViewport(t);
      ctx.moveTo(p.x * sx, p.y * sy);
      ctx.lineTo(q.x * sx, q.y * sy);
    }
    ctx.stroke();
    ctx.restore();
  }
  for (const layer of ['hovers', 'hoverNodes']) draw(layer);
}
