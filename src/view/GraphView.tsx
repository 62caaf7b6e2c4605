import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { SigmaContainer, useSigma } from '@react-sigma/core';
import type { Settings } from 'sigma/settings';
import type Sigma from 'sigma';
import { applyTheme, type DisplayGraph } from '../graph/display';
import type { Theme } from '../graph/palette';
import type { Highlight } from '../model/view';
import type { LensView } from '../lenses/types';
import { HighlightController } from './controllers/HighlightController';
import { LayoutController } from './controllers/LayoutController';
import { CameraController, EventsController, ExposeForTests, type GraphClick } from './controllers/EventsController';
import type { LayoutProgress, LayoutRunner } from './controllers/layout';
import { sigmaAlive } from './controllers/alive';
import { KeyboardController } from './controllers/KeyboardController';
import { DensityLayer } from './density/DensityLayer';
import { LabelController } from './labels/LabelController';
import { FitIcon, FullscreenIcon, PauseIcon, PlayIcon, ZoomInIcon, ZoomOutIcon } from './icons';

const THEME_INK: Record<Theme, { label: string; accent: string; box: string; text: string }> = {
  light: { label: '#1d1d24', accent: '#c0392b', box: '#ffffff', text: '#1d1d24' },
  dark: { label: '#ececf1', accent: '#ffb454', box: '#2a2d38', text: '#ffffff' },
};

const NO_NODES: string[] = [];

export interface GraphViewProps {
  graph: DisplayGraph;
  theme: Theme;
  highlight: Highlight | null;
  focusRequest: { nodes: string[]; nonce: number } | null;
  onClick: (c: GraphClick) => void;
  /** Run ForceAtlas2 on load (off when the positions were saved or came with a graph file). */
  autoLayout: boolean;
  initialCamera?: { x: number; y: number; ratio: number; angle: number };
  onSigma: (sigma: Sigma | null) => void;
  lens: LensView;
  /** What the keyboard's live region says about a node. */
  describeNode: (node: string) => string;
  /** Enter on the node the keyboard is on. */
  onActivate: (node: string) => void;
}

export function GraphView({
  graph,
  theme,
  highlight,
  focusRequest,
  onClick,
  autoLayout,
  initialCamera,
  onSigma,
  lens,
  describeNode,
  onActivate,
}: GraphViewProps) {
  const settings = useMemo<Partial<Settings>>(
    () => ({
      zIndex: true,
      // Labels never overlap (src/view/labels), so the grid may offer more candidates than sigma's default.
      labelDensity: 0.2,
      labelGridCellSize: 80,
      labelRenderedSizeThreshold: 7,
      labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      labelSize: 12,
      labelColor: { color: THEME_INK[theme].label },
      minCameraRatio: 0.02,
      maxCameraRatio: 4,
      hideEdgesOnMove: graph.size > 50000,
    }),
    // Theme changes are applied in place by ThemeController; a new graph gets fresh settings.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [graph],
  );
  const runner = useRef<LayoutRunner | null>(null);
  const [progress, setProgress] = useState<LayoutProgress | null>(null);
  const onReady = useCallback((r: LayoutRunner | null) => {
    runner.current = r;
    // A runner is made per graph: the last graph's progress (its runner killed mid-run) must not stay on show.
    setProgress(null);
  }, []);
  const layoutRunning = useCallback(() => runner.current?.isRunning() ?? false, []);

  return (
    <SigmaContainer graph={graph} settings={settings} className="atlas-sigma" style={{ width: '100%', height: '100%' }}>
      <ThemeController theme={theme} />
      <SigmaHandle onSigma={onSigma} initialCamera={initialCamera} />
      <LayoutController autoStart={autoLayout} onReady={onReady} onProgress={setProgress} weights={lens.layoutWeights} weightsKey={lens.normalization} />
      <HighlightController selected={highlight} ink={THEME_INK[theme]} lens={lens} />
      <EventsController onClick={onClick} />
      <KeyboardController selectedNode={highlight?.focus[0] ?? null} describeNode={describeNode} onActivate={onActivate} />
      <CameraController request={focusRequest} layoutRunning={progress?.running ?? autoLayout} />
      <ExposeForTests layoutRunning={layoutRunning} />
      <LabelController selected={highlight?.focus ?? NO_NODES} />
      <GraphControls progress={progress} runner={runner} />
      <DensityLayer />
    </SigmaContainer>
  );
}

