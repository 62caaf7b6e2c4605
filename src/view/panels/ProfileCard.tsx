import type { ClusterSummary } from '../../graph/clusters';
import type { DatasetIndex } from '../../graph/dataIndex';
import type { AtlasGraph } from '../../graph/types';
import { graphCommunityColour, type Theme } from '../../graph/palette';
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

export function ProfileCard({ index, graph, clusters, theme, datasetChoice, onDatasetChoice, options, onOptions, onSelect }: ProfileCardProps) {
  const { dataset } = index;
  const profile = dataset.profile;
  let authors = 0,
    hubs = 0,
    coauthorEdges = 0;
  graph.forEachNode((_n, a) => {
    if (a.kind === 'author') authors++;
    else if (a.kind === 'paper') hubs++;
  });
  graph.forEachEdge((_e, a) => {
    if (a.kind === 'coauthor') coauthorEdges++;
  });
  const colour = graphCommunityColour(theme, graph.getAttribute('fileMap')?.clusterColors);
  const papers = [...dataset.papers].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title">{profile?.name ?? dataset.title}</h2>
      {profile && (
        <dl className="stats">
          {profile.hIndex !== undefined && (
            <div>
              <dt>h-index</dt>
              <dd>{profile.hIndex}</dd>
            </div>
          )}
          {profile.papers !== undefined && (
            <div>
              <dt>papers</dt>
              <dd>{profile.papers}</dd>
            </div>
          )}
          {profile.citations !== undefined && (
            <div>
              <dt>citations</dt>
              <dd>{profile.citations.toLocaleString('en-US')}</dd>
            </div>
          )}
          {profile.noveltyPercent !== undefined && (
            <div>
              <dt>novelty</dt>
              <dd>{profile.noveltyPercent}%</dd>
            </div>
          )}
          {profile.aiScore !== undefined && (
            <div>
              <dt>AI score</dt>
              <dd>{profile.aiScore}</dd>
            </div>
          )}
        </dl>
      )}
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
        {dataset.papers.length.toLocaleString('en-US')} papers · {authors.toLocaleString('en-US')} authors · {coauthorEdges.toLocaleString('en-US')} coauthor
        links · {hubs} paper hub{hubs === 1 ? '' : 's'}
      </p>

      <h3>Clusters ({clusters.length})</h3>
      <FilterableList
        items={clusters}
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
              <span className="count" aria-label={`${c.size} authors`}>
                {c.size}
              </span>
            </button>
          </li>
        )}
      />
      {dataset.papers.length > 0 && (
        <p className="muted small">
          Dark grey nodes are papers with more than {options.hyperauthorCap} authors, drawn as one hub each instead of a clique; brown nodes are affiliations.
          Clusters beyond the eighth share light grey. Node size: papers in this dataset.
        </p>
      )}

      {onOptions && (
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
          <label>
            Edge weight:{' '}
            <select value={options.counting} onChange={(e) => onOptions({ counting: e.target.value as BuildOptions['counting'] })} aria-label="Counting">
              <option value="full">full counting (shared papers)</option>
              <option value="fractional">fractional counting (1/(n−1) per paper)</option>
            </select>
          </label>
          <label>
            <input type="checkbox" checked={options.includeAffiliations} onChange={(e) => onOptions({ includeAffiliations: e.target.checked })} /> Affiliation
            nodes
          </label>
          <AlgorithmOptions options={options} onOptions={onOptions} nodeCount={graph.order} />
        </details>
      )}

      {papers.length > 0 && (
        <>
          <h3>Papers ({papers.length})</h3>
          <FilterableList
            items={papers}
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
