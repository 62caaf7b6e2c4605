import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useAtlas } from '../../app/context';
import type { JobFormat } from './importJob';
import { DatasetList } from './DatasetList';
import { ImportReportView } from './ImportReportView';
import { PendingReview } from './PendingReview';
import { FORMAT_LABELS, readFiles, type InputFile } from './readFiles';
import { useImporter } from './useImporter';
import { usePositionSaver } from './usePositionSaver';
import './import.css';

// Tabs loaded when first opened (the OpenAlex clients, the field query, the merge assistant): not in the page's first task.
const OpenAlexTab = lazy(() => import('./OpenAlexTab').then((m) => ({ default: m.OpenAlexTab })));
const FieldTab = lazy(() => import('./FieldTab').then((m) => ({ default: m.FieldTab })));
const MergeAssistant = lazy(() => import('./MergeAssistant').then((m) => ({ default: m.MergeAssistant })));
const TAB_LOADING = <p className="muted">Loading…</p>;

type Tab = 'import' | 'openalex' | 'field' | 'datasets' | 'names';
const TABS: [Tab, string][] = [
  ['import', 'Import'],
  ['openalex', 'OpenAlex'],
  ['field', 'Field'],
  ['datasets', 'Datasets'],
  ['names', 'Name variants'],
];

/** A full-page overlay while files are dragged over the page; dropping them imports them. */
function useFileDrop(onFiles: (files: File[]) => void): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Boolean(e.dataTransfer?.types.includes('Files'));
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overFn = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length) onFiles(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overFn);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overFn);
      window.removeEventListener('drop', drop);
    };
  }, [onFiles]);
  return over;
}

/** Import papers: file picker, paste box, drag and drop, report, stored datasets, merge assistant. */
export function ImportButton() {
  const { workspace } = useAtlas();
  const [open, setOpen] = useState(false);
  const [tab, setTab] = useState<Tab>('import');
  const [format, setFormat] = useState<JobFormat | ''>('');
  const [append, setAppend] = useState(false);
  const [keepApart, setKeepApart] = useState(false);
  const [pasted, setPasted] = useState('');
  const [storedVersion, setStoredVersion] = useState(0);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const onStored = useCallback(() => setStoredVersion((v) => v + 1), []);
  const importer = useImporter(onStored);
  const { start, canAppend } = importer;
  usePositionSaver();

  useEffect(() => {
    const d = dialogRef.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const begin = useCallback(
    (inputs: InputFile[]) => {
      setOpen(true);
      setTab('import');
      void start(inputs, { format: format || null, append: append && canAppend, keepApart });
    },
    [start, format, append, canAppend, keepApart],
  );
  const onFiles = useCallback((files: File[] | FileList) => void readFiles(files).then(begin), [begin]);
  const dragging = useFileDrop(onFiles);

  return (
    <>
      <button type="button" className="toolbar-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Import
      </button>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div>Drop files to import them</div>
        </div>
      )}
      <dialog
        ref={dialogRef}
        className="import-dialog"
        aria-labelledby="import-dialog-title"
        onClose={() => setOpen(false)}
        onKeyDown={(e) => e.key === 'Escape' && e.stopPropagation()}
      >
        <div className="import-dialog-head">
          <h2 id="import-dialog-title">Import and datasets</h2>
          <button type="button" className="import-close" onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
        <div role="tablist" aria-label="Import sections" className="import-tabs">
          {TABS.map(([t, label]) => (
            <button
              key={t}
              type="button"
              role="tab"
              id={`import-tab-${t}`}
              aria-selected={tab === t}
              aria-controls={`import-panel-${t}`}
              onClick={() => setTab(t)}
            >
              {label}
            </button>
          ))}
        </div>
        {open && tab === 'import' && (
          <div role="tabpanel" id="import-panel-import" aria-labelledby="import-tab-import">
            <p className="muted small">
              Web of Science (plain text or tab-delimited), Scopus (CSV, BibTeX, RIS), PubMed/MEDLINE, BibTeX, RIS, CSL-JSON (Zotero), OpenAlex JSON, CSV/TSV,
              ACL Anthology XML (+ name_variants.yaml), or the text of a profile page. Several files at once, or drop them anywhere on the page. Snapshots and
              graph files (GEXF, GraphML, VOSviewer) open too.
            </p>
            <div className="import-options">
              <label>
                Format{' '}
                <select aria-label="Format" value={format} onChange={(e) => setFormat(e.target.value as JobFormat | '')}>
                  <option value="">Detect from content</option>
                  {Object.entries(FORMAT_LABELS).map(([v, l]) => (
                    <option key={v} value={v}>
                      {l}
                    </option>
                  ))}
                </select>
              </label>
              <label title={canAppend ? '' : 'The dataset shown has no papers'}>
                <input type="checkbox" checked={append && canAppend} disabled={!canAppend} onChange={(e) => setAppend(e.target.checked)} /> Add to the dataset
                shown (“{workspace.dataset.title}”)
              </label>
              <label title="Records with the same DOI, arXiv id, or title, year and a shared author are merged into one paper unless this is checked">
                <input type="checkbox" checked={keepApart} onChange={(e) => setKeepApart(e.target.checked)} /> Keep duplicates apart
              </label>
            </div>
            <label className="file-button primary">
              Choose files…
              <input
                type="file"
                multiple
                aria-label="Import papers"
                disabled={Boolean(importer.running)}
                onChange={(e) => (e.target.files && onFiles(e.target.files), (e.target.value = ''))}
              />
            </label>
            <div className="paste-box">
              <textarea
                aria-label="Paste papers"
                rows={6}
                placeholder="…or paste a Web of Science, Scopus or PubMed export, BibTeX, RIS, JSON, CSV or a profile page’s text here"
                value={pasted}
                onChange={(e) => setPasted(e.target.value)}
              />
              <button type="button" disabled={!pasted.trim() || Boolean(importer.running)} onClick={() => begin([{ name: 'pasted text', text: pasted }])}>
                Import pasted text
              </button>
            </div>
            {importer.running && (
              <div className="import-progress" role="status">
                <progress aria-label="Import progress" max={1} value={importer.running.fraction} /> <span className="small">{importer.running.label}</span>{' '}
                <button type="button" onClick={importer.cancel}>
                  Cancel
                </button>
              </div>
            )}
            {importer.pending && (
              <PendingReview files={importer.pending.files} onConfirm={importer.confirmPending} onCancel={() => importer.setPending(null)} />
            )}
            {importer.outcome && <ImportReportView outcome={importer.outcome} />}
          </div>
        )}
        {open && tab === 'openalex' && (
          <Suspense fallback={TAB_LOADING}>
            <OpenAlexTab importer={importer} append={append && canAppend} keepApart={keepApart} />
          </Suspense>
        )}
        {open && tab === 'field' && (
          <Suspense fallback={TAB_LOADING}>
            <FieldTab importer={importer} append={append && canAppend} keepApart={keepApart} />
          </Suspense>
        )}
        {open && tab === 'datasets' && (
          <div role="tabpanel" id="import-panel-datasets" aria-labelledby="import-tab-datasets">
            <DatasetList version={storedVersion} />
          </div>
        )}
        {open && tab === 'names' && (
          <div role="tabpanel" id="import-panel-names" aria-labelledby="import-tab-names">
            <Suspense fallback={TAB_LOADING}>
              <MergeAssistant />
            </Suspense>
          </div>
        )}
      </dialog>
    </>
  );
}