/** Hands the sigma instance up, and puts the camera where a snapshot left it. */
function SigmaHandle({ onSigma, initialCamera }: { onSigma: (s: Sigma | null) => void; initialCamera?: GraphViewProps['initialCamera'] }) {
  const sigma = useSigma();
  useEffect(() => {
    if (!sigmaAlive(sigma)) return;
    onSigma(sigma);
    if (initialCamera) sigma.getCamera().setState(initialCamera);
    // sigma only listens to window resizes; a notice appearing above the graph changes its height too.
    const observer = new ResizeObserver(() => {
      if (sigmaAlive(sigma)) sigma.resize(true).refresh({ schedule: true });
    });
    observer.observe(sigma.getContainer());
    return () => {
      observer.disconnect();
      onSigma(null);
    };
    // The saved camera applies once, to the sigma instance it came with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sigma]);
  return null;
}

function ThemeController({ theme }: { theme: Theme }) {
  const sigma = useSigma();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    applyTheme(sigma.getGraph() as unknown as DisplayGraph, theme);
    if (sigmaAlive(sigma)) sigma.setSetting('labelColor', { color: THEME_INK[theme].label });
  }, [sigma, theme]);
  return null;
}

function GraphControls({ progress, runner }: { progress: LayoutProgress | null; runner: React.RefObject<LayoutRunner | null> }) {
  const sigma = useSigma();
  const camera = sigma.getCamera();
  const [fullscreen, setFullscreen] = useState(false);
  useEffect(() => {
    const update = () => setFullscreen(Boolean(document.fullscreenElement));
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, []);
  const toggleFullscreen = () => {
    const el = document.querySelector('.app') as HTMLElement | null;
    if (document.fullscreenElement) void document.exitFullscreen();
    else void el?.requestFullscreen?.();
  };
  const running = progress?.running ?? false;
  const pct = progress ? Math.round((100 * progress.iterations) / progress.maxIterations) : 0;
  return (
    <div className="graph-controls" role="toolbar" aria-label="Graph controls">
      <button type="button" onClick={() => camera.animatedZoom({ duration: 250 })} aria-label="Zoom in" title="Zoom in">
        <ZoomInIcon />
      </button>
      <button type="button" onClick={() => camera.animatedUnzoom({ duration: 250 })} aria-label="Zoom out" title="Zoom out">
        <ZoomOutIcon />
      </button>
      <button type="button" onClick={() => camera.animatedReset({ duration: 300 })} aria-label="Fit graph" title="Fit the whole graph">
        <FitIcon />
      </button>
      <button type="button" onClick={toggleFullscreen} aria-label={fullscreen ? 'Exit fullscreen' : 'Fullscreen'} title="Fullscreen">
        <FullscreenIcon />
      </button>
      <span className="sep" />
      <button
        type="button"
        aria-pressed={running}
        aria-label={running ? 'Stop layout' : 'Run layout'}
        title={running ? 'Stop the ForceAtlas2 layout' : 'Run the ForceAtlas2 layout'}
        onClick={() => (running ? runner.current?.stop() : runner.current?.start())}
      >
        {running ? <PauseIcon /> : <PlayIcon />}
      </button>
      <div className="layout-status" aria-live="polite">
        {running ? (
          <>
            <progress max={100} value={pct} aria-label="Layout progress" />
            <span>Layout {pct}%</span>
          </>
        ) : progress ? (
          <span>{progress.settled ? 'Layout settled' : 'Layout stopped'}</span>
        ) : null}
      </div>
    </div>
  );
}
