import { useCallback, useEffect, useRef, useState } from 'react';
import type { DatasetIndex, Coauthor } from '../../graph/dataIndex';
import type { ClusterSummary } from '../../graph/clusters';
import type { AtlasGraph } from '../../graph/types';
import type { Selection } from '../../app/selection';
import { categoryLabel } from '../../model/types';
import { authorNodeId } from '../../graph/types';
import { arxivUrl, CategoryBadge, doiUrl, FilterableList, formatDate, PaperLine, show, type Select } from './common';
import { DISPLAY_LIMITS } from '../../security';
import { ProfileCard, type ProfileCardProps } from './ProfileCard';
import { countryCollaboration } from '../../metrics/countryMap';
import { NARROW_WORKSPACE, useMediaQuery } from '../layout/useMediaQuery';
import { LinkStrengthFacts } from './LinkStrengthFacts';

export interface DetailsPanelProps extends ProfileCardProps {
  selection: Selection;
  index: DatasetIndex;
  /** The whole source graph (not only what is drawn: the overview draws clusters). */
  graph: AtlasGraph;
  clusters: ClusterSummary[];
  onSelect: Select;
}

export function DetailsPanel(props: DetailsPanelProps) {
  const { selection } = props;
  // On narrow windows the panel is a bottom sheet over the graph: folded to its heading, opened by its handle
  // or by a new selection.
  const narrow = useMediaQuery(NARROW_WORKSPACE);
  const [sheetOpen, setSheetOpen] = useState(false);
  const selectionKey = JSON.stringify(selection);
  const [shownKey, setShownKey] = useState(selectionKey);
  if (shownKey !== selectionKey) {
    setShownKey(selectionKey);
    if (selection) setSheetOpen(true);
  }
  // A new selection starts at its heading, wherever the previous one was scrolled to (a long coauthor list).
  const aside = useRef<HTMLElement>(null);
  useEffect(() => {
    aside.current?.scrollTo({ top: 0 });
  }, [selectionKey]);
  const folded = narrow && !sheetOpen;
  return (
    <aside ref={aside} aria-label="Details" className={`details${sheetOpen ? ' sheet-open' : ''}`}>
      <button type="button" className="sheet-handle" aria-expanded={sheetOpen} onClick={() => setSheetOpen((o) => !o)}>
        {sheetOpen ? 'Hide details' : 'Show details'}
      </button>
      <div className="details-body" inert={folded}>
        <DetailsContent {...props} />
      </div>
    </aside>
  );
}

function DetailsContent(props: DetailsPanelProps) {
  const { selection, onSelect } = props;
  return (
    <>
      {selection && (
        <button type="button" className="link back" onClick={() => onSelect(null)} title="Back to the profile (Esc)">
          ← Profile and clusters
        </button>
      )}
      {!selection && <ProfileCard {...props} />}
      {selection?.kind === 'author' &&
        (props.index.author(selection.key) ? (
          <AuthorPanel authorKey={selection.key} {...props} />
        ) : (
          <NodeAttributesPanel node={authorNodeId(selection.key)} {...props} />
        ))}
      {selection?.kind === 'pair' && <PairPanel a={selection.a} b={selection.b} {...props} />}
      {selection?.kind === 'paper' && <PaperPanel paperId={selection.id} {...props} />}
      {selection?.kind === 'cluster' && <ClusterPanel community={selection.community} {...props} />}
      {selection?.kind === 'affiliation' && <AffiliationPanel node={selection.node} {...props} />}
      {selection?.kind === 'country' && <CountryPanel code={selection.code} {...props} />}
    </>
  );
}

function years(first?: number, last?: number): string {
  if (first === undefined) return 'unknown';
  return first === last ? String(first) : `${first}–${last}`;
}

