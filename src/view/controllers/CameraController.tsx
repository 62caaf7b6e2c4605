import { useEffect, useRef } from 'react';
import { useSigma } from '@react-sigma/core';
import type { DisplayGraph } from '../../graph/display';
import { sigmaAlive } from './alive';
import { uncoveredCentreOffset } from './occlusion';

/**
 * Moves the camera to show some nodes whenever a new focus request arrives. While the layout
 * still moves nodes the request waits, so the camera lands where the nodes end up.
 */
export function CameraController({ request, layoutRunning }: { request: { nodes: string[]; nonce: number } | null; layoutRunning: boolean }) {
  const sigma = useSigma();
  const applied = useRef<number | null>(null);
  useEffect(() => {
    if (!request || !request.nodes.length || layoutRunning || applied.current === request.nonce || !sigmaAlive(sigma)) return;
    applied.current = request.nonce;
    const graph = sigma.getGraph() as unknown as DisplayGraph;
    const points = request.nodes.map((n) => (graph.hasNode(n) ? sigma.getNodeDisplayData(n) : undefined)).filter((d) => d !== undefined);
    if (!points.length) return;
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const span = Math.max(maxX - minX, maxY - minY);
    const ratio = points.length === 1 ? 0.5 : Math.min(1.1, Math.max(0.25, span * 1.3));
    const camera = sigma.getCamera();
    const target = { x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio, angle: camera.angle };
    // Centre the nodes in the part of the graph no floating sheet covers: aim the camera at the point that sits
    // `dy` above the centre when the nodes are centred, and they come to rest `dy` below it.
    const dy = uncoveredCentreOffset(sigma.getContainer());
    if (Math.abs(dy) > 1) {
      const { width, height } = sigma.getDimensions();
      const shifted = sigma.viewportToFramedGraph({ x: width / 2, y: height / 2 - dy }, { cameraState: target });
      target.x = shifted.x;
      target.y = shifted.y;
    }
    camera.animate(target, { duration: 450 });
  }, [sigma, request, layoutRunning]);
  return null;
}
