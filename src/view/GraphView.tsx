import { useCallback, useMemo, useRef, useState } from 'react';
import type { Settings } from 'sigma/settings';
import type Sigma from 'sigma';
import type { DisplayGraph } from '../graph/display';
import type { Theme } from '../graph/palette';
import type { Highlight } from '../model/view';
import type { LensView } from '../lenses/types';
import { HighlightController } from './controllers/HighlightController';
import { LayoutController } from './controllers/LayoutController';
import { EventsController, type GraphClick } from './controllers/EventsController';
import { CameraController } from './controllers/CameraController';
import { ExposeForTests } from './controllers/ExposeForTests';
import { SigmaHandle } from './controllers/SigmaHandle';
import { ThemeController } from './controllers/ThemeController';
import type { LayoutProgress, LayoutRunner } from './controllers/layout';
import { KeyboardController } from './controllers/KeyboardController';
import { DensityLayer } from './density/DensityLayer';
import { LabelController } from './labels/LabelController';
import { GraphControls } from './GraphControls';
import { THEME_INK } from './themeInk';
import { SigmaStage } from './SigmaStage';

const NO_NODES: string[] = [];
const STAGE_STYLE = { width: '100%', height: '100%' };

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
    <SigmaStage graph={graph} settings={settings} className="atlas-sigma" style={STAGE_STYLE}>
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
    </SigmaStage>
  );
}
