import { useEffect } from 'react';
import { datasetParamOf, embeddedFor } from './state/appState';
import type { AppStore } from './state/store';
import type { AppActions } from './state/useAppStore';
import { readAddress } from './state/urlCodec';
import { workspaceFromUrl } from './openFromUrl';
import { loadStoredWorkspaceAnySize } from './openStored';
import { embeddedWorkspace } from './workspace';

/**
 * The address bar opens workspaces: on load, what it points at beyond the embedded datasets (a stored dataset, a
 * `?file=` link, a share link); on back/forward, the dataset it names. Both go through `openFromAddress`.
 */
export function useOpenFromAddress(store: AppStore, actions: AppActions): void {
  const { notify, openFromAddress, addressChanged } = actions;

  // URL → state on back/forward: the selection, the lenses, the drill, and the dataset when the URL names another.
  useEffect(() => {
    const onPop = () => {
      addressChanged();
      const { dataset } = readAddress(window.location.search);
      // Only a URL naming another dataset switches it: back from a selection in a snapshot,
      // a graph file or a link keeps that workspace.
      if (datasetParamOf(store.getState().workspace) === dataset) return;
      const embedded = embeddedFor(dataset);
      if (embedded) openFromAddress(embedded);
      else void loadStoredWorkspaceAnySize(dataset).then((ws) => ws && openFromAddress(ws));
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [store, addressChanged, openFromAddress]);

  // A workspace the URL points at beyond the embedded ones (a stored dataset, a ?file= link, a share link).
  useEffect(() => {
    const controller = new AbortController();
    // Whatever fails to open, the user gets the embedded profile rather than an empty page.
    const fallBack = () => {
      if (store.getState().workspace.id === 'loading') openFromAddress(embeddedWorkspace('full'));
    };
    workspaceFromUrl(window.location.search, { signal: controller.signal, notify })
      .then((ws) => {
        if (controller.signal.aborted) return;
        if (!ws) return fallBack();
        openFromAddress(ws);
      })
      .catch((e: unknown) => {
        notify(`Could not open what the link points at: ${(e as Error).message}. The current dataset is kept.`, 'error');
        fallBack();
      });
    return () => controller.abort();
  }, [store, notify, openFromAddress]);
}
