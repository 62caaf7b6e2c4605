import { useEffect, useRef, useState, type ReactNode } from 'react';
import { NARROW_TOOLBAR, useMediaQuery } from './useMediaQuery';

/**
 * The toolbar's actions, inline on wide windows; on narrow ones behind a "More" button that opens them as a menu
 * panel under the top bar. The actions stay mounted either way (their dialogs live inside them), so a dialog opened
 * from the panel stays open when the panel closes.
 */
export function ToolbarOverflow({ children }: { children: ReactNode }) {
  const narrow = useMediaQuery(NARROW_TOOLBAR);
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const collapsed = narrow && !open;

  // A pointer down outside the panel (and outside any dialog it opened) closes it.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node | null;
      if (!t || panel.current?.contains(t) || button.current?.contains(t)) return;
      if (t instanceof Element && t.closest('dialog, [role="dialog"]')) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);
  // A dialog opened from the folded menu gives focus back to the More button when it closes (its own button is hidden).
  const collapsedRef = useRef(collapsed);
  collapsedRef.current = collapsed;
  useEffect(() => {
    const el = panel.current;
    if (!el) return;
    const onClose = () =>
      window.setTimeout(() => {
        if (collapsedRef.current && (!document.activeElement || document.activeElement === document.body || el.contains(document.activeElement)))
          button.current?.focus();
      });
    el.addEventListener('close', onClose, true);
    return () => el.removeEventListener('close', onClose, true);
  }, []);
  // Widening the window shows the actions inline again: the panel has nothing left to do.
  if (!narrow && open) setOpen(false);

  return (
    <>
      <button
        ref={button}
        type="button"
        className="toolbar-button toolbar-more"
        aria-expanded={open}
        aria-controls="toolbar-overflow"
        onClick={() => setOpen((o) => !o)}
        title="Import, open link, export, indicators"
      >
        More <span aria-hidden="true">▾</span>
      </button>
      <div
        ref={panel}
        id="toolbar-overflow"
        className={`toolbar-overflow${open ? ' open' : ''}`}
        // Folded away with visibility (layout.css): out of the tab order and the accessibility tree, while a dialog
        // opened from it (visibility: visible) stays usable.
        data-collapsed={collapsed || undefined}
        // An action that opens a dialog folds the menu away behind it (the dialog itself stays: see layout.css).
        onClick={(e) => {
          if (narrow && e.target instanceof Element && e.target.closest('[aria-haspopup="dialog"]')) setOpen(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open && !(e.target instanceof Element && e.target.closest('dialog, [role="dialog"], .popover'))) {
            e.stopPropagation();
            setOpen(false);
            button.current?.focus();
          }
        }}
      >
        {children}
      </div>
    </>
  );
}
