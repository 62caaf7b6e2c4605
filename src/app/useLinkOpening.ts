import { useCallback, useEffect, useRef } from 'react';
import { reopenAtLink, workspaceFromLink } from './openFromUrl';
import type { AppActions } from './state/useAppStore';

/**
 * Opening a file by its link (the Open link box, a link dropped on the page): it downloads, then opens through
 * `openWorkspace` with the link in the address bar (`?file=`), so copying the address gives the same view.
 */
export function useLinkOpening(actions: AppActions): (link: string) => void {
  const { notify, openWorkspace } = actions;
  const linkAbort = useRef<AbortController | null>(null);
  const openLink = useCallback(
    (link: string) => {
      // A link to an origin the page's policy does not allow reopens the page at ?file=<link>.
      if (reopenAtLink(link)) return;
      linkAbort.current?.abort();
      const controller = new AbortController();
      linkAbort.current = controller;
      void workspaceFromLink(link, { signal: controller.signal, notify }).then((ws) => {
        if (!ws || controller.signal.aborted) return;
        openWorkspace(ws);
      });
    },
    [notify, openWorkspace],
  );

  // A link dropped on the page opens like ?file= (files dropped are the import dialog's).
  useEffect(() => {
    const isLinkDrag = (e: DragEvent) => Boolean(e.dataTransfer && e.dataTransfer.types.includes('text/uri-list') && !e.dataTransfer.types.includes('Files'));
    const onOver = (e: DragEvent) => {
      if (isLinkDrag(e)) e.preventDefault();
    };
    const onDrop = (e: DragEvent) => {
      if (!isLinkDrag(e)) return;
      e.preventDefault();
      const link = e
        .dataTransfer!.getData('text/uri-list')
        .split(/\r?\n/)
        .find((l) => l && !l.startsWith('#'));
      if (link) openLink(link.trim());
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [openLink]);

  return openLink;
}
