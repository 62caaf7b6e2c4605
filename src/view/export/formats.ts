import { mapLensToFilters } from '../../lenses/mapLens';
import type Sigma from 'sigma';
import type { AtlasApi } from '../../app/context';
import type { AtlasGraph } from '../../graph/types';
import {
  captionText,
  createSnapshot,
  edgesCsv,
  exportFileName,
  graphView,
  nodesCsv,
  papersAmong,
  renderSvg,
  toBibtex,
  toCslJson,
  toVosviewerJson,
  validateSnapshot,
  writeGexf,
  writeGraphml,
  type Snapshot,
  type ViewState,
} from '../../export';
import type { ExportScope } from './scopes';
import { sigmaScreenView } from './sigmaView';
import type { DensityFrame } from '../density/densityState';
import { densitySvg } from '../density/exportDensity';
import { exportLegend } from './legend';

export interface ExportInput {
  api: AtlasApi;
  scope: ExportScope | null;
  date: Date;
  /** The density frame on screen (the density store's `shownDensity()`), null on the network. */
  density: DensityFrame | null;
}

export interface ExportFile {
  text: string;
  type: string;
  fileName: string;
}

/** The displayed graph with full labels (the canvas shows shortened ones for hubs and affiliations). */
function exportGraph(api: AtlasApi): AtlasGraph {
  const g = api.graph.copy();
  g.forEachNode((n, a) => {
    if (a.fullLabel && a.fullLabel !== a.label) g.setNodeAttribute(n, 'label', a.fullLabel);
  });
  return g as unknown as AtlasGraph;
}

const file = (input: ExportInput, ext: string, type: string, text: string): ExportFile => ({
  text,
  type,
  fileName: exportFileName(input.api.workspace.dataset.title, ext, input.date, input.scope?.fileTag),
});

export type DataFormat = 'gexf' | 'graphml' | 'vosviewer' | 'nodes-csv' | 'edges-csv' | 'csl-json' | 'bibtex';

export const DATA_FORMAT_LABELS: Record<DataFormat, string> = {
  gexf: 'GEXF 1.3 (Gephi)',
  graphml: 'GraphML',
  vosviewer: 'VOSviewer JSON',
  'nodes-csv': 'CSV — nodes',
  'edges-csv': 'CSV — edges',
  'csl-json': 'CSL-JSON (papers)',
  bibtex: 'BibTeX (papers)',
};

/** A data file of the graph (or of the scope): positions, colours and sizes as shown, full labels. */
export function dataFile(format: DataFormat, input: ExportInput): ExportFile {
  const { api, scope } = input;
  const keep = scope?.nodes ?? null;
  const graph = exportGraph(api);
  const view: ViewState = graphView(graph, keep);
  const title = `${api.workspace.dataset.title}${scope ? ` — ${scope.label}` : ''}`;
  const papers = () => papersAmong(api.workspace.dataset, scope?.paperIds ?? null);
  // Links and total link strength as the details panel and the table show them (none on a cluster overview).
  const linkStrengths = api.lensView.linkStrengths?.size ? api.lensView.linkStrengths : undefined;
  switch (format) {
    case 'gexf':
      return file(input, 'gexf', 'application/gexf+xml', writeGexf(graph, view, { description: `Coauthor network: ${title}` }));
    case 'graphml':
      return file(input, 'graphml', 'application/graphml+xml', writeGraphml(graph, view));
    case 'vosviewer':
      return file(input, 'vosviewer.json', 'application/json', JSON.stringify(toVosviewerJson(graph, view, { title, linkStrengths }), null, 2));
    case 'nodes-csv':
      return file(input, 'nodes.csv', 'text/csv', nodesCsv(graph, view, { linkStrengths }));
    case 'edges-csv':
      return file(input, 'edges.csv', 'text/csv', edgesCsv(graph, api.workspace.dataset, view));
    case 'csl-json':
      return file(input, 'csl.json', 'application/vnd.citationstyles.csl+json', JSON.stringify(toCslJson(papers()), null, 2));
    case 'bibtex':
      return file(input, 'bib', 'application/x-bibtex', toBibtex(papers()));
  }
}

const ACCENT = { light: '#c0392b', dark: '#ffb454' } as const;
/** The highlight colour the graph view uses for the edges of a selection. */
export const accentOf = (api: AtlasApi) => ACCENT[api.theme];

/** An SVG of what is on screen (or of the scope within it), from sigma's display data. */
export function svgFile(sigma: Sigma, input: ExportInput, legend: boolean): ExportFile {
  const { api, scope } = input;
  // The density view exports its own picture (the whole view: a scope does not apply to a density).
  const density = input.density;
  if (density)
    return file(
      input,
      'density.svg',
      'image/svg+xml',
      densitySvg(density, { title: api.workspace.dataset.title, caption: captionText(api.workspace.dataset.title, api.options, input.date) }),
    );
  const { width, height } = sigma.getDimensions();
  const view = sigmaScreenView(sigma, scope?.nodes ?? null);
  const dark = api.theme === 'dark';
  const svg = renderSvg(exportGraph(api), view, {
    width,
    height,
    coordinates: 'screen',
    labels: 'all',
    padding: 16,
    background: dark ? '#111217' : '#ffffff',
    textColor: dark ? '#ececf1' : '#1d1d24',
    highlightColor: accentOf(api),
    title: api.workspace.dataset.title,
    caption: captionText(api.workspace.dataset.title, api.options, input.date, scope?.label),
    legend: legend ? exportLegend(api, scope?.nodes) : undefined,
  });
  return file(input, 'svg', 'image/svg+xml', svg);
}

/**
 * The snapshot of the workspace: dataset, options, merges, every node's position, the camera and
 * the selection. It always holds the whole dataset: opening it restores this exact view.
 */
export function snapshotOf(api: AtlasApi, sigma: Sigma | null, date: Date): { ok: true; snapshot: Snapshot } | { ok: false; errors: string[] } {
  if (api.workspace.graph)
    return { ok: false, errors: ['a graph opened from a GEXF/GraphML/VOSviewer file cannot be saved as a snapshot yet: export GEXF or GraphML instead'] };
  const positions: Record<string, [number, number]> = {};
  api.graph.forEachNode((node, a) => {
    positions[node] = [a.x, a.y];
  });
  const { x, y, ratio, angle } = sigma ? sigma.getCamera().getState() : { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
  const dataset = api.workspace.dataset;
  const snapshot = createSnapshot({
    createdAt: date.toISOString(),
    dataset,
    options: { ...api.options },
    merges: dataset.aliases,
    positions,
    camera: { x, y, ratio, angle },
    // The map lens (normalisation, top N by link strength); the other lenses are not kept yet.
    filters: mapLensToFilters(api.lens),
    selection: api.selection,
    theme: api.theme,
  });
  // What we write must be what we accept.
  const check = validateSnapshot(JSON.parse(JSON.stringify(snapshot)));
  return check.ok ? { ok: true, snapshot } : { ok: false, errors: check.errors };
}

export function snapshotFile(snapshot: Snapshot, input: ExportInput): ExportFile {
  return { text: JSON.stringify(snapshot), type: 'application/json', fileName: exportFileName(input.api.workspace.dataset.title, 'snapshot.json', input.date) };
}
