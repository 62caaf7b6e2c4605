import { useEffect, useRef } from 'react';
import type { Snapshot } from '../../export';
import { downloadText } from './download';
import { snapshotFile, type ExportInput } from './formats';

export type ShareState = { ok: true; url: string; refersTo: string; copied: boolean | null } | { ok: false; size: number; limit: number; snapshot: Snapshot };

/** Shows the share link (copied to the clipboard when the browser allows), or why there is none. */
export function ShareDialog({ state, input, onClose }: { state: ShareState; input: ExportInput; onClose: () => void }) {
  const first = useRef<HTMLInputElement & HTMLButtonElement>(null);
  useEffect(() => {
    first.current?.focus();
    first.current?.select?.();
  }, []);
  return (
    <div className="export-backdrop" onPointerDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className="export-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="share-dialog-title"
        onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onClose())}
      >
        <h2 id="share-dialog-title">Share link</h2>
        {state.ok ? (
          <>
            <p role="status">
              {state.copied === true
                ? 'Copied to the clipboard.'
                : state.copied === false
                  ? 'Copy it by hand: the browser did not allow the clipboard.'
                  : 'Copying…'}{' '}
              {state.refersTo
                ? `The link refers to ${state.refersTo} and carries the view (options, lenses, selection, camera): anyone opening it sees what you see.`
                : 'This dataset is only in this browser, so the link carries it whole (no server): anyone opening it sees this dataset, layout, camera and selection.'}
            </p>
            <input ref={first} readOnly value={state.url} aria-label="Share link" className="export-link" onFocus={(e) => e.target.select()} />
          </>
        ) : (
          <>
            <p role="alert">
              This dataset is only in this browser (imported or opened from a file), so a link would have to carry its data: it is too large for a link, at{' '}
              {state.size.toLocaleString('en-US')} characters where links are kept under {state.limit.toLocaleString('en-US')}. Save a snapshot file instead and
              share the file, or put the data file on the web and share a <code>?file=</code> link to it.
            </p>
            <button
              ref={first}
              type="button"
              onClick={() => {
                const f = snapshotFile(state.snapshot, input);
                downloadText(f.text, f.fileName, f.type);
                onClose();
              }}
            >
              Download the snapshot file
            </button>
          </>
        )}
        <div className="export-row export-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