function AuthorPanel({ authorKey, index, onSelect }: DetailsPanelProps & { authorKey: string }) {
  const author = index.author(authorKey)!;
  const papers = author.paperIds.map((id) => index.paper(id)!).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  const coauthors = index.coauthorsOf(authorKey);
  const coText = useCallback((c: Coauthor) => c.label, []);
  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title">{show.name(author.label)}</h2>
      {author.isOwner && <p className="badge owner">Profile owner</p>}
      {author.spellings.length > 1 && <p className="muted">Also written: {show.note(author.spellings.slice(1).join('; '))}</p>}
      <dl className="facts">
        <dt>Affiliations</dt>
        <dd>{author.affiliations.length ? author.affiliations.join('; ') : <span className="muted">none in the sources</span>}</dd>
        <dt>Years active</dt>
        <dd>{years(author.firstYear, author.lastYear)}</dd>
        <dt>Papers here</dt>
        <dd>{papers.length}</dd>
        <dt>Coauthors</dt>
        <dd>{coauthors.length}</dd>
        <LinkStrengthFacts node={authorNodeId(authorKey)} coauthors={coauthors} index={index} />
      </dl>
      <h3>Papers in this dataset ({papers.length})</h3>
      <ul className="plain papers">
        {papers.map((p) => (
          <PaperLine key={p.id} paper={p} onSelect={onSelect} />
        ))}
      </ul>
      <h3>Coauthors by shared papers ({coauthors.length})</h3>
      <FilterableList
        items={coauthors}
        label="coauthors"
        text={coText}
        render={(c) => (
          <li key={c.key}>
            <button
              type="button"
              className="link"
              onClick={() => onSelect({ kind: 'pair', a: authorKey, b: c.key })}
              title={`Papers ${author.label} and ${c.label} share`}
            >
              {show.name(c.label)}
            </button>{' '}
            <span className="count" aria-label={`${c.sharedPaperIds.length} shared papers`}>
              {c.sharedPaperIds.length}
            </span>
          </li>
        )}
      />
    </section>
  );
}

function PairPanel({ a, b, index, onSelect }: DetailsPanelProps & { a: string; b: string }) {
  const A = index.author(a)!;
  const B = index.author(b)!;
  const shared = index.sharedPapers(a, b);
  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title">
        {show.name(A.label)} &amp; {show.name(B.label)}
      </h2>
      <p>
        <strong>{shared.length}</strong> shared paper{shared.length === 1 ? '' : 's'} in this dataset
      </p>
      <ul className="plain papers" aria-label="Shared papers">
        {shared.map((p) => (
          <PaperLine key={p.id} paper={p} onSelect={onSelect} />
        ))}
      </ul>
      {shared.length === 0 && <p className="muted">These two authors have no paper together here.</p>}
      <p className="pair-actions">
        <button type="button" onClick={() => onSelect({ kind: 'author', key: a }, { focus: true })}>
          Open {show.name(A.label)}
        </button>{' '}
        <button type="button" onClick={() => onSelect({ kind: 'author', key: b }, { focus: true })}>
          Open {show.name(B.label)}
        </button>
      </p>
    </section>
  );
}

