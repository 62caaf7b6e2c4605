import { useMemo } from 'react';
import type { ClusterSummary } from '../../graph/clusters';
import { useAtlas } from '../../app/context';
import { visibleSummary, type VisibleSummary } from '../../lenses/visibleSummary';
import { DEFAULT_LENS, type LensState } from '../../lenses/types';
import { visiblePapers } from '../../lenses/papers';
import { newestFirst, newestFirstHead } from '../../model/newestFirst';
import { ProfileStats } from './ProfileStats';
import type { DatasetIndex } from '../../graph/dataIndex';
import type { AtlasGraph } from '../../graph/types';
import { needsOverview } from '../../graph/overview';
import { COLOUR_NAMES, graphCommunityColour, type Theme } from '../../graph/palette';
import { inRange, OPTION_RANGES, type BuildOptions } from '../../graph/types';
import type { DatasetChoice, Selection } from '../../app/selection';
import { FilterableList, PaperLine, show, type Select } from './common';
import type { Paper } from '../../model/types';
import { AlgorithmOptions } from './AlgorithmOptions';

const CAP = OPTION_RANGES.hyperauthorCap;

const clusterText = (c: ClusterSummary) => c.name;
const paperText = (p: Paper) => p.title;

export interface ProfileCardProps {
  index: DatasetIndex;
  /** The whole source graph (not only what is drawn: the overview draws clusters). */
  graph: AtlasGraph;
  clusters: ClusterSummary[];
  theme: Theme;
  /** The embedded dataset shown, or null for any other dataset. */
  datasetChoice: DatasetChoice | null;
  onDatasetChoice: (c: DatasetChoice) => void;
  options: BuildOptions;
  /** Absent when the graph came ready-made (a graph file): there is nothing to rebuild. */
  onOptions?: (o: Partial<BuildOptions>) => void;
  onSelect: Select;
  selection: Selection;
}

const NO_HIDDEN: ReadonlySet<string> = new Set();

/**
 * What a cluster overview draws: the authors of its drawn cluster nodes (their kept authors under a lens) and the
 * clusters they stand for ("the rest" node stands for every community not drawn on its own). Links and hubs are not
 * drawn one by one there: the whole graph's are given.
 */
function overviewDrawn(
  display: { forEachNode(cb: (n: string, a: { community?: number; authorCount?: number }) => void): void },
  clusters: readonly ClusterSummary[],
  hidden: ReadonlySet<string>,
  keptAuthors: ReadonlyMap<string, number> | undefined,
  whole: VisibleSummary,
): VisibleSummary {
  const own = new Set<number>();
  const drawnCommunities = new Map<number, number | undefined>();
  let authors = 0;
  let restDrawn = false;
  const known = new Set(clusters.map((c) => c.community));
  display.forEachNode((n, a) => {
    if (a.community === undefined) return;
    own.add(a.community);
    if (hidden.has(n)) return;
    const kept = keptAuthors?.get(n);
    authors += kept ?? a.authorCount ?? 0;
    if (known.has(a.community)) drawnCommunities.set(a.community, kept);
    else restDrawn = true;
  });
  const shown = clusters
    .filter((c) => drawnCommunities.has(c.community) || (restDrawn && !own.has(c.community)))
    .map((c) => ({ ...c, shown: drawnCommunities.get(c.community) ?? c.size }));
  return { ...whole, authors, clusters: shown, filtered: hidden.size > 0 };
}

/**
 * Papers newest first: the first 25 in one pass, the whole sort only when the list is filtered or shown whole (a
 * field's 156k papers took ~150 ms to sort in the task that first shows them).
 */
const NEWEST_FIRST = { all: newestFirst, first: newestFirstHead };

