import { useSyncExternalStore } from 'react';

/** Whether a CSS media query matches now, re-rendering when it changes (window resizes, rotation). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia?.(query);
      list?.addEventListener('change', onChange);
      return () => list?.removeEventListener('change', onChange);
    },
    () => window.matchMedia?.(query).matches ?? false,
  );
}

/** The widths at which the layout changes; the same numbers as the media queries in layout.css. */
export const NARROW_TOOLBAR = '(max-width: 1100px)';
export const NARROW_WORKSPACE = '(max-width: 800px)';
