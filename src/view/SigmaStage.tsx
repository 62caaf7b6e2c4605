import { useEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { SigmaProvider } from '@react-sigma/core';
import Sigma from 'sigma';
import { DEFAULT_SETTINGS, type Settings } from 'sigma/settings';
import type Graph from 'graphology';

/** What controllers set on sigma (reducers, drawers), back to sigma's defaults before another graph's controllers mount. */
const CONTROLLED_DEFAULTS: Partial<Settings> = {
  nodeReducer: DEFAULT_SETTINGS.nodeReducer,
  edgeReducer: DEFAULT_SETTINGS.edgeReducer,
  defaultDrawNodeLabel: DEFAULT_SETTINGS.defaultDrawNodeLabel,
  defaultDrawNodeHover: DEFAULT_SETTINGS.defaultDrawNodeHover,
};

const NO_EDGES_YET: Settings['edgeReducer'] = (_edge, data) => ({ ...data, hidden: true });

/**
 * The graph stage's one sigma instance, and the context its controllers read (in place of @react-sigma's
 * SigmaContainer, which makes a new sigma for every graph: new WebGL contexts, programs compiled again and a first
 * frame from nothing, ~200 ms more per drill in software WebGL). When the graph changes, the controllers made for the
 * last one unmount first (their cleanups run while sigma still has the graph they were made for); then sigma takes
 * the new graph with the new settings (sigma's defaults for what controllers set, so no reducer or label drawer of the
 * last graph's controllers is left), and the controllers mount again for it, as they would for a new sigma.
 */
export function SigmaStage({
  graph,
  settings,
  className,
  style,
  children,
}: {
  graph: Graph;
  settings: Partial<Settings>;
  className?: string;
  style?: CSSProperties;
  children: ReactNode;
}) {
  const rootRef = useRef<HTMLDivElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const [sigma, setSigma] = useState<Sigma | null>(null);
  // The graph sigma holds and its controllers are mounted for.
  const [held, setHeld] = useState<Graph | null>(null);
  // The first graph and settings the instance is made with (later ones are swapped in below).
  const first = useRef({ graph, settings });

  useEffect(() => {
    const instance = new Sigma(first.current.graph, containerRef.current!, first.current.settings);
    setSigma(instance);
    setHeld(first.current.graph);
    return () => {
      instance.kill();
      setSigma(null);
      setHeld(null);
    };
  }, []);

  // Runs after the controllers of the last graph have unmounted (this render left them out).
  useEffect(() => {
    first.current = { graph, settings };
    if (!sigma || sigma.getGraph() === graph) return;
    // setGraph draws at once, before the controllers' reducers (lenses, the lines limit) are set: its edges would be
    // drawn all, for nothing (in software WebGL the rasteriser drew a drilled cluster's 9,173 links, then the 2,000
    // shown). Until the controllers mount, it draws the nodes only.
    sigma.setSettings({ ...CONTROLLED_DEFAULTS, ...settings, edgeReducer: NO_EDGES_YET });
    sigma.setGraph(graph);
    setHeld(graph);
  }, [sigma, graph, settings]);

  const context = useMemo(() => (sigma && rootRef.current ? { sigma, container: rootRef.current } : null), [sigma]);
  const ready = context !== null && held === graph;
  return (
    <div className={`react-sigma ${className ?? ''}`} style={style} ref={rootRef}>
      <div className="sigma-container" ref={containerRef} />
      {ready ? <SigmaProvider value={context}>{children}</SigmaProvider> : null}
    </div>
  );
}
