import { useSyncExternalStore } from 'react';

/** Whether the table twin is open: shared by the lens bar's button and the table itself. */
let open = false;
const listeners = new Set<() => void>();

export function setTableOpen(next: boolean): void {
  open = next;
  for (const l of listeners) l();
}

export function useTableOpen(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => open,
  );
}
