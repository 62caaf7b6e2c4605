import { useCallback } from 'react';
import { categoryLabel } from '../../../model/types';
import { DISPLAY_LIMITS } from '../../../security';
import { arxivUrl, CategoryBadge, doiUrl, FilterableList, formatDate, show } from '../common';
import type { DetailsPanelProps } from './props';

export function PaperPanel({ paperId, index, onSelect }: DetailsPanelProps & { paperId: string }) {
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
