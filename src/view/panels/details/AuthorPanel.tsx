import { useCallback } from 'react';
import type { Coauthor } from '../../../graph/dataIndex';
import { authorNodeId } from '../../../graph/types';
import { FilterableList, PaperLine, show } from '../common';
import { LinkStrengthFacts } from '../LinkStrengthFacts';
import { years, type DetailsPanelProps } from './props';

export function AuthorPanel({ authorKey, index, onSelect }: DetailsPanelProps & { authorKey: string }) {
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