function PaperPanel({ paperId, index, onSelect }: DetailsPanelProps & { paperId: string }) {
  const paper = index.paper(paperId)!;
  const keys = index.authorsOf(paperId);
  const authors = keys.map((k) => index.author(k)!);
  const ownerAdded = index.resolved.papers.find((p) => p.paper.id === paperId)?.ownerAdded;
  const arxiv = paper.arxiv ? arxivUrl(paper.arxiv) : null;
  const doi = paper.doi ? doiUrl(paper.doi) : null;
  const authorText = useCallback((a: { label: string }) => a.label, []);
  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title">{show.title(paper.title)}</h2>
      <dl className="facts">
        <dt>Date</dt>
        <dd>{formatDate(paper)}</dd>
        {paper.category && (
          <>
            <dt>Category</dt>
            <dd>
              <CategoryBadge code={paper.category} /> {categoryLabel(paper.category)}
            </dd>
          </>
        )}
        <dt>Venue</dt>
        <dd>{paper.venue ? show.venue(paper.venue) : <span className="muted">preprint / none found</span>}</dd>
        {(arxiv || doi) && (
          <>
            <dt>Links</dt>
            <dd className="links">
              {arxiv && (
                <a href={arxiv} target="_blank" rel="noopener noreferrer">
                  arXiv:{paper.arxiv}
                </a>
              )}
              {doi && (
                <a href={doi} target="_blank" rel="noopener noreferrer">
                  doi:{paper.doi}
                </a>
              )}
            </dd>
          </>
        )}
        {paper.affiliationTags && paper.affiliationTags.length > 0 && (
          <>
            <dt>Affiliation tags (the profile’s claim)</dt>
            <dd>
              {paper.affiliationTags.map((t) => (
                <span key={t} className="tag">
                  {show.name(t)}
                </span>
              ))}
              <span className="muted small claim-note">
                As the profile page tags this paper; no source we read confirms the tags{paper.notes ? ' (see Sources and notes)' : ''}.
              </span>
            </dd>
          </>
        )}
      </dl>
      <h3>
        Authors ({authors.length}
        {paper.truncated ? ', list truncated' : ''})
      </h3>
      {paper.truncated && (
        <p className="muted">The source shows only the first authors then “et al.”{ownerAdded ? '; the profile owner is linked to this paper anyway.' : '.'}</p>
      )}
      <FilterableList
        items={authors}
        label="authors"
        initial={30}
        text={authorText}
        render={(a) => (
          <li key={a.key} className="inline">
            <button type="button" className="link" onClick={() => onSelect({ kind: 'author', key: a.key }, { focus: true })}>
              {show.name(a.label)}
            </button>
          </li>
        )}
      />
      {paper.abstract && (
        <>
          <h3>Abstract</h3>
          <p className="abstract">{show.abstract(paper.abstract)}</p>
          {paper.abstract.length > DISPLAY_LIMITS.abstract && (
            <p className="muted small">
              The abstract is cut at {DISPLAY_LIMITS.abstract.toLocaleString('en-US')} of {paper.abstract.length.toLocaleString('en-US')} characters; exports
              keep it whole.
            </p>
          )}
        </>
      )}
      {(paper.sources?.length || paper.notes) && (
        <details className="sources">
          <summary>Sources and notes</summary>
          {paper.notes && <p>{show.note(paper.notes)}</p>}
          <ul>
            {paper.sources?.map((s, i) => (
              <li key={i}>{show.note(s)}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function ClusterPanel({ community, clusters, index, onSelect }: DetailsPanelProps & { community: number }) {
  const cluster = clusters.find((c) => c.community === community)!;
  const members = cluster.nodes
    .filter((n) => n.startsWith('a:'))
    .map((n) => index.author(n.slice(2))!)
    .sort((a, b) => b.paperIds.length - a.paperIds.length || a.label.localeCompare(b.label));
  const text = useCallback((a: { label: string }) => a.label, []);
  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title">{show.name(cluster.name)}</h2>
      <p>
        {cluster.size} authors in this cluster (Louvain community {community + 1}).
      </p>
      <FilterableList
        items={members}
        label="members"
        text={text}
        render={(a) => (
          <li key={a.key}>
            <button type="button" className="link" onClick={() => onSelect({ kind: 'author', key: a.key }, { focus: true })}>
              {show.name(a.label)}
            </button>{' '}
            <span className="count">{a.paperIds.length}</span>
          </li>
        )}
      />
    </section>
  );
}

function AffiliationPanel({ node, graph, index, onSelect }: DetailsPanelProps & { node: string }) {
  const label = graph.getNodeAttribute(node, 'label');
  const members = graph
    .neighbors(node)
    .filter((n) => n.startsWith('a:'))
    .map((n) => index.author(n.slice(2))!);
  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title">{show.name(label)}</h2>
      <p>{members.length} authors with this affiliation in the sources.</p>
      <ul className="plain">
        {members.slice(0, 500).map((a) => (
          <li key={a.key}>
            <button type="button" className="link" onClick={() => onSelect({ kind: 'author', key: a.key }, { focus: true })}>
              {show.name(a.label)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A country chosen on the world map: its papers and its authors (those the graph draws are highlighted). */
function CountryPanel({ code, index, onSelect }: DetailsPanelProps & { code: string }) {
  const country = countryCollaboration(index.dataset).countries.find((c) => c.code === code);
  if (!country) return null;
  const members = country.authors
    .map((k) => index.author(k))
    .filter((a) => a !== undefined)
    .sort((a, b) => b.paperIds.length - a.paperIds.length || a.label.localeCompare(b.label));
  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title">{country.name}</h2>
      <p>
        {country.papers} {country.papers === 1 ? 'paper' : 'papers'} with authors from here ({country.singleCountry} single-country, {country.multiCountry} with
        other countries); {members.length} {members.length === 1 ? 'author' : 'authors'}.
      </p>
      <ul className="plain">
        {members.slice(0, 500).map((a) => (
          <li key={a.key}>
            <button type="button" className="link" onClick={() => onSelect({ kind: 'author', key: a.key }, { focus: true })}>
              {show.name(a.label)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A node from a graph file: no papers to list, so its attributes and its strongest ties. */
function NodeAttributesPanel({ node, graph, onSelect }: DetailsPanelProps & { node: string }) {
  const a = graph.getNodeAttributes(node);
  const ties = graph
    .mapEdges(node, (_e, e, s, t) => ({ other: s === node ? t : s, weight: e.weight }))
    .map(({ other, weight }) => ({ other, weight, attrs: graph.getNodeAttributes(other) }))
    .sort((x, y) => y.weight - x.weight || x.attrs.label.localeCompare(y.attrs.label));
  const rows: [string, string][] = [
    ['Kind', a.kind],
    ['Cluster', String(a.community + 1)],
    ['Links', String(ties.length)],
    ['Total link strength', String(Math.round(ties.reduce((s, t) => s + t.weight, 0) * 1000) / 1000)],
  ];
  if (a.kind === 'author') {
    if (a.paperIds.length) rows.push(['Paper ids', a.paperIds.join(', ')]);
    if (a.affiliations.length) rows.push(['Affiliations', a.affiliations.join('; ')]);
    if (a.firstYear !== undefined) rows.push(['Years', years(a.firstYear, a.lastYear)]);
    // A map file's own weights and scores (VOSviewer): its Links and Total link strength replace the counted ones.
    for (const [k, v] of Object.entries({ ...a.weights, ...a.scores })) {
      const row: [string, string] = [show.name(k), String(Math.round(v * 1000) / 1000)];
      const at = rows.findIndex(([name]) => name === row[0]);
      if (at >= 0) rows[at] = row;
      else rows.push(row);
    }
  }
  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title">{show.name(a.label)}</h2>
      <p className="muted">
        {graph.getAttribute('fieldFolder')
          ? 'A field mapped by npm run field: its folder carries each author’s papers as counts and work ids, not the papers themselves.'
          : 'This graph file carries no papers: here are the node’s attributes and ties.'}
      </p>
      <dl className="facts">
        {rows.map(([k, v]) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <h3>Ties by strength ({ties.length})</h3>
      <ul className="plain">
        {ties.slice(0, 200).map(({ other, weight, attrs }) => (
          <li key={other}>
            {attrs.kind === 'author' ? (
              <button type="button" className="link" onClick={() => onSelect({ kind: 'author', key: attrs.authorKey }, { focus: true })}>
                {attrs.label}
              </button>
            ) : (
              <span>{attrs.label}</span>
            )}{' '}
            <span className="count">{Math.round(weight * 100) / 100}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
