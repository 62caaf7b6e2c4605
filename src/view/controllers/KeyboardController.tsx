import { useEffect, useRef, useState } from 'react';
import { useRegisterEvents, useSigma } from '@react-sigma/core';
import { sigmaAlive } from './alive';
import '../a11y.css';
import { ARROW_DIRECTIONS, pickInDirection, startNode, type ScreenPoint } from './keyboardNav';

export interface KeyboardControllerProps {
  /** The node a selection put in focus (the keyboard starts there). */
  selectedNode: string | null;
  /** What the live region says about a node ("Name, 12 coauthors, 3 papers"). */
  describeNode: (node: string) => string;
  /** Enter on the focused node: select it (or open it, for a cluster of the overview). */
  onActivate: (node: string) => void;
}

export const GRAPH_KEYS_HELP = 'Arrow keys move to the neighbour that lies that way, Home goes to the most connected author, Enter selects, Escape clears.';

/**
 * The graph's keyboard model. The sigma container takes focus (Tab), arrow keys move between the focused node's
 * neighbours by direction on screen, Home (or the first key) starts on the selected or most connected node, Enter selects
 * it, Escape clears. A ring is drawn around the focused node and a live region announces it.
 */
export function KeyboardController({ selectedNode, describeNode, onActivate }: KeyboardControllerProps) {
  const sigma = useSigma();
  const registerEvents = useRegisterEvents();
  const [focused, setFocused] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const ring = useRef<HTMLDivElement>(null);
  const latest = useRef({ focused, selectedNode, describeNode, onActivate });
  latest.current = { focused, selectedNode, describeNode, onActivate };

  // A new graph (or a node gone from it) drops the keyboard focus.
  useEffect(() => {
    setFocused(null);
    setAnnouncement('');
  }, [sigma]);

  useEffect(() => {
    if (!sigmaAlive(sigma)) return;
    const container = sigma.getContainer();
    container.tabIndex = 0;
    container.setAttribute('role', 'application');
    container.setAttribute('aria-roledescription', 'network graph');
    container.setAttribute('aria-label', 'Coauthor network');
    container.setAttribute('aria-describedby', 'graph-keys-help');

    const visible = (node: string) => {
      const d = sigma.getNodeDisplayData(node);
      return d && !d.hidden ? d : undefined;
    };
    const screen = (node: string): ScreenPoint | null => {
      const d = visible(node);
      if (!d) return null;
      const p = sigma.framedGraphToViewport(d);
      return { id: node, x: p.x, y: p.y };
    };
    const moveTo = (node: string) => {
      setFocused(node);
      setAnnouncement(latest.current.describeNode(node));
      // Keep the focused node on screen.
      const p = screen(node);
      const { width, height } = sigma.getDimensions();
      const d = visible(node);
      if (p && d && (p.x < 24 || p.y < 24 || p.x > width - 24 || p.y > height - 24)) sigma.getCamera().animate({ x: d.x, y: d.y }, { duration: 300 });
    };
    const start = () => {
      const graph = sigma.getGraph();
      const nodes: { id: string; degree: number; isAuthor: boolean }[] = [];
      graph.forEachNode((n, a) => {
        if (visible(n)) nodes.push({ id: n, degree: graph.degree(n), isAuthor: a.kind === 'author' });
      });
      const { selectedNode: sel } = latest.current;
      return startNode(nodes, sel && visible(sel) ? sel : null);
    };

    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const graph = sigma.getGraph();
      const current = latest.current.focused && graph.hasNode(latest.current.focused) && visible(latest.current.focused) ? latest.current.focused : null;
      const direction = ARROW_DIRECTIONS[e.key];
      if (e.key === 'Home' || (direction && !current)) {
        e.preventDefault();
        const first = start();
        if (first) moveTo(first);
        else setAnnouncement('No node is shown.');
      } else if (direction && current) {
        e.preventDefault();
        const from = screen(current)!;
        const candidates = graph.neighbors(current).flatMap((n) => screen(n) ?? []);
        const next = pickInDirection(from, candidates, direction);
        if (next) moveTo(next);
        else
          setAnnouncement(
            candidates.length ? `No neighbour ${direction === 'left' || direction === 'right' ? `to the ${direction}` : direction}.` : 'No neighbours.',
          );
      } else if ((e.key === 'Enter' || e.key === ' ') && current) {
        e.preventDefault();
        latest.current.onActivate(current);
      } else if (e.key === 'Escape' && !latest.current.selectedNode && current) {
        // With a selection, Escape clears it (the page's handler); without one, it drops the keyboard focus.
        setFocused(null);
        setAnnouncement('');
      }
    };
    container.addEventListener('keydown', onKey);
    return () => container.removeEventListener('keydown', onKey);
  }, [sigma]);

  // The ring follows the node through camera moves and layout frames.
  useEffect(() => {
    const el = ring.current;
    if (!el || !sigmaAlive(sigma)) return;
    const place = () => {
      if (!sigmaAlive(sigma)) return;
      const d = focused && sigma.getGraph().hasNode(focused) ? sigma.getNodeDisplayData(focused) : undefined;
      if (!d || d.hidden) {
        el.style.display = 'none';
        return;
      }
      const p = sigma.framedGraphToViewport(d);
      const r = Math.max(8, sigma.scaleSize(d.size) + 5);
      Object.assign(el.style, { display: 'block', left: `${p.x - r}px`, top: `${p.y - r}px`, width: `${2 * r}px`, height: `${2 * r}px` });
    };
    place();
    registerEvents({ afterRender: place });
  }, [sigma, focused, registerEvents]);

  return (
    <>
      <div ref={ring} className="graph-node-focus" aria-hidden="true" />
      <p id="graph-keys-help" className="visually-hidden">
        {GRAPH_KEYS_HELP}
      </p>
      <div id="graph-announcer" className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </>
  );
}
