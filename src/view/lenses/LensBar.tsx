import { useMemo, useState } from 'react';
import { useAtlas } from '../../app/context';
import type { LensState } from '../../lenses/types';
import { hasCitations, NO_CITATIONS_REASON } from '../../lenses/overlay';
import { FiltersPanel, activeFilterCount } from './FiltersPanel';
import { PathPicker } from './PathPicker';
import { NormalisationSelect } from './NormalisationSelect';
import { LinesSelect } from './LinesSelect';
import { setTableOpen, useTableOpen } from './tableOpen';
import './lenses.css';

const COLOR_LABELS: Record<LensState['colorBy'], string> = {
  community: 'community',
  affiliation: 'affiliation',
  firstYear: 'first year active',
  lastYear: 'last year active',
  avgYear: 'average publication year',
  citations: 'citations',
};
const SIZE_LABELS: Record<LensState['sizeBy'], string> = {
  papers: 'papers',
  coauthors: 'coauthors',
  weightedDegree: 'weighted degree',
  betweenness: 'betweenness',
  pagerank: 'PageRank',
};

/** The lens controls above the graph: colour, size, ego depth, unit, and the filter and path panels. */
export function LensBar() {
  const { lens, setLens, lensView, selection, workspace, units, graph } = useAtlas();
  const [open, setOpen] = useState<'filters' | 'path' | null>(null);
  const toggle = (which: 'filters' | 'path') => setOpen((o) => (o === which ? null : which));
  const egoEnabled = selection?.kind === 'author' && lens.unit === 'author';
  const filters = activeFilterCount(lens);
  const tableOpen = useTableOpen();
  // The URL can ask for a unit the data cannot give: App then keeps the author network.
  // A map file's own weights (the first is what the display graph is sized by, in place of papers) and scores.
  const fileMap = graph.getAttribute('fileMap');
  const sizeLabels: [string, string][] = Object.entries(SIZE_LABELS).map(([v, l]) => [v, v === 'papers' && fileMap?.weights.length ? fileMap.weights[0] : l]);
  for (const w of fileMap?.weights.slice(1) ?? []) sizeLabels.push([`weight:${w}`, w]);
  const colourLabels: [string, string][] = [...Object.entries(COLOR_LABELS), ...(fileMap?.scores ?? []).map((sc): [string, string] => [`score:${sc}`, sc])];
  // The citation overlay needs counts in the data (OpenAlex, WoS, Scopus give them); else it is offered disabled, with why.
  const citationsMissing = useMemo(() => !hasCitations(workspace.dataset.papers), [workspace.dataset]);
  const unitMissing =
    lens.unit !== 'author' && graph.someNode((_n, a) => a.kind === 'author')
      ? `No ${lens.unit === 'country' ? 'countries' : 'institutions'} in this dataset's affiliations: showing authors. `
      : '';

  return (
    <div
      className="lens-bar"
      role="toolbar"
      aria-label="Lenses"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(null);
        }
      }}
    >
      <button type="button" className="lens-button" aria-expanded={open === 'filters'} onClick={() => toggle('filters')}>
        Filters{filters ? ` (${filters})` : ''}
      </button>
      <button type="button" className="lens-button" aria-expanded={open === 'path'} onClick={() => toggle('path')} disabled={lens.unit !== 'author'}>
        Path{lens.path ? ' •' : ''}
      </button>
      <button
        type="button"
        className="lens-button"
        aria-pressed={tableOpen}
        onClick={() => setTableOpen(!tableOpen)}
        title="The visible authors as a sortable table"
      >
        Table
      </button>
      <label>
        Colour by
        <select aria-label="Colour by" value={lens.colorBy} onChange={(e) => setLens({ ...lens, colorBy: e.target.value as LensState['colorBy'] })}>
          {colourLabels.map(([v, l]) => (
            <option key={v} value={v} disabled={v === 'citations' && citationsMissing && lens.colorBy !== v}>
              {v === 'citations' && citationsMissing ? `${l} (${NO_CITATIONS_REASON})` : l}
            </option>
          ))}
        </select>
      </label>
      <label>
        Size by
        <select aria-label="Size by" value={lens.sizeBy} onChange={(e) => setLens({ ...lens, sizeBy: e.target.value as LensState['sizeBy'] })}>
          {sizeLabels.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </label>
      <NormalisationSelect />
      <LinesSelect />
      <label title={egoEnabled ? 'Show only the selected author’s neighbourhood' : 'Select an author to use the ego view'}>
        Ego view
        <select
          aria-label="Ego depth"
          value={lens.egoDepth ?? 0}
          disabled={!egoEnabled && !lens.egoDepth}
          onChange={(e) => {
            const d = Number(e.target.value);
            setLens({ ...lens, egoDepth: d ? (d as 1 | 2 | 3) : undefined });
          }}
        >
          <option value={0}>off</option>
          <option value={1}>depth 1</option>
          <option value={2}>depth 2</option>
          <option value={3}>depth 3</option>
        </select>
      </label>
      <label>
        Network of
        <select
          aria-label="Network unit"
          value={lens.unit}
          onChange={(e) => setLens({ ...lens, unit: e.target.value as LensState['unit'], path: undefined, egoDepth: undefined })}
        >
          <option value="author">authors</option>
          <option value="institution" disabled={!units.institution}>
            institutions{units.institution ? '' : ' (no affiliations in the data)'}
          </option>
          <option value="country" disabled={!units.country}>
            countries{units.country ? '' : ' (no countries in the data)'}
          </option>
        </select>
      </label>
      {lensView.colorLegend && (
        <span className="lens-legend" aria-label={`Colour legend: ${lensView.colorLegend.label}`}>
          <span className="muted">{lensView.colorLegend.label}:</span>
          {lensView.colorLegend.stops.map((s) => (
            <span key={s.value}>
              <span className="lens-swatch" style={{ background: s.color }} />
              {s.value}
            </span>
          ))}
        </span>
      )}
      <LensNotes
        text={`${unitMissing}${egoEnabled || !lens.egoDepth ? '' : 'Ego view: select an author. '}${(lensView.notes ?? []).filter((n) => !n.includes(' hop')).join(' ')}`}
      />
      {open === 'filters' && <FiltersPanel />}
      {open === 'path' && <PathPicker />}
    </div>
  );
}

/** Lens notes ("no path", "computing…"), announced politely; the live region stays mounted. */
function LensNotes({ text }: { text: string }) {
  return (
    <p className={`lens-notes small${text.trim() ? '' : ' empty'}`} role="status">
      {text.trim()}
    </p>
  );
}
