import { embeddedWorkspace, type Workspace } from './workspace';
import { connectAllowed, originForPolicy } from '../security/connectPolicy';
import { loadStoredWorkspaceAnySize } from './openStored';
import { withSharedView, workspaceFromShareHash } from '../view/export/openSnapshot';
import { decodeShareLink, FILE_LINK_REF } from '../export';
import { fetchFile, fileNameOf, workspaceFromText } from './openFile';
import { fieldIndexFrom, fieldWorkspace } from './fieldFolder';
import { commitAddress, linkAddress, readAddress, withDataset } from './state/urlCodec';

export interface OpenContext {
  signal: AbortSignal;
  notify: (message: string, kind?: 'info' | 'error') => void;
}

/**
 * The workspace a URL points at beyond the embedded datasets, or null: a share link's hash
 * (`#s=…`), a stored dataset (`?dataset=<id>`), or a file by URL (`?file=<url>`).
 * A failure says so and returns null, which keeps the current dataset. With both `file` and `dataset`
 * (a link opened from another page state, see `reopenAtLink`), a failed link falls back to that dataset.
 */
export async function workspaceFromUrl(search: string, ctx: OpenContext, hash = window.location.hash): Promise<Workspace | null> {
  const { file, dataset } = readAddress(search);
  // A share link of a `?file=` dataset: the data comes from the link, the view from the hash.
  const view = hash ? decodeShareLink(hash) : null;
  if (view?.ok && view.snapshot.datasetRef === FILE_LINK_REF) {
    if (!file) {
      ctx.notify('This share link refers to a file link, but the link to the file is missing from it.', 'error');
      return null;
    }
    const ws = await workspaceFromLink(file, ctx);
    return ws && !ctx.signal.aborted ? withSharedView(ws, view.snapshot) : null;
  }
  const shared = hash ? workspaceFromShareHash(hash) : null;
  if (shared) {
    if (shared.ok) return shared.workspace;
    ctx.notify(`This share link could not be opened: ${shared.errors.slice(0, 3).join('; ')}`, 'error');
    return null;
  }
  if (file) {
    const ws = await workspaceFromLink(file, ctx);
    if (ctx.signal.aborted) return null;
    if (ws) {
      if (dataset !== 'full') dropFallbackDataset();
      return ws;
    }
    // The link failed: the dataset the page showed before `reopenAtLink` is kept (the embedded profile by default).
    if (dataset === 'shown') return embeddedWorkspace('shown');
  }
  if (dataset && dataset !== 'full' && dataset !== 'shown') {
    const stored = await loadStoredWorkspaceAnySize(dataset);
    if (stored) return stored;
    ctx.notify(`No stored dataset “${dataset}” in this browser: showing the embedded profile.`, 'error');
  }
  return null;
}

/**
 * Opening a link the page may not read from. The boot policy (src/security/connectPolicy.ts) allows network reads
 * from the page's own origin, the OpenAlex API and the origin of the `?file=` link the page was opened with, and a
 * policy cannot be widened while the page runs. So a link to another origin reopens the page at `?file=<link>`,
 * carrying the `dataset` parameter, so that a failed download reopens the dataset shown now rather than the
 * embedded profile. Returns true when it navigated; false when the link can be read here (or is no http(s) address,
 * which `workspaceFromLink` reports).
 */
export function reopenAtLink(link: string): boolean {
  if (!originForPolicy(link, window.location.href) || connectAllowed(link)) return false;
  window.location.assign(`${window.location.pathname}${linkAddress(link, readAddress(window.location.search).dataset)}`);
  return true;
}

/**
 * The link opened: the `dataset` fallback no longer names what is shown. It leaves the address bar, and a
 * `popstate` makes the App read the URL again (its URL state was read at start, with the fallback in it; left
 * there, back/forward would swap the link's workspace for the fallback dataset).
 */
function dropFallbackDataset(): void {
  commitAddress({ search: withDataset(window.location.search, 'full'), mode: 'replace' });
  window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }));
}

/** Downloads and opens `?file=<url>`: any paper format, a snapshot or a graph file. */
export async function workspaceFromLink(url: string, ctx: OpenContext): Promise<Workspace | null> {
  const name = fileNameOf(url);
  // Reads the page's policy refused (a redirect to another origin), to say so instead of "could not be reached".
  const refused: string[] = [];
  const onViolation = (e: SecurityPolicyViolationEvent) => {
    if (e.effectiveDirective === 'connect-src') refused.push(e.blockedURI);
  };
  document.addEventListener('securitypolicyviolation', onViolation);
  try {
    ctx.notify(`Downloading ${name}…`);
    let lastShown = 0;
    const bytes = await fetchFile(url, {
      signal: ctx.signal,
      onProgress: (loaded, total) => {
        const now = Date.now();
        if (now - lastShown < 150) return;
        lastShown = now;
        ctx.notify(total ? `Downloading ${name}… ${Math.round((100 * loaded) / total)}%` : `Downloading ${name}… ${(loaded / 1e6).toFixed(1)} MB`);
      },
    });
    // A field folder's index (npm run field), known by its format field: its overview, with clusters read on demand.
    const field = fieldIndexFrom(bytes);
    if (field) {
      const s = field.summary;
      ctx.notify(
        `Opened ${name}: ${s.works.toLocaleString('en-US')} works, ${s.authors.toLocaleString('en-US')} authors, ${s.clusters.toLocaleString('en-US')} clusters.`,
      );
      return fieldWorkspace(field, url);
    }
    ctx.notify(`Reading ${name}…`);
    const outcome = await workspaceFromText(bytes, name, { signal: ctx.signal, sourceUrl: url });
    if (!outcome.ok) {
      ctx.notify(`Could not open ${name}: ${outcome.error}. The current dataset is kept.`, 'error');
      return null;
    }
    ctx.notify(
      `Opened ${name}.${
        outcome.notes.length
          ? ` ${outcome.notes
              .slice(0, 4)
              .map((n) => n.replace(/\.$/, ''))
              .join('; ')}.`
          : ''
      }`,
    );
    return outcome.workspace;
  } catch (e) {
    if ((e as Error).name === 'AbortError') return null;
    // The violation event is queued as a task: let it arrive.
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Chromium reports a refused redirect under the address asked for, not the one it leads to.
    const blocked = refused.length ? originOf(refused[0]) : null;
    const reason = !refused.length
      ? (e as Error).message
      : blocked && blocked === originOf(url)
        ? 'the address redirects to another site, which this page may not read from (only the site of the link it was opened with); open the address it leads to instead'
        : `this page may not read from ${blocked ?? 'that site'}`;
    ctx.notify(`Could not open ${url}: ${reason}. The current dataset is kept.`, 'error');
    return null;
  } finally {
    document.removeEventListener('securitypolicyviolation', onViolation);
  }
}

function originOf(address: string): string | null {
  try {
    return new URL(address, window.location.href).origin;
  } catch {
    return null;
  }
}
