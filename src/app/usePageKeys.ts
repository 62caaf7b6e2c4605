import { useEffect } from 'react';

/** The page's own keys: Escape clears the selection, `/` goes to the search box. */
export function usePageKeys(hasSelection: boolean, clearSelection: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // A key a dialog handled (Escape closing it) or pressed inside one is not the page's.
      const inDialog = e.target instanceof Element && e.target.closest('dialog, [role="dialog"]');
      if (e.defaultPrevented || inDialog || document.querySelector('dialog[open]')) return;
      const typing = e.target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName);
      if (e.key === 'Escape' && !typing && hasSelection) clearSelection();
      if (e.key === '/' && !typing) {
        e.preventDefault();
        document.querySelector<HTMLInputElement>('input[aria-label="Search"]')?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [hasSelection, clearSelection]);
}