export function ProfileCard({ index, graph, clusters, theme, datasetChoice, onDatasetChoice, options, onOptions, onSelect }: ProfileCardProps) {
  const { dataset } = index;
  const profile = dataset.profile;
  const { lens, lensView, displayIsWhole, graph: display } = useAtlas();
  // Counts and legend describe what is drawn: the lenses' hidden nodes and edges are left out; one cluster drilled
  // into counts its own authors; a cluster overview counts the authors of the clusters it draws (overviewDrawn).
  const overview = !displayIsWhole && display.everyNode((_n, a) => a.kind === 'cluster');
  const drilled = !displayIsWhole && !overview;
  const hiddenNodes = displayIsWhole || drilled ? lensView.hiddenNodes : NO_HIDDEN;
  const hiddenEdges = displayIsWhole || drilled ? lensView.hiddenEdges : NO_HIDDEN;
  // The legend in colour order: the palette colours communities by number, so "past the eighth" is past the eighth here.
  const byColour = useMemo(() => [...clusters].sort((a, b) => a.community - b.community), [clusters]);
  // The whole graph's counts: one pass per source graph, shared by the overview and every cluster drilled into.
  const wholeCounts = useMemo(() => {
    const counts = visibleSummary(graph, byColour, NO_HIDDEN, NO_HIDDEN);
    // A very big graph's edges are not in the page's copy (graph/edgesApart.ts): it carries their count.
    const apart = graph.getAttribute('edgesApart');
    return apart ? { ...counts, coauthorLinks: apart.coauthorLinks } : counts;
  }, [graph, byColour]);
  const drawn = useMemo(() => {
    if (overview) return overviewDrawn(display, byColour, lensView.hiddenNodes, lensView.clusterAuthors, wholeCounts);
    // A drilled cluster's nodes and edges are the display's own (communitySubgraph): counted there, not over the whole graph.
    return visibleSummary(drilled ? display : graph, byColour, hiddenNodes, hiddenEdges, drilled ? (n) => display.hasNode(n) : undefined);
  }, [graph, byColour, hiddenNodes, hiddenEdges, overview, drilled, display, lensView.hiddenNodes, lensView.clusterAuthors, wholeCounts]);
  const whole = drawn.filtered ? wholeCounts : drawn;
  const { authors, hubs, coauthorLinks: coauthorEdges } = drawn;
  // Papers the year, category and venue filters keep (all of them without such a filter).
  const { years, categories, venues } = lens;
  const keptPapers = useMemo(
    () => visiblePapers(dataset.papers, { ...DEFAULT_LENS, years, categories, venues })?.size ?? dataset.papers.length,
    [dataset.papers, years, categories, venues],
  );
  const of = (n: number, total: number) =>
    drawn.filtered && n !== total ? `${n.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}` : n.toLocaleString('en-US');
  const colour = graphCommunityColour(theme, graph.getAttribute('fileMap')?.clusterColors);
  const names = COLOUR_NAMES[theme];
  const fileColours = Boolean(graph.getAttribute('fileMap')?.clusterColors);
  const papers = dataset.papers;
  // A field folder carries its papers as counts (its works, or the drilled cluster's), and only the counting option applies.
  const fieldFolder = graph.getAttribute('fieldFolder');
  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title">{profile?.name ?? dataset.title}</h2>
      {profile && <ProfileStats profile={profile} />}
      {datasetChoice && (
        <fieldset className="dataset-choice">
          <legend>Author lists</legend>
          <label>
            <input type="radio" name="dataset" checked={datasetChoice === 'full'} onChange={() => onDatasetChoice('full')} /> Full (sourced)
          </label>
          <label>
            <input type="radio" name="dataset" checked={datasetChoice === 'shown'} onChange={() => onDatasetChoice('shown')} /> As the profile shows them (“et
            al.”)
          </label>
        </fieldset>
      )}
      {!datasetChoice && dataset.description && <p className="muted">{dataset.description}</p>}
      <p className="muted summary">
        {drawn.filtered && 'Drawn now: '}
        <span data-count="papers">{fieldFolder ? fieldFolder.papers.toLocaleString('en-US') : of(keptPapers, dataset.papers.length)}</span> papers ·{' '}
        <span data-count="authors">{of(authors, whole.authors)}</span> authors · <span data-count="links">{of(coauthorEdges, whole.coauthorLinks)}</span>{' '}
        coauthor links · <span data-count="hubs">{of(hubs, whole.hubs)}</span> {whole.hubs === 1 ? 'paper hub' : 'paper hubs'}
      </p>

      <h3>Clusters ({of(drawn.clusters.length, clusters.length)})</h3>
      <FilterableList
        items={drawn.clusters}
        label="clusters"
        initial={12}
        text={clusterText}
        listLabel="Clusters"
        listClassName="legend"
        render={(c) => (
          <li key={c.community}>
            <button
              type="button"
              className="legend-item"
              onClick={() => onSelect({ kind: 'cluster', community: c.community }, { focus: true })}
              title="Focus this cluster"
            >
              <span className="swatch" style={{ background: colour(c.community) }} aria-hidden="true" />
              <span className="legend-name">{show.name(c.name)}</span>
              <span className="count" aria-label={`${c.shown} authors${c.shown === c.size ? '' : ` drawn of ${c.size}`}`}>
                {c.shown}
              </span>
            </button>
          </li>
        )}
      />
      <p className="muted small legend-note">
        {dataset.papers.length > 0 && (
          <>
            {capitalise(names.hub)} nodes are papers with more than {options.hyperauthorCap} authors, drawn as one hub each instead of a clique
            {options.includeAffiliations ? `; ${names.affiliation} nodes are affiliations` : ''}.{' '}
          </>
        )}
        {!fileColours && clusters.length >= 8 && `The eighth cluster is ${names.eighth}. `}
        {!fileColours && clusters.length > 8 && `Clusters past the eighth share ${names.other}. `}
        <span className="size-note">{sizeNote(lens.sizeBy, Boolean(lensView.nodeSizes), graph.getAttribute('fileMap')?.weights[0])}</span>
      </p>

      {onOptions && fieldFolder && (
        <details className="options">
          <summary>Graph options</summary>
          <CountingChoice options={options} onOptions={onOptions} />
          <p className="muted small">The hyperauthor cap and the clusters were fixed by npm run field; run it again to change them.</p>
        </details>
      )}
      {onOptions && !fieldFolder && (
        <details className="options">
          <summary>Graph options</summary>
          <label>
            Papers with more than{' '}
            <input
              type="number"
              min={CAP.min}
              max={CAP.max}
              value={options.hyperauthorCap}
              onChange={(e) => {
                const v = Math.round(Number(e.target.value));
                if (inRange(v, CAP)) onOptions({ hyperauthorCap: v });
              }}
              aria-label="Hyperauthor cap"
            />{' '}
            authors become hub nodes
          </label>
          <label>
            <input type="checkbox" checked={options.allPapersAsHubs} onChange={(e) => onOptions({ allPapersAsHubs: e.target.checked })} /> Show every paper as a
            hub node
          </label>
          <CountingChoice options={options} onOptions={onOptions} />
          <label>
            <input type="checkbox" checked={options.includeAffiliations} onChange={(e) => onOptions({ includeAffiliations: e.target.checked })} /> Affiliation
            nodes
          </label>
          <AlgorithmOptions
            options={options}
            onOptions={onOptions}
            nodeCount={displayIsWhole ? graph.order : display.order}
            scope={overview ? 'overview' : drilled ? 'cluster' : needsOverview(graph) ? 'whole-big' : 'whole'}
          />
        </details>
      )}

      {papers.length > 0 && (
        <>
          <h3>Papers ({papers.length})</h3>
          <FilterableList
            items={papers}
            order={NEWEST_FIRST}
            label="papers"
            initial={25}
            text={paperText}
            listClassName="papers"
            render={(p) => <PaperLine key={p.id} paper={p} onSelect={onSelect} />}
          />
        </>
      )}
      {dataset.sourceNotes && (
        <details className="sources">
          <summary>About this data</summary>
          <ul>
            {dataset.sourceNotes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const SIZE_NOTES: Record<string, string> = {
  papers: 'papers in this dataset',
  coauthors: 'coauthors among the drawn authors',
  weightedDegree: 'weighted degree (sum of the drawn links’ weights)',
  betweenness: 'betweenness centrality in the drawn graph',
  pagerank: 'PageRank in the drawn graph',
};

/** "Node size: …", saying what the size lens sizes by and on which scale. */
export function sizeNote(sizeBy: LensState['sizeBy'], resized: boolean, fileWeight?: string): string {
  if (sizeBy.startsWith('weight:')) return `Node size: ${sizeBy.slice('weight:'.length)} (from the map file), scaled to the largest drawn.`;
  if (sizeBy === 'papers') {
    if (fileWeight) return `Node size: ${fileWeight} (from the map file).`;
    return resized ? 'Node size: papers the year and paper filters keep, on the whole graph’s scale.' : 'Node size: papers in this dataset.';
  }
  if ((sizeBy === 'betweenness' || sizeBy === 'pagerank') && !resized) return `Node size: papers until ${SIZE_NOTES[sizeBy]} is computed.`;
  return `Node size: ${SIZE_NOTES[sizeBy] ?? sizeBy}, scaled to the largest drawn.`;
}

function CountingChoice({ options, onOptions }: { options: BuildOptions; onOptions: (o: Partial<BuildOptions>) => void }) {
  return (
    <label>
      Edge weight:{' '}
      <select value={options.counting} onChange={(e) => onOptions({ counting: e.target.value as BuildOptions['counting'] })} aria-label="Counting">
        <option value="full">full counting (shared papers)</option>
        <option value="fractional">fractional counting (1/(n−1) per paper)</option>
      </select>
    </label>
  );
}
