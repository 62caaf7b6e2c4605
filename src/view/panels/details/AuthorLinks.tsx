import { show } from '../common';
import type { DetailsPanelProps } from './props';

/** The first 500 of a list of authors, each a link that selects and focuses it (affiliation and country panels). */
export function AuthorLinks({ authors, onSelect }: { authors: { key: string; label: string }[]; onSelect: DetailsPanelProps['onSelect'] }) {
  return (
    <ul className="plain">
      {authors.slice(0, 500).map((a) => (
        <li key={a.key}>
          <button type="button" className="link" onClick={() => onSelect({ kind: 'author', key: a.key }, { focus: true })}>
            {show.name(a.label)}
          </button>
        </li>
      ))}
    </ul>
  );
}
