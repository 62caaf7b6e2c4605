// The benchmark's floor: the same file opened by graphology + sigma with no app around them.
import Graph from 'graphology';
import { parse } from 'graphology-gexf/browser';
import Sigma from 'sigma';

declare global {
  interface Window {
    __bench?: { sigma: Sigma; frames: { order: number; t: number }[] };
  }
}

const file = new URLSearchParams(window.location.search).get('file');
if (file) {
  const text = await (await fetch(file)).text();
  const graph = parse(Graph, text);
  graph.forEachNode((node, a) => graph.mergeNodeAttributes(node, { size: a.size ?? 3, color: a.color ?? '#0072B2', label: a.label ?? node }));
  const sigma = new Sigma(graph, document.getElementById('stage')!);
  const frames: { order: number; t: number }[] = [];
  sigma.on('afterRender', () => frames.push({ order: graph.order, t: performance.now() }));
  window.__bench = { sigma, frames };
  sigma.refresh();
}
