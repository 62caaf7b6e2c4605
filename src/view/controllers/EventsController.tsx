import { useEffect, useRef } from 'react';
import { useSigma } from '@react-sigma/core';
import type { DisplayGraph } from '../../graph/display';
import { sigmaAlive } from './alive';
import { uncoveredCentreOffset } from './occlusion';

/** A click on a node or the stage; `keyboard` for Enter on the node the keyboard is on (never makes a pair). */
export type GraphClick = { node: string; keyboard?: boolean } | { stage: true };

/** Turns sigma's clicks into app intents; the pointer cursor tells what is clickable. */
export function EventsController({ onClick }: { onClick: (c: GraphClick) => void }) {
  const sigma = useSigma();
  const onClickRef = useRef(onClick);
  useEffect(() => {
    onClickRef.current = onClick;
  }, [onClick]);
  useEffect(() => {
    const container = sigma.getContainer();
    const clickNode = ({ node }: { node: string }) => onClickRef.current({ node });
    const clickStage = () => onClickRef.current({ stage: true });
    const enter = () => container.classList.add('atlas-pointer');
    const leave = () => container.classList.remove('atlas-pointer');
    sigma.on('clickNode', clickNode);
    sigma.on('clickStage', clickStage);
    sigma.on('enterNode', enter);
    sigma.on('leaveNode', leave);
    return () => {
      sigma.off('clickNode', clickNode);
      sigma.off('clickStage', clickStage);
      sigma.off('enterNode', enter);
      sigma.off('leaveNode', leave);
    };
  }, [sigma]);
  return null;
}

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

declare global {
  interface Window {
    /** Stable test contract: the displayed sigma instance and the layout state. */
    __coauthorAtlas?: {
      sigma: unknown;
      layoutRunning: () => boolean;
      frames: { order: number; t: number }[];
      /** The node labels drawn in the last frame, as viewport boxes (src/view/labels). */
      labelBoxes?: () => { key: string; label: string; x: number; y: number; width: number; height: number }[];
      /** How many label candidates sigma offered in the last frame (before overlaps were dropped). */
      labelCandidates?: () => number;
    };
  }
}

export function ExposeForTests({ layoutRunning }: { layoutRunning: () => boolean }) {
  const sigma = useSigma();
  const running = useRef(layoutRunning);
  useEffect(() => {
    running.current = layoutRunning;
  }, [layoutRunning]);
  useEffect(() => {
    // Frames drawn (graph size and time) let the benchmark find the first complete frame.
    const frames = window.__coauthorAtlas?.frames ?? [];
    window.__coauthorAtlas = { sigma, layoutRunning: () => running.current(), frames };
    const onRender = () => {
      if (frames.length < 10_000) frames.push({ order: sigma.getGraph().order, t: performance.now() });
    };
    sigma.on('afterRender', onRender);
    return () => {
      sigma.off('afterRender', onRender);
    };
  }, [sigma]);
  return null;
}
