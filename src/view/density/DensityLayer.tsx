/**
 * The density view (VOSviewer's density visualisation) over the graph stage, and the Network / Density switch.
 * Points are the nodes sigma draws (hidden ones left out, so filters apply), at their on-screen positions, weighted
 * by their drawn area (size², which follows the Size-by measure); paper hubs and affiliations are not authors and
 * are left out. The grid is computed in a Web Worker (src/density/densityWorker.ts) after every render of sigma
 * (layout steps, filters, camera moves), at most one at a time. The kernel width is a share of the stage at the
 * camera's home zoom, so zooming in magnifies the picture like a map. The canvas lets pointer events through:
 * panning and zooming work as on the network.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useRegisterEvents, useSigma } from '@react-sigma/core';
import { sigmaAlive } from '../controllers/alive';
import type { DensityContract, DensityReply, DensityRequest } from '../../density/densityWorker';
import { WorkerRunner } from '../../workers/runner';
import type { WorkerOutcome } from '../../workers/protocol';
import { KERNEL_WIDTHS, type DensityLabel } from './densityState';
import { useDensityStore } from './densityContext';
import { LABEL_FONT, paintFrame, placeLabels, rampColour } from './paint';
import './density.css';

/** Cell side in CSS pixels. */
const CELL = 3;
const KERNEL_NAMES = ['narrowest', 'narrow', 'medium', 'wide', 'widest'];

export function DensityLayer() {
  const sigma = useSigma();
  const registerEvents = useRegisterEvents();
  const densityStore = useDensityStore();
  const { view, kernel, frame } = useSyncExternalStore(densityStore.subscribe, densityStore.get);
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    if (view !== 'density') return;
    const runner = new WorkerRunner<DensityContract>(() => new Worker(new URL('../../density/densityWorker.ts', import.meta.url), { type: 'module' }));
    const measureCtx = document.createElement('canvas').getContext('2d');
    const measure = (text: string, size: number) => {
      if (!measureCtx) return text.length * size * 0.6;
      measureCtx.font = `600 ${size}px ${LABEL_FONT}`;
      return measureCtx.measureText(text).width;
    };
    let next = 0;
    let inFlight: { id: number; width: number; height: number; labels: DensityLabel[] } | null = null;
    let again = false;
    let frameRequest = 0;
    // useRegisterEvents detaches a handler a render after it is replaced: one late call must do nothing.
    let stopped = false;

    const request = () => {
      frameRequest = 0;
      if (stopped || !sigmaAlive(sigma)) return;
      if (inFlight) return void (again = true);
      const { width, height } = sigma.getDimensions();
      const graph = sigma.getGraph();
      const points: number[] = [];
      const candidates: { x: number; y: number; text: string; weight: number }[] = [];
      graph.forEachNode((node, attrs) => {
        if (attrs.kind === 'paper' || attrs.kind === 'affiliation') return;
        const d = sigma.getNodeDisplayData(node);
        if (!d || d.hidden) return;
        const p = sigma.framedGraphToViewport(d);
        const weight = d.size * d.size;
        points.push(p.x, p.y, weight);
        candidates.push({ x: p.x, y: p.y, text: String(attrs.label ?? d.label ?? ''), weight });
      });
      const ratio = sigma.getCamera().getState().ratio;
      const bandwidth = Math.max(2, Math.min(300, (KERNEL_WIDTHS[kernel] * Math.min(width, height)) / Math.max(1e-3, ratio)));
      const message: DensityRequest = { id: ++next, points: Float32Array.from(points), width, height, cell: CELL, bandwidth };
      inFlight = { id: message.id, width, height, labels: placeLabels(candidates, measure, { width, height }) };
      void runner.run(message, { transfer: [(message.points as Float32Array).buffer] }).outcome.then(receive);
    };
    const schedule = () => {
      if (!stopped && !frameRequest) frameRequest = requestAnimationFrame(request);
    };
    function receive(outcome: WorkerOutcome<DensityReply>) {
      const sent = inFlight;
      inFlight = null;
      if (!sent || outcome.kind !== 'result' || outcome.result.id !== sent.id) return;
      const { cols, rows, cell, values, max } = outcome.result;
      densityStore.setFrame({ width: sent.width, height: sent.height, grid: { cols, rows, cell, values, max }, labels: sent.labels });
      if (again) {
        again = false;
        schedule();
      }
    }
    registerEvents({ afterRender: schedule });
    schedule();
    return () => {
      stopped = true;
      registerEvents({});
      if (frameRequest) cancelAnimationFrame(frameRequest);
      runner.close();
    };
  }, [sigma, view, kernel, densityStore, registerEvents]);

  useEffect(() => {
    const c = canvas.current;
    if (!c || !frame) return;
    const ratio = window.devicePixelRatio || 1;
    c.width = Math.round(frame.width * ratio);
    c.height = Math.round(frame.height * ratio);
    c.style.width = `${frame.width}px`;
    c.style.height = `${frame.height}px`;
    const ctx = c.getContext('2d');
    if (!ctx) return;
    paintFrame(ctx, frame, ratio);
    // How many frames this canvas has shown (tests wait for a painted, settled picture).
    c.dataset.painted = String(Number(c.dataset.painted ?? 0) + 1);
  }, [frame]);

  const density = view === 'density';
  return (
    <>
      {density && (
        <canvas
          ref={canvas}
          className="density-layer"
          role="img"
          aria-label={`Density of the ${frame ? '' : 'coming '}map: brighter where more weight sits close together${frame?.labels.length ? `; labelled: ${frame.labels.map((l) => l.text).join(', ')}` : ''}`}
        />
      )}
      <div className="view-switch" role="group" aria-label="View">
        <button type="button" aria-pressed={!density} onClick={() => densityStore.setView('network')}>
          Network
        </button>
        <button type="button" aria-pressed={density} onClick={() => densityStore.setView('density')}>
          Density
        </button>
        {density && (
          <>
            <label>
              Kernel{' '}
              <select value={kernel} onChange={(e) => densityStore.setKernel(Number(e.target.value))} aria-label="Kernel width">
                {KERNEL_NAMES.map((name, i) => (
                  <option key={name} value={i}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
            <span
              className="density-ramp"
              aria-hidden="true"
              style={{ background: `linear-gradient(to right, ${[0, 0.1, 0.3, 0.6, 1].map(rampColour).join(', ')})` }}
            />
            <span className="density-ramp-label">low → high</span>
          </>
        )}
      </div>
    </>
  );
}
