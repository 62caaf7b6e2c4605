import { useId, useMemo, useState } from 'react';
import { useAtlas } from '../../app/context';
import type { DatasetIndex } from '../../graph/dataIndex';

/** An author key from typed text: an exact name (any case) first, else the best search hit. */
function resolveAuthor(index: DatasetIndex, text: string): string | undefined {
  const q = text.trim().toLowerCase();
  if (!q) return undefined;
  for (const a of index.resolved.authors.values()) if (a.label.toLowerCase() === q || a.key === q) return a.key;
  const hit = index.search(text, 5).find((h) => h.kind === 'author');
  return hit?.kind === 'author' ? hit.key : undefined;
}

const MAX_SUGGESTIONS = 3000;

/** Two author inputs → `lens.path`; the hops, with the papers behind each, or "no path". */
export function PathPicker() {
  const { lens, setLens, lensView, index, select } = useAtlas();
  const listId = useId();
  const label = (key: string) => index.author(key)?.label ?? key;
  const [from, setFrom] = useState(lens.path ? label(lens.path[0]) : '');
  const [to, setTo] = useState(lens.path ? label(lens.path[1]) : '');
  const [error, setError] = useState<string | null>(null);
  const names = useMemo(() => [...index.resolved.authors.values()].slice(0, MAX_SUGGESTIONS).map((a) => a.label), [index]);

  const find = (e: React.FormEvent) => {
    e.preventDefault();
    const a = resolveAuthor(index, from);
    const b = resolveAuthor(index, to);
    if (!a || !b) return setError(`No author matches “${!a ? from : to}”.`);
    setError(null);
    setFrom(label(a));
    setTo(label(b));
    setLens({ ...lens, path: [a, b] });
  };
  const path = lensView.path;

  return (
    <div className="lens-popover lens-path" role="group" aria-label="Collaboration path">
      <form onSubmit={find} style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', alignItems: 'center' }}>
        <label>
          From <input list={listId} aria-label="Path from" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          to <input list={listId} aria-label="Path to" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <datalist id={listId}>
          {names.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        <button type="submit" className="lens-button">
          Find path
        </button>
        <button type="button" className="lens-button" disabled={!lens.path} onClick={() => setLens({ ...lens, path: undefined })}>
          Clear
        </button>
      </form>
      {error && <p role="alert">{error}</p>}
      {lens.path && (
        <div aria-label="Path result" role="region">
          {path === null && (
            <p>
              <strong>No path.</strong> {lensView.notes?.find((n) => n.startsWith('No collaboration path'))}
            </p>
          )}
          {path && (
            <>
              <p>
                {path.hops.length} hop{path.hops.length === 1 ? '' : 's'} from {label(lens.path[0])} to {label(lens.path[1])} (fewest hops; strongest ties among
                equals).
              </p>
              <ol>
                {path.hops.map((hop) => (
                  <li key={`${hop.from}-${hop.to}`}>
                    <button type="button" className="link" onClick={() => select({ kind: 'pair', a: hop.from.slice(2), b: hop.to.slice(2) })}>
                      {label(hop.from.slice(2))} — {label(hop.to.slice(2))}
                    </button>{' '}
                    <span className="papers">
                      ({hop.paperIds.length} shared paper{hop.paperIds.length === 1 ? '' : 's'})
                    </span>
                    <ul className="papers">
                      {hop.paperIds.map((pid) => (
                        <li key={pid}>
                          <button type="button" className="link" onClick={() => select({ kind: 'paper', id: pid })}>
                            {index.paper(pid)?.title ?? pid}
                          </button>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      )}
    </div>
  );
}
