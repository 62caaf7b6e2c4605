import { useCallback, useEffect, useRef, useState } from 'react';
import { createOpenAlexClient, NO_CACHE } from '../../import/openalex';
import {
  autocompleteEntities,
  checkFreeFilter,
  countWorks,
  estimateDownload,
  FIELD_MAX_WORKS,
  fieldFilter,
  WORK_TYPES,
  type FieldEntity,
  type FieldEntityKind,
  type FieldQuery,
} from '../../import/openalexField';
import { deleteFieldJob, keptFieldJobs, type FieldJob } from '../../store/fieldPages';
import { ImportReportView } from './ImportReportView';
import { openAlexBaseUrl, openAlexCredentials, readContact } from './OpenAlexTab';
import { fieldPagesReleasable, runFieldFetch, type FieldHandle, type FieldMessage } from './fieldJob';
import type { useImporter } from './useImporter';

type Importer = ReturnType<typeof useImporter>;
const fmt = (n: number) => n.toLocaleString('en-US');
const KINDS: [FieldEntityKind, string][] = [
  ['topics', 'Topic'],
  ['sources', 'Venue (source)'],
  ['institutions', 'Institution'],
];
const isAbort = (e: unknown) => (e as Error)?.name === 'AbortError';

function labelOf(q: FieldQuery): string {
  const names = q.entities.map((e) => e.name);
  const what = names.length ? names.slice(0, 3).join(' + ') + (names.length > 3 ? ` + ${names.length - 3} more` : '') : (q.freeFilter ?? '');
  const years = q.fromYear || q.toYear ? ` (${q.fromYear ?? '…'}–${q.toYear ?? '…'})` : '';
  return `${what}${years}`;
}

const yearOf = (v: string) => (/^\d{4}$/.test(v.trim()) ? Number(v) : undefined);

