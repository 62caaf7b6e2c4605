import { useMemo, useState, type ReactNode } from 'react';
import type { Paper } from '../../model/types';
import { categoryLabel } from '../../model/types';
import { searchKey } from '../../model/names';
import type { Selection } from '../../app/selection';
import { cleanDisplayText, DISPLAY_LIMITS } from '../../security';

/**
 * Text from files as the panels show it: bidi controls, zero-width and control characters
 * removed, length capped with an ellipsis. React renders it as text, never as markup.
 */
export const show = {
  name: (t: string | undefined) => cleanDisplayText(t ?? '', DISPLAY_LIMITS.name),
  title: (t: string | undefined) => cleanDisplayText(t ?? '', DISPLAY_LIMITS.title),
  venue: (t: string | undefined) => cleanDisplayText(t ?? '', DISPLAY_LIMITS.venue),
  note: (t: string | undefined) => cleanDisplayText(t ?? '', DISPLAY_LIMITS.note, { keepLines: true }),
  abstract: (t: string | undefined) => cleanDisplayText(t ?? '', DISPLAY_LIMITS.abstract, { keepLines: true }),
};

export type Select = (s: Selection, opts?: { focus?: boolean }) => void;

/** Only web links leave the app: http(s) to arXiv and doi.org, built from identifiers, never raw file text. */
export function arxivUrl(id: string): string | null {
  return /^[\w./-]{4,40}$/.test(id) ? `https://arxiv.org/abs/${encodeURIComponent(id).replace(/%2F/g, '/')}` : null;
}
export function doiUrl(doi: string): string | null {
  const clean = doi.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '').trim();
  return /^10\.\d{4,9}\/\S+$/.test(clean) ? `https://doi.org/${clean.split('/').map(encodeURIComponent).join('/')}` : null;
}

export function formatDate(p: Paper): string {
  if (p.date && /^\d{4}-\d{2}-\d{2}$/.test(p.date)) {
    const d = new Date(`${p.date}T00:00:00Z`);
    return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  }
  return p.date ?? (p.year ? String(p.year) : 'date unknown');
}

export function PaperLine({ paper, onSelect, extra }: { paper: Paper; onSelect: Select; extra?: ReactNode }) {
  return (
    <li className="paper-line">
      <button type="button" className="link" onClick={() => onSelect({ kind: 'paper', id: paper.id }, { focus: true })}>
        {show.title(paper.title)}
      </button>
      <span className="muted">
        {' '}
        · {paper.year ?? '—'}
        {paper.category ? ` · ${paper.category}` : ''}
        {paper.truncated ? ' · author list truncated' : ''}
      </span>
      {extra}
    </li>
  );
}

export function CategoryBadge({ code }: { code?: string }) {
  if (!code) return null;
  return (
    <abbr className="badge" title={categoryLabel(code)}>
      {code}
    </abbr>
  );
}

/** A long list of names: collapsed to `initial` items, filterable, every name a button. */
/** Never more rows than this in the DOM at once (a Llama-3-sized author list fits); a filter narrows the rest. */
const MAX_ROWS = 1000;

export function FilterableList<T>({
  items,
  label,
  initial = 25,
  text,
  render,
  listLabel,
  listClassName,
  order,
}: {
  items: T[];
  label: string;
  initial?: number;
  text: (t: T) => string;
  render: (t: T) => ReactNode;
  listLabel?: string;
  listClassName?: string;
  /**
   * The order to show `items` in, when it is not theirs: `all` sorts them, `first` gives the first n of that order
   * without sorting them all (what shows until the user filters or asks for every one). Both must be stable functions.
   */
  order?: { all: (items: T[]) => T[]; first: (items: T[], n: number) => T[] };
}) {
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState(false);
  const whole = Boolean(expanded || query);
  const ordered = useMemo(() => (whole && order ? order.all(items) : items), [whole, order, items]);
  const head = useMemo(() => (order ? order.first(items, initial) : items.slice(0, initial)), [order, items, initial]);
  const filtered = useMemo(() => {
    const q = searchKey(query);
    return q ? ordered.filter((t) => searchKey(text(t)).includes(q)) : ordered;
  }, [ordered, query, text]);
  const shown = (whole ? filtered : head).slice(0, MAX_ROWS);
  return (
    <div className="filterable">
      {items.length > initial && (
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={`Filter ${items.length} ${label}…`}
          aria-label={`Filter ${label}`}
        />
      )}
      <ul className={`plain ${listClassName ?? ''}`} aria-label={listLabel}>
        {shown.map(render)}
      </ul>
      {query && filtered.length === 0 && (
        <p className="muted">
          No {label} match “{query}”.
        </p>
      )}
      {shown.length < filtered.length && (expanded || query) && (
        <p className="muted small">
          Showing the first {MAX_ROWS.toLocaleString('en-US')} of {filtered.length.toLocaleString('en-US')}: type to narrow the list.
        </p>
      )}
      {!query && filtered.length > initial && (
        <button type="button" className="link more" onClick={() => setExpanded((e) => !e)} aria-expanded={expanded}>
          {expanded ? 'Show fewer' : `Show all ${filtered.length} ${label}`}
        </button>
      )}
    </div>
  );
}
