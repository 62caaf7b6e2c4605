import { useEffect, useRef } from 'react';
import { useRegisterEvents, useSigma } from '@react-sigma/core';
import { drawDiscNodeLabel } from 'sigma/rendering';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import type { Settings } from 'sigma/settings';
import type { DisplayGraph } from '../../graph/display';
import { neighbourhood } from '../../app/highlightOf';
import { EMPTY_HIGHLIGHT, type Highlight } from '../../model/view';
import type { LensView } from '../../lenses/types';
import { sigmaAlive } from './alive';

const LAYER = 'atlasHighlightEdges';
/** Beyond this many highlighted nodes only the focus nodes get labels. */
const MAX_PLAIN_LABELS = 60;

/**
 * Highlights a node set without touching the rest of the graph: the base layers are dimmed
 * with CSS, the highlighted nodes are re-processed (a partial refresh, no re-indexation) so that
 * sigma draws them on its hover layer, and their edges go on a canvas layer of our own.
 * A hover therefore costs its neighbourhood, not the graph.
 */
export interface HighlightInk {
  accent: string;
  box: string;
  text: string;
}

/** sigma's hover box, in the theme's colours (sigma's own is always white). */
function drawLabelBox(
  context: CanvasRenderingContext2D,
  data: { x: number; y: number; size: number; label?: string | null },
  settings: Settings,
  ink: HighlightInk,
) {
  const size = settings.labelSize;
  context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  context.fillStyle = ink.box;
  context.shadowOffsetX = 0;
  context.shadowOffsetY = 0;
  context.shadowBlur = 8;
  context.shadowColor = 'rgba(0, 0, 0, 0.35)';
  const r = data.size + 2;
  context.beginPath();
  if (data.label) {
    const w = context.measureText(data.label).width + 8;
    const h = size + 6;
    const dy = Math.min(h / 2, r);
    const dx = Math.sqrt(Math.max(0, r * r - dy * dy));
    context.moveTo(data.x + dx, data.y + dy);
    context.lineTo(data.x + r + w, data.y + dy);
    context.lineTo(data.x + r + w, data.y - dy);
    context.lineTo(data.x + dx, data.y - dy);
    context.arc(data.x, data.y, r, -Math.asin(dy / r), Math.asin(dy / r), true);
  } else {
    context.arc(data.x, data.y, r, 0, Math.PI * 2);
  }
  context.closePath();
  context.fill();
  context.shadowBlur = 0;
  if (data.label) {
    context.fillStyle = ink.text;
    context.fillText(data.label, data.x + data.size + 5, data.y + size / 3);
  }
}

