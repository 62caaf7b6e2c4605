import { useEffect, useState } from 'react';
import { useAtlas } from '../../app/context';
import { deleteDataset, listStoredDatasets, renameDataset, type DamagedRecord, type StoredSummary } from '../../store/datasetStore';
import { workspaceOf } from '../../app/openStored';
import { openStored } from '../../app/openStored';

/** `onError(null)` clears what the last action said: each action starts with it. */
function Row({ s, current, onChanged, onError }: { s: StoredSummary; current: boolean; onChanged: () => void; onError: (m: string | null) => void }) {
  const { openWorkspace, workspace } = useAtlas();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const open = async () => {
    onError(null);
    try {
      const r = await openStored(s.id);
      if (r) return openWorkspace(workspaceOf(r));
      onError(`“${s.title}” is no longer stored.`);
    } catch (e) {
      onError((e as Error).message);
    }
    // Listed again at once: a dataset found damaged when opened is named as such, one gone leaves the list.
    onChanged();
  };
  const act = (p: Promise<unknown>) => (onError(null), p.then(onChanged, (e: Error) => onError(e.message)));
  return (
    <li className="dataset-row">
      {renaming !== null ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const title = renaming.trim();
            if (!title) return;
            setRenaming(null);
            void act(
              renameDataset(s.id, title).then(() => {
                // The open copy gets the new title too.
                if (workspace.id === s.id) openWorkspace({ ...workspace, dataset: { ...workspace.dataset, title } });
              }),
            );
          }}
        >
          <input
            aria-label={`New name for ${s.title}`}
            value={renaming}
            autoFocus
            onChange={(e) => setRenaming(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), e.preventDefault(), setRenaming(null))}
          />
          <button type="submit">Save</button>
        </form>
      ) : (
        <>
          <span className="dataset-name">
            {s.title} {current && <span className="badge">shown</span>}
          </span>
          <span className="muted small">
            {s.papers.toLocaleString('en-US')} papers · {new Date(s.updatedAt).toLocaleString()}
          </span>
          <span className="dataset-actions">
            <button type="button" onClick={() => void open()} disabled={current} aria-label={`Open ${s.title}`}>
              Open
            </button>
            <button type="button" onClick={() => setRenaming(s.title)} aria-label={`Rename ${s.title}`}>
              Rename
            </button>
            {confirmDelete ? (
              <button type="button" className="danger" onClick={() => void act(deleteDataset(s.id))} aria-label={`Really delete ${s.title}`}>
                Really delete?
              </button>
            ) : (
              <button type="button" onClick={() => setConfirmDelete(true)} aria-label={`Delete ${s.title}`}>
                Delete
              </button>
            )}
          </span>
        </>
      )}
    </li>
  );
}

/** A stored record that cannot be read: said by name, kept as it is; only the user deletes it. */
function DamagedRow({ d, onChanged, onError }: { d: DamagedRecord; onChanged: () => void; onError: (m: string | null) => void }) {
  const [confirmDelete, setConfirmDelete] = useState(false);
  return (
    <li className="dataset-row">
      <span className="dataset-name">
        {d.name} <span className="badge">damaged</span>
      </span>
      <span className="muted small">Cannot be read: {d.reason}. Kept as it is.</span>
      <span className="dataset-actions">
        {confirmDelete ? (
          <button
            type="button"
            className="danger"
            onClick={() => (onError(null), void deleteDataset(d.id).then(onChanged, (e: Error) => onError(e.message)))}
            aria-label={`Really delete ${d.name}`}
          >
            Really delete?
          </button>
        ) : (
          <button type="button" onClick={() => setConfirmDelete(true)} aria-label={`Delete ${d.name}`}>
            Delete
          </button>
        )}
      </span>
    </li>
  );
}

/** Datasets kept in this browser: open, rename, delete. `version` changes when an import stored one. */
export function DatasetList({ version }: { version: number }) {
  const { workspace } = useAtlas();
  const [list, setList] = useState<StoredSummary[] | null>(null);
  const [damaged, setDamaged] = useState<DamagedRecord[]>([]);
  // What an action on a row said (kept when the list is read again), and whether the list itself could be read.
  const [error, setError] = useState<string | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    let live = true;
    listStoredDatasets().then(
      (l) => live && (setList(l.datasets), setDamaged(l.damaged), setListError(null)),
      (e: Error) => live && setListError(e.message),
    );
    return () => {
      live = false;
    };
  }, [version, reload]);
  const refresh = () => setReload((n) => n + 1);
  return (
    <section aria-label="Stored datasets">
      <h3>Datasets kept in this browser</h3>
      {listError && (
        <p role="alert" className="import-error">
          {listError}
        </p>
      )}
      {error && (
        <p role="alert" className="import-error">
          {error}
        </p>
      )}
      {list && list.length === 0 && !damaged.length && <p className="muted">None yet: every import is kept here.</p>}
      {list && list.length > 0 && (
        <ul className="plain dataset-list">
          {list.map((s) => (
            <Row key={s.id} s={s} current={workspace.id === s.id} onChanged={refresh} onError={setError} />
          ))}
        </ul>
      )}
      {damaged.length > 0 && (
        <>
          <p role="alert" className="import-error">
            {damaged.length === 1 ? 'One stored dataset cannot be read' : `${damaged.length} stored datasets cannot be read`}:{' '}
            {damaged.map((d) => `“${d.name}”`).join(', ')}. {damaged.length === 1 ? 'It is' : 'They are'} kept as stored and never overwritten.
          </p>
          <ul className="plain dataset-list" aria-label="Damaged datasets">
            {damaged.map((d) => (
              <DamagedRow key={d.id} d={d} onChanged={refresh} onError={setError} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
