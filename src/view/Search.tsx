import { useId, useMemo, useState } from 'react';
import type { SearchHit } from '../graph/dataIndex';
import { PaperIcon, PersonIcon } from './icons';
import { cleanDisplayText, DISPLAY_LIMITS } from '../security';

/** One box over authors and papers; accent- and case-insensitive; a keyboard-operable combobox. */
export function Search({
  search,
  onChoose,
  onClear,
}: {
  search: (query: string, limit: number) => SearchHit[];
  onChoose: (hit: SearchHit) => void;
  /** Escape in an empty box: clear the selection. */
  onClear?: () => void;
}) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const hits = useMemo(() => search(query, 12), [search, query]);
  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onChoose(hit);
    setQuery('');
    setOpen(false);
    focusDetailsHeading();
  };
  const expanded = open && query.trim().length > 0;
  return (
    <div className="search">
      <input
        type="search"
        role="combobox"
        aria-label="Search"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && hits[active] ? `${listId}-${active}` : undefined}
        placeholder="Search authors and papers  ( / )"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, hits.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            choose(hits[active]);
          } else if (e.key === 'Escape') {
            if (!query) onClear?.();
            setQuery('');
            setOpen(false);
          }
        }}
      />
      {expanded && (
        <ul id={listId} role="listbox" aria-label="Search results" className="search-results">
          {hits.length === 0 && <li className="muted empty">No author or paper matches “{query}”.</li>}
          {hits.map((hit, i) => (
            <li
              key={hit.kind === 'author' ? `a:${hit.key}` : `p:${hit.id}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(hit);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="hit-kind" aria-hidden="true">
                {hit.kind === 'author' ? <PersonIcon /> : <PaperIcon />}
              </span>
              <span className="hit-label">{cleanDisplayText(hit.label, DISPLAY_LIMITS.title)}</span>
              <span className="muted hit-detail">{hit.detail}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * After a search result is chosen, the keyboard goes to what it opened: the details panel's heading (focusable from
 * script only), once the panel shows the new selection.
 */
function focusDetailsHeading() {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const heading = document.querySelector<HTMLElement>('aside[aria-label="Details"] h2');
      if (!heading) return;
      heading.tabIndex = -1;
      heading.focus();
    }),
  );
}