export function HighlightController({ selected, ink, lens }: { selected: Highlight | null; ink: HighlightInk; lens: LensView }) {
  const sigma = useSigma();
  const registerEvents = useRegisterEvents();
  const graph = sigma.getGraph() as unknown as DisplayGraph;
  const current = useRef<Highlight>(EMPTY_HIGHLIGHT);
  const selectedRef = useRef<Highlight | null>(selected);
  const inkRef = useRef(ink);
  const lensRef = useRef(lens);
  const applyRef = useRef<(h: Highlight | null) => void>(() => {});

  useEffect(() => {
    if (!sigmaAlive(sigma)) return;
    const container = sigma.getContainer();
    // The layer is made once per sigma instance (the stage keeps one across graphs): a layer added after start-up gets
    // its size (and pixel-ratio scaling) only on a forced resize, which clears every canvas.
    if (!sigma.getCanvases()[LAYER]) {
      // createLayer honours afterLayer although the declared option type omits it.
      sigma.createCanvasContext(LAYER, { afterLayer: 'labels' } as { style?: Partial<CSSStyleDeclaration> });
      sigma.resize(true);
    }
    const canvas = sigma.getCanvases()[LAYER];
    const ctx = canvas.getContext('2d')!;

    const drawEdges = () => {
      if (!sigmaAlive(sigma)) return;
      const { width, height } = sigma.getDimensions();
      ctx.clearRect(0, 0, width, height);
      const h = current.current;
      if (!h.edges.length) return;
      ctx.strokeStyle = inkRef.current.accent;
      ctx.globalAlpha = h.edges.length > 50 ? 0.45 : 0.8;
      ctx.lineWidth = h.edges.length > 50 ? 0.8 : 1.6;
      ctx.beginPath();
      for (const edge of h.edges) {
        if (!graph.hasEdge(edge)) continue;
        const s = sigma.getNodeDisplayData(graph.source(edge));
        const t = sigma.getNodeDisplayData(graph.target(edge));
        if (!s || !t || s.hidden || t.hidden || lensRef.current.hiddenEdges.has(edge)) continue;
        const p = sigma.framedGraphToViewport(s);
        const q = sigma.framedGraphToViewport(t);
        ctx.moveTo(p.x, p.y);
        ctx.lineTo(q.x, q.y);
      }
      ctx.stroke();
      ctx.globalAlpha = 1;
    };

    const drawHover = (
      context: CanvasRenderingContext2D,
      data: PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'> & { key?: string },
      settings: Settings,
    ) => {
      const h = current.current;
      const key = data.key ?? '';
      const hovered = !h.nodes.size || h.focus.includes(key) || !h.nodes.has(key);
      if (hovered) drawLabelBox(context, data, settings, inkRef.current);
      else if (h.nodes.size <= MAX_PLAIN_LABELS) drawDiscNodeLabel(context, data, settings);
    };

    // Lenses hide, recolour and resize without touching the graph; the highlight goes on top. One setSettings: each
    // setting set re-indexes the whole graph.
    const nodeReducer: Settings['nodeReducer'] = (node, data) => {
      const l = lensRef.current;
      if (l.hiddenNodes.has(node)) return { ...data, hidden: true };
      const color = l.nodeColors?.get(node);
      const size = l.nodeSizes?.get(node);
      const highlighted = current.current.nodes.has(node);
      if (color === undefined && size === undefined && !highlighted) return data;
      return { ...data, ...(color !== undefined ? { color } : {}), ...(size !== undefined ? { size } : {}), ...(highlighted ? { highlighted: true } : {}) };
    };
    const edgeReducer: Settings['edgeReducer'] = (edge, data) => {
      const l = lensRef.current;
      if (l.hiddenEdges.has(edge)) return { ...data, hidden: true };
      // Past the lines limit only the strongest links are drawn (the hover layer still draws a node's every link).
      if (l.lines && data.kind === 'coauthor' && !l.lines.drawn.has(edge)) return { ...data, hidden: true };
      // Normalised links (association strength, fractionalization) are drawn at their own widths.
      const sized = l.edgeSizes?.get(edge);
      if (sized !== undefined) return { ...data, size: sized };
      const w = l.edgeWeights?.get(edge);
      if (w === undefined) return data;
      const original = graph.getEdgeAttribute(edge, 'weight') || 1;
      return { ...data, size: data.size * Math.sqrt(Math.max(0, w) / original) };
    };
    sigma.setSettings({ nodeReducer, edgeReducer, defaultDrawNodeHover: drawHover as Settings['defaultDrawNodeHover'] });

    applyRef.current = (next) => {
      if (!sigmaAlive(sigma)) return;
      const h = next ?? EMPTY_HIGHLIGHT;
      const prev = current.current;
      current.current = h;
      const changed = new Set(prev.nodes);
      for (const n of h.nodes) changed.add(n);
      container.classList.toggle('atlas-dimmed', h.nodes.size > 0);
      const nodes = [...changed].filter((n) => graph.hasNode(n));
      const internals = sigma as unknown as { updateNode?: (n: string) => void; renderHighlightedNodes?: () => void };
      if (internals.updateNode && internals.renderHighlightedNodes) {
        // Only the hover layers are redrawn: re-run the reducer for the changed nodes (which
        // updates sigma's highlighted set), then draw the highlight layers. No full render.
        for (const n of nodes) internals.updateNode(n);
        internals.renderHighlightedNodes();
        drawEdges();
      } else {
        sigma.refresh({ partialGraph: { nodes }, skipIndexation: true });
      }
    };

    // useRegisterEvents swaps handlers a render later: a late call on a dead sigma does nothing.
    registerEvents({
      afterRender: drawEdges,
      enterNode: ({ node }) => {
        if (sigmaAlive(sigma)) applyRef.current(neighbourhood(graph, node));
      },
      leaveNode: () => {
        if (sigmaAlive(sigma)) applyRef.current(selectedRef.current);
      },
    });
    applyRef.current(selectedRef.current);
    return () => {
      // The stage may have killed sigma (and its layers) first when it unmounts; on a new graph the layer stays, cleared.
      if (sigmaAlive(sigma)) canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
      container.classList.remove('atlas-dimmed');
    };
  }, [sigma, graph, registerEvents]);

  // A lens change re-processes the graph once (hidden nodes change the index); hovers never do.
  useEffect(() => {
    if (lensRef.current === lens) return;
    lensRef.current = lens;
    if (sigmaAlive(sigma)) sigma.refresh();
  }, [sigma, lens]);

  useEffect(() => {
    selectedRef.current = selected;
    inkRef.current = ink;
    applyRef.current(selected);
  }, [selected, ink]);

  return null;
}