/** Live OpenAlex field queries: every work of topics, venues or institutions over years, fetched in a worker, resumable. */
export function FieldTab({ importer, append, keepApart }: { importer: Importer; append: boolean; keepApart: boolean }) {
  const [kind, setKind] = useState<FieldEntityKind>('topics');
  const [text, setText] = useState('');
  const [found, setFound] = useState<FieldEntity[] | null>(null);
  const [entities, setEntities] = useState<FieldEntity[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [types, setTypes] = useState<string[]>([]);
  const [free, setFree] = useState('');
  const [count, setCount] = useState<{ filter: string; label: string; count: number } | null>(null);
  const [busy, setBusy] = useState<null | 'count' | 'fetch'>(null);
  const [progress, setProgress] = useState<Extract<FieldMessage, { type: 'progress' }> | null>(null);
  const [retry, setRetry] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [kept, setKept] = useState<FieldJob[]>([]);
  const handle = useRef<FieldHandle | null>(null);
  const lookup = useRef<AbortController | null>(null);
  const importedKey = useRef<string | null>(null);

  const client = useCallback(() => createOpenAlexClient({ baseUrl: openAlexBaseUrl(), cache: NO_CACHE, ...openAlexCredentials(readContact()) }), []);
  const refreshKept = useCallback(() => void keptFieldJobs().then(setKept, () => setKept([])), []);
  useEffect(() => {
    refreshKept();
    return () => {
      handle.current?.cancel();
      lookup.current?.abort();
    };
  }, [refreshKept]);

  // Autocomplete as the user types (the last request wins).
  useEffect(() => {
    lookup.current?.abort();
    if (text.trim().length < 2) return setFound(null);
    const controller = new AbortController();
    lookup.current = controller;
    const t = setTimeout(() => {
      autocompleteEntities(client(), kind, text, controller.signal).then(setFound, (e) => !isAbort(e) && setError((e as Error).message));
    }, 250);
    return () => {
      clearTimeout(t);
      controller.abort();
    };
  }, [text, kind, client]);

  // The stored pages go once their dataset is open and stored (a failed import or store keeps them, to open again).
  useEffect(() => {
    const opened = importer.outcome?.opened;
    if (opened && importedKey.current) {
      if (fieldPagesReleasable(opened)) void deleteFieldJob(importedKey.current).then(refreshKept);
      else refreshKept();
      importedKey.current = null;
    }
  }, [importer.outcome, refreshKept]);

  const query: FieldQuery = { entities, fromYear: yearOf(from), toYear: yearOf(to), types, freeFilter: free.trim() || undefined };
  const freeError = checkFreeFilter(free);
  const filter = freeError ? null : fieldFilter(query);

  const add = (e: FieldEntity) => {
    setEntities((list) => (list.some((x) => x.kind === e.kind && x.id === e.id) ? list : [...list, e]));
    setText('');
    setFound(null);
    setCount(null);
  };

  const doCount = async () => {
    if (!filter || busy) return;
    setBusy('count');
    setError(null);
    setNote(null);
    try {
      setCount({ filter, label: labelOf(query), count: await countWorks(client(), filter) });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const fetchAll = async (job: { key: string; label: string; count: number }) => {
    if (busy || importer.running) return;
    setBusy('fetch');
    setError(null);
    setNote(null);
    setRetry(null);
    const h = runFieldFetch({ key: job.key, label: job.label, count: job.count, baseUrl: openAlexBaseUrl(), ...openAlexCredentials(readContact()) }, (m) => {
      if (m.type === 'progress') {
        setProgress(m);
        setRetry(null);
      } else setRetry(`OpenAlex did not answer (${m.reason}); trying again in ${Math.round(m.waitMs / 1000)} s (try ${m.attempt}).`);
    });
    handle.current = h;
    try {
      const done = await h.promise;
      handle.current = null;
      setBusy(null);
      setProgress(null);
      const notes = [
        `Fetched ${fmt(done.works)} works of the OpenAlex query “${job.label}” (filter ${job.key}) in ${fmt(done.pages)} pages` +
          `${done.resumedFrom ? `, resumed after ${fmt(done.resumedFrom)} works stored before` : ''}.`,
      ];
      if (done.refetched) notes.push(`${fmt(done.refetched)} works whose author list OpenAlex cuts at 100 were refetched in full.`);
      if (!done.works) {
        setError(`OpenAlex lists no works for “${job.label}”. Nothing was imported.`);
        await deleteFieldJob(job.key);
        return;
      }
      importedKey.current = job.key;
      await importer.runFiles([{ name: `OpenAlex field: ${job.label}`, text: '', format: 'openalex', storedField: job.key }], { append, keepApart, notes });
    } catch (e) {
      handle.current = null;
      setBusy(null);
      setProgress(null);
      setRetry(null);
      const kept = 'The pages fetched so far are kept in this browser: Resume continues from there.';
      if (isAbort(e)) setNote(`Fetch stopped. Nothing was imported. ${kept}`);
      else setError(`${(e as Error).message} Nothing was imported. ${kept}`);
    } finally {
      refreshKept();
    }
  };

  const estimate = count ? estimateDownload(count.count) : null;
  const tooBig = count ? count.count > FIELD_MAX_WORKS : false;
  const unfinished = kept.filter((j) => !j.complete);
  const fetched = kept.filter((j) => j.complete);
  const fraction = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;

  return (
    <div role="tabpanel" id="import-panel-field" aria-labelledby="import-tab-field">
      <p className="muted small">
        Map a field: every work of some topics, venues or institutions over a year range, from OpenAlex. The count and the size of the download are shown first;
        pages are kept in this browser as they arrive, so a reload or a dropped connection resumes. Up to {fmt(FIELD_MAX_WORKS)} works; beyond, use{' '}
        <code>npm run field</code> (DuckDB, see the README).
      </p>
      {unfinished.length > 0 && (
        <section aria-label="Unfinished field fetches">
          {unfinished.map((j) => (
            <p key={j.key} className="small">
              Unfinished: “{j.label}”, {fmt(j.state.works)} of {fmt(j.count)} works stored.{' '}
              <button type="button" disabled={Boolean(busy)} onClick={() => void fetchAll(j)}>
                Resume
              </button>{' '}
              <button type="button" disabled={Boolean(busy)} onClick={() => void deleteFieldJob(j.key).then(refreshKept)}>
                Discard
              </button>
            </p>
          ))}
        </section>
      )}
      {fetched.length > 0 && (
        <section aria-label="Fetched field queries not saved">
          {fetched.map((j) => (
            <p key={j.key} className="small">
              Fetched but not saved as a dataset in this browser: “{j.label}”, {fmt(j.state.works)} works kept.{' '}
              <button type="button" disabled={Boolean(busy) || Boolean(importer.running)} onClick={() => void fetchAll(j)}>
                Open from the kept pages
              </button>{' '}
              <button type="button" disabled={Boolean(busy)} onClick={() => void deleteFieldJob(j.key).then(refreshKept)}>
                Discard
              </button>
            </p>
          ))}
        </section>
      )}
      <div className="field-pick">
        <select aria-label="Kind of entity" value={kind} onChange={(e) => setKind(e.target.value as FieldEntityKind)}>
          {KINDS.map(([k, l]) => (
            <option key={k} value={k}>
              {l}
            </option>
          ))}
        </select>
        <input
          type="search"
          aria-label="Find a topic, venue or institution"
          placeholder="Name (2 letters or more)"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {found && (
        <ul className="openalex-candidates" aria-label="Matches">
          {found.length === 0 && <li className="muted small">No match</li>}
          {found.map((e) => (
            <li key={e.id}>
              <div>
                <strong>{e.name}</strong> <span className="muted small">{e.id}</span>
                {(e.hint || e.worksCount !== undefined) && (
                  <div className="small">{[e.hint, e.worksCount !== undefined ? `${fmt(e.worksCount)} works` : ''].filter(Boolean).join(' · ')}</div>
                )}
              </div>
              <button type="button" aria-label={`Add ${e.name} (${e.id})`} onClick={() => add(e)}>
                Add
              </button>
            </li>
          ))}
        </ul>
      )}
      {entities.length > 0 && (
        <ul className="field-chosen" aria-label="Chosen">
          {entities.map((e) => (
            <li key={`${e.kind}:${e.id}`} className="tag">
              {KINDS.find(([k]) => k === e.kind)?.[1]}: {e.name}{' '}
              <button
                type="button"
                className="link"
                aria-label={`Remove ${e.name}`}
                onClick={() => (setEntities((l) => l.filter((x) => x !== e)), setCount(null))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field-options small">
        <label>
          Published from{' '}
          <input aria-label="Published from (year)" inputMode="numeric" size={5} value={from} onChange={(e) => (setFrom(e.target.value), setCount(null))} />
        </label>
        <label>
          to <input aria-label="Published until (year)" inputMode="numeric" size={5} value={to} onChange={(e) => (setTo(e.target.value), setCount(null))} />
        </label>
        <fieldset>
          <legend>Work types (none: all)</legend>
          {WORK_TYPES.map((t) => (
            <label key={t}>
              <input
                type="checkbox"
                checked={types.includes(t)}
                onChange={(e) => (setTypes((l) => (e.target.checked ? [...l, t] : l.filter((x) => x !== t))), setCount(null))}
              />{' '}
              {t}
            </label>
          ))}
        </fieldset>
        <label className="openalex-contact">
          Other OpenAlex filter (optional){' '}
          <input
            aria-label="OpenAlex filter"
            placeholder="e.g. language:en,is_retracted:false"
            value={free}
            onChange={(e) => (setFree(e.target.value), setCount(null))}
          />
        </label>
        {freeError && <span className="import-error">{freeError}</span>}
      </div>
      <p className="muted small">
        {readContact()
          ? 'Requests carry the e-mail or API key given in the OpenAlex tab (OpenAlex’s polite pool).'
          : 'Give your e-mail or API key in the OpenAlex tab for OpenAlex’s polite pool (faster, fewer refusals).'}
      </p>
      <p>
        <button type="button" disabled={!filter || Boolean(busy)} onClick={() => void doCount()}>
          {busy === 'count' ? 'Counting…' : 'Count works'}
        </button>{' '}
        {!filter && !freeError && <span className="muted small">Add a topic, venue or institution (or write a filter) first.</span>}
      </p>
      {count && estimate && (
        <section aria-label="Field query count" className="small">
          <p>
            <strong>{fmt(count.count)} works</strong> match “{count.label}”: about {fmt(estimate.requests)} requests and {fmt(estimate.megabytes)} MB to
            download.
          </p>
          {tooBig ? (
            <p className="import-error">
              That is over the {fmt(FIELD_MAX_WORKS)} works one dataset takes in the page. Narrow the query (years, types), or map it with{' '}
              <code>npm run field</code> on DuckDB (README, “Beyond the page”).
            </p>
          ) : (
            <button
              type="button"
              className="primary"
              disabled={Boolean(busy) || Boolean(importer.running) || count.count === 0}
              onClick={() => void fetchAll({ key: count.filter, label: count.label, count: count.count })}
            >
              Fetch {fmt(count.count)} works
            </button>
          )}
        </section>
      )}
      {error && (
        <p role="alert" className="import-error">
          {error}
        </p>
      )}
      {note && <p role="status">{note}</p>}
      {retry && (
        <p role="status" className="small">
          {retry}
        </p>
      )}
      {progress && (
        <div className="import-progress" role="status">
          <progress aria-label="Field fetch progress" max={1} value={fraction} />{' '}
          <span className="small">
            {progress.phase === 'works'
              ? `${fmt(progress.done)} of ${fmt(progress.total)} works fetched${progress.resumedFrom ? ` (resumed at ${fmt(progress.resumedFrom)})` : ''}`
              : `Full author lists: ${fmt(progress.done)} of ${fmt(progress.total)} long works refetched`}
          </span>{' '}
          <button type="button" onClick={() => handle.current?.cancel()}>
            Stop
          </button>
        </div>
      )}
      {importer.running && (
        <div className="import-progress" role="status">
          <progress aria-label="Import progress" max={1} value={importer.running.fraction} /> <span className="small">{importer.running.label}</span>{' '}
          <button type="button" onClick={importer.cancel}>
            Cancel
          </button>
        </div>
      )}
      {importer.outcome && <ImportReportView outcome={importer.outcome} />}
    </div>
  );
}
