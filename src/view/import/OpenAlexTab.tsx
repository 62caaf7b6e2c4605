import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { classifyAuthorQuery, createOpenAlexClient, MemoryCache, OPENALEX_BASE, type AuthorCandidate, type FetchProgress } from '../../import/openalex';
import { ImportReportView } from './ImportReportView';
import type { useImporter } from './useImporter';
import { openAlexBase, readOpenAlexOverride } from '../../security/connectPolicy';

/** The user's e-mail or API key, kept in this browser. */
export const CONTACT_KEY = 'coauthor-atlas:openalex-contact';
/** Responses cached for the page's lifetime (all tabs and searches share it); credentials are not part of the keys. */
const cache = new MemoryCache(300);

/** The e-mail or API key the user left for OpenAlex (shared by the author and field tabs). */
export const readContact = () => readStorage(CONTACT_KEY);

function readStorage(key: string): string {
  try {
    return localStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}

/** The API's base: the test-only override (see connectPolicy.ts) or the real API. */
export const openAlexBaseUrl = () => openAlexBase(readOpenAlexOverride());
const baseUrl = openAlexBaseUrl;

/** An e-mail goes to `mailto` (the polite pool), anything else is taken as an API key. */
export function openAlexCredentials(contact: string): { mailto?: string; apiKey?: string } {
  const c = contact.trim();
  if (!c) return {};
  return c.includes('@') ? { mailto: c } : { apiKey: c };
}

const isAbort = (e: unknown) => (e as Error)?.name === 'AbortError';
const fmt = (n: number) => n.toLocaleString('en-US');

type Importer = ReturnType<typeof useImporter>;

/** Live OpenAlex: search an author by name, ORCID or id, pick one, fetch all their works, import them. */
export function OpenAlexTab({ importer, append, keepApart }: { importer: Importer; append: boolean; keepApart: boolean }) {
  const [query, setQuery] = useState('');
  const [contact, setContact] = useState(() => readStorage(CONTACT_KEY));
  const [candidates, setCandidates] = useState<AuthorCandidate[] | null>(null);
  const [busy, setBusy] = useState<null | 'search' | 'fetch'>(null);
  const [progress, setProgress] = useState<(FetchProgress & { name: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const abortRef = useRef<AbortController | null>(null);

  // Leaving the tab (or closing the dialog) cancels what is in flight.
  useEffect(() => () => abortRef.current?.abort(), []);

  const saveContact = (value: string) => {
    setContact(value);
    try {
      if (value.trim()) localStorage.setItem(CONTACT_KEY, value.trim());
      else localStorage.removeItem(CONTACT_KEY);
    } catch {
      // Storage unavailable: the value is still used for this session.
    }
  };

  const client = useCallback(() => createOpenAlexClient({ baseUrl: baseUrl(), cache, ...openAlexCredentials(contact) }), [contact]);

  const search = async (e: FormEvent) => {
    e.preventDefault();
    if (!query.trim() || busy) return;
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    setBusy('search');
    setError(null);
    setNote(null);
    setCandidates(null);
    try {
      const found = await client().searchAuthors(query, { signal: controller.signal });
      setCandidates(found);
    } catch (err) {
      if (!isAbort(err)) setError((err as Error).message);
    } finally {
      if (abortRef.current === controller) abortRef.current = null;
      setBusy(null);
    }
  };

  const fetchWorks = async (c: AuthorCandidate) => {
    if (busy || importer.running) return;
    const controller = new AbortController();
    abortRef.current = controller;
    setBusy('fetch');
    setError(null);
    setNote(null);
    setProgress({ phase: 'works', done: 0, total: c.worksCount, name: c.displayName });
    let works;
    try {
      works = await client().fetchAllWorks(c.id, { signal: controller.signal, onProgress: (p) => setProgress({ ...p, name: c.displayName }) });
    } catch (err) {
      setProgress(null);
      setBusy(null);
      if (abortRef.current === controller) abortRef.current = null;
      if (isAbort(err)) setNote('Fetching cancelled: nothing was imported.');
      else setError(`${(err as Error).message} Nothing was imported.`);
      return;
    }
    abortRef.current = null;
    setProgress(null);
    setBusy(null);
    const notes = [
      `Fetched ${fmt(works.works.length)} works of ${c.displayName} (OpenAlex ${c.id}) from OpenAlex` +
        ` in ${fmt(works.requests)} request${works.requests === 1 ? '' : 's'}${works.cacheHits ? ` (${fmt(works.cacheHits)} answered from this session's cache)` : ''}.`,
    ];
    if (works.refetched.length)
      notes.push(
        `${fmt(works.refetched.length)} work${works.refetched.length === 1 ? '' : 's'} whose author list OpenAlex cuts at 100 ${works.refetched.length === 1 ? 'was' : 'were'} refetched in full.`,
      );
    if (works.stillTruncated.length)
      notes.push(`${fmt(works.stillTruncated.length)} work(s) still have a truncated author list: ${works.stillTruncated.slice(0, 10).join(', ')}.`);
    if (!works.works.length) {
      setError(`OpenAlex lists no works for ${c.displayName} (${c.id}). Nothing was imported.`);
      return;
    }
    await importer.runFiles(
      [{ name: `OpenAlex: ${c.displayName} (${c.id})`, text: JSON.stringify({ results: works.works }), format: 'openalex', owner: c.displayName }],
      { append, keepApart, notes },
    );
  };

  const cancel = () => {
    abortRef.current?.abort();
    if (importer.running) importer.cancel();
  };

  const kind = query.trim() ? classifyAuthorQuery(query).kind : null;
  const base = baseUrl();
  const fraction = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;

  return (
    <div role="tabpanel" id="import-panel-openalex" aria-labelledby="import-tab-openalex">
      <p className="muted small">
        Fetch every work of one author from{' '}
        <a href="https://openalex.org" target="_blank" rel="noreferrer noopener">
          OpenAlex
        </a>
        : search by name, ORCID or OpenAlex id, pick the right person, and their works become a dataset with them linked to every paper. Works whose author list
        OpenAlex cuts at 100 are refetched one by one.
      </p>
      {base !== OPENALEX_BASE && <p className="small import-error">Using a test server instead of OpenAlex: {base}</p>}
      <form className="openalex-search" onSubmit={search}>
        <input
          type="search"
          aria-label="Search OpenAlex authors"
          placeholder="Author name, ORCID (0000-0002-1825-0097) or OpenAlex id"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="submit" className="primary" disabled={!query.trim() || Boolean(busy)}>
          {busy === 'search' ? 'Searching…' : 'Search'}
        </button>
        {kind && kind !== 'name' && <span className="muted small">{kind === 'orcid' ? 'ORCID' : 'OpenAlex id'}</span>}
      </form>
      <label className="openalex-contact small">
        E-mail or API key (optional, kept in this browser; sent to OpenAlex as <code>mailto</code> or <code>api_key</code>){' '}
        <input type="text" aria-label="OpenAlex e-mail or API key" autoComplete="email" value={contact} onChange={(e) => saveContact(e.target.value)} />
      </label>
      {error && (
        <p role="alert" className="import-error">
          {error}
        </p>
      )}
      {note && <p role="status">{note}</p>}
      {candidates && (
        <section aria-label="OpenAlex authors found">
          <h3>{candidates.length ? `${candidates.length} author${candidates.length === 1 ? '' : 's'} found: pick one` : 'No author found'}</h3>
          <ul className="openalex-candidates">
            {candidates.map((c) => {
              const where = c.institutions.join('; ');
              return (
                <li key={c.id}>
                  <div>
                    <strong>{c.displayName}</strong> <span className="muted small">{c.id}</span>
                    <div className="small">
                      {where || 'No known institution'} · {fmt(c.worksCount)} works{c.orcid ? ` · ORCID ${c.orcid}` : ''}
                    </div>
                    {c.alternatives.length > 0 && <div className="muted small">Also written: {c.alternatives.join(', ')}</div>}
                  </div>
                  <button
                    type="button"
                    disabled={Boolean(busy) || Boolean(importer.running)}
                    aria-label={`Import the works of ${c.displayName}${where ? `, ${where}` : ''} (${c.id})`}
                    onClick={() => void fetchWorks(c)}
                  >
                    Import {fmt(c.worksCount)} works
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {progress && (
        <div className="import-progress" role="status">
          <progress aria-label="OpenAlex progress" max={1} value={fraction} />{' '}
          <span className="small">
            {progress.phase === 'works'
              ? `${progress.name}: ${fmt(progress.done)} of ${fmt(progress.total)} works fetched`
              : `Full author lists: ${fmt(progress.done)} of ${fmt(progress.total)} long works refetched`}
          </span>{' '}
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      )}
      {importer.running && (
        <div className="import-progress" role="status">
          <progress aria-label="Import progress" max={1} value={importer.running.fraction} /> <span className="small">{importer.running.label}</span>{' '}
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      )}
      {importer.outcome && <ImportReportView outcome={importer.outcome} />}
    </div>
  );
}
