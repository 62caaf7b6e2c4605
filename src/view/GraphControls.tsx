import { useEffect, useState } from 'react';
import { useSigma } from '@react-sigma/core';
import type { LayoutProgress, LayoutRunner } from './controllers/layout';
import { FitIcon, FullscreenIcon, PauseIcon, PlayIcon, ZoomInIcon, ZoomOutIcon } from './icons';

/** The buttons over the graph: zoom, fit, fullscreen, and the layout's run/stop with its progress. */
export function GraphControls({ progress, runner }: { progress: LayoutProgress | null; runner: React.RefObject<LayoutRunner | null> }) {
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
