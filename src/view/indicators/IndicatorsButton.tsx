/** The toolbar's Indicators button and the modal region it opens (closed by its button or Escape). */
import { lazy, Suspense, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import './indicators.css';

// Loaded when first opened: the charts, the country map and their metrics stay out of the page's first task.
const IndicatorsView = lazy(() => import('./IndicatorsView').then((m) => ({ default: m.IndicatorsView })));

export function IndicatorsButton() {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) {
      d.close();
      button.current?.focus();
    }
  }, [open]);

  // Escape closes this view only: the page's own Escape (which clears the selection) must not see it.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    setOpen(false);
  };

  return (
    <>
      <button ref={button} type="button" className="toolbar-button" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(true)}>
        Indicators
      </button>
      <dialog
        ref={dialog}
        className="ind-dialog"
        aria-labelledby="ind-title"
        onKeyDown={onKeyDown}
        onCancel={(e) => (e.preventDefault(), setOpen(false))}
        onClose={() => setOpen(false)}
      >
        {open && (
          <section aria-label="Indicators" className="ind-region">
            <header className="ind-head">
              <h2 id="ind-title">Indicators</h2>
              <button type="button" className="icon-button" aria-label="Close indicators" onClick={() => setOpen(false)}>
                ×
              </button>
            </header>
            <Suspense fallback={<p className="muted">Loading the indicators…</p>}>
              <IndicatorsView onDone={() => setOpen(false)} />
            </Suspense>
          </section>
        )}
      </dialog>
    </>
  );
}
