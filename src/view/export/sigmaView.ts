import type Sigma from 'sigma';
import type { CameraState } from 'sigma/types';
import { screenView, type ViewState } from '../../export';
import { drawnLabelsOf } from '../labels/labelPlacer';

/**
 * What sigma shows, in screen pixels: node centres and radii from its display data (the reducers'
 * output, so hidden and highlighted states are the renderer's own), edge colours and widths,
 * and the labels it actually drew.
 */
export function sigmaScreenView(sigma: Sigma, keep: ReadonlySet<string> | null): ViewState {
  const graph = sigma.getGraph();
  const { width, height } = sigma.getDimensions();
  const view = screenView(
    graph.nodes(),
    (node) => {
      const d = sigma.getNodeDisplayData(node);
      if (!d) return undefined;
      const p = sigma.framedGraphToViewport(d);
      const label = (graph.getNodeAttribute(node, 'fullLabel') as string | undefined) ?? d.label;
      return { x: p.x, y: p.y, size: sigma.scaleSize(d.size), color: d.color, label, hidden: d.hidden, highlighted: d.highlighted };
    },
    // The labels drawn (overlapping ones left out, src/view/labels), else every label sigma offered.
    { keep, width, height, labelled: new Set(drawnLabelsOf(sigma) ?? sigma.getNodeDisplayedLabels()) },
  );
  const edges: NonNullable<ViewState['edges']> = {};
  graph.forEachEdge((edge) => {
    const d = sigma.getEdgeDisplayData(edge);
    if (d) edges[edge] = { color: d.color, size: sigma.scaleSize(d.size), hidden: d.hidden };
  });
  return { ...view, edges };
}

/** A camera that frames these nodes (sigma's framed coordinates: the whole graph is the unit square at ratio 1). */
export function cameraToFit(sigma: Sigma, nodes: Iterable<string>): CameraState | null {
  let minX = Infinity,
    maxX = -Infinity,
    minY = Infinity,
    maxY = -Infinity;
  for (const node of nodes) {
    const d = sigma.getNodeDisplayData(node);
    if (!d) continue;
    minX = Math.min(minX, d.x);
    maxX = Math.max(maxX, d.x);
    minY = Math.min(minY, d.y);
    maxY = Math.max(maxY, d.y);
  }
  if (minX === Infinity) return null;
  const span = Math.max(maxX - minX, maxY - minY);
  return { x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio: Math.min(1.1, Math.max(0.05, span * 1.2)), angle: 0 };
}
