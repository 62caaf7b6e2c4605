import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useAtlas } from '../../app/context';
import { downloadText } from './download';
import { DATA_FORMAT_LABELS, dataFile, snapshotFile, snapshotOf, svgFile, type DataFormat, type ExportFile, type ExportInput } from './formats';
import { workspaceFromSnapshotText } from './openSnapshot';
import { PngDialog } from './PngDialog';
import { scopeOf } from './scopes';
import { ShareDialog, type ShareState } from './ShareDialog';
import { shareLinkOf } from './shareLinkOf';
import { useDensityStore } from '../density/densityContext';
import './export.css';

const ITEM_SELECTOR = '[role="menuitem"], [role="menuitemradio"], [role="menuitemcheckbox"]';

/** The Export menu: images, data files, snapshots and share links, of the whole graph or of the selection. */
export function ExportMenu() {
  const api = useAtlas();
  const densityStore = useDensityStore();
  const { graph, index, clusters, selection, notify, openWorkspace, getSigma } = api;
  const [open, setOpen] = useState(false);
  const [useScope, setUseScope] = useState(true);
  const [svgLegend, setSvgLegend] = useState(true);
  const [dialog, setDialog] = useState<'png' | null>(null);
  const [share, setShare] = useState<ShareState | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const selectionScope = useMemo(() => scopeOf(selection, graph, index, clusters), [selection, graph, index, clusters]);
  const scope = useScope ? selectionScope : null;
  const input = (): ExportInput => ({ api, scope, date: new Date(), density: densityStore.shownDensity() });

  const close = useCallback((focusButton = true) => {
    setOpen(false);
    if (focusButton) button.current?.focus();
  }, []);

  // Focus the first item on opening; close on a click elsewhere.
  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>(ITEM_SELECTOR)?.focus();
    const onDown = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>(ITEM_SELECTOR) ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const focus = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (e.key === 'ArrowDown') focus(at + 1);
    else if (e.key === 'ArrowUp') focus(at - 1);
    else if (e.key === 'Home') focus(0);
    else if (e.key === 'End') focus(items.length - 1);
    else if (e.key === 'Escape') close();
    else if (e.key === 'Tab') return setOpen(false);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const save = (make: () => ExportFile) => {
    close();
    try {
      const f = make();
      downloadText(f.text, f.fileName, f.type);
      notify(`Exported ${f.fileName}`);
    } catch (e) {
      notify(`Export failed: ${(e as Error).message}`, 'error');
    }
  };

  const needSigma = (then: (s: NonNullable<ReturnType<typeof getSigma>>) => void) => {
    const sigma = getSigma();
    if (sigma) then(sigma);
    else notify('The graph is not drawn yet: try again in a moment.', 'error');
  };

  const exportSnapshot = () => {
    close();
    const s = snapshotOf(api, getSigma(), new Date());
    if (!s.ok) return notify(`Cannot save a snapshot: ${s.errors.slice(0, 3).join('; ')}`, 'error');
    const f = snapshotFile(s.snapshot, input());
    downloadText(f.text, f.fileName, f.type);
    notify(`Exported ${f.fileName}`);
  };

  const shareLink = () => {
    close(false);
    const r = shareLinkOf(api, getSigma(), new Date(), window.location);
    if (!r.ok && r.reason === 'invalid') return notify(`Cannot make a share link: ${r.errors.slice(0, 3).join('; ')}`, 'error');
    if (!r.ok) return setShare({ ok: false, size: r.size, limit: r.limit, snapshot: r.snapshot });
    const { url, refersTo } = r;
    setShare({ ok: true, url, refersTo, copied: null });
    navigator.clipboard?.writeText(url).then(
      () => setShare({ ok: true, url, refersTo, copied: true }),
      () => setShare({ ok: true, url, refersTo, copied: false }),
    );
  };

  const openSnapshotFile = async (f: File | undefined) => {
    if (!f) return;
    try {
      const r = workspaceFromSnapshotText(await f.text());
      if (!r.ok) return notify(`“${f.name}” was not opened: it is not a valid snapshot (${r.errors.slice(0, 3).join('; ')}). Nothing was changed.`, 'error');
      openWorkspace(r.workspace);
      notify(`Opened the snapshot ${f.name}`);
    } catch (e) {
      notify(`“${f.name}” could not be read: ${(e as Error).message}. Nothing was changed.`, 'error');
    } finally {
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const formats = Object.keys(DATA_FORMAT_LABELS) as DataFormat[];
  return (
    <div className="popover-anchor export-anchor">
      <button
        ref={button}
        type="button"
        className="toolbar-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? 'export-menu' : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        Export
      </button>
      <input
        ref={fileInput}
        className="export-visually-hidden"
        type="file"
        accept=".json,application/json"
        aria-label="Open snapshot"
        tabIndex={-1}
        onChange={(e) => void openSnapshotFile(e.target.files?.[0])}
      />
      {open && (
        <div ref={menu} id="export-menu" className="popover export-menu" role="menu" aria-label="Export" onKeyDown={onMenuKey}>
          {selectionScope && (
            <Group label="What to export">
              <Item role="menuitemradio" checked={!useScope} onSelect={() => setUseScope(false)}>
                Whole graph
              </Item>
              <Item role="menuitemradio" checked={useScope} onSelect={() => setUseScope(true)}>
                {selectionScope.label}
              </Item>
            </Group>
          )}
          <Group label="Image">
            <Item
              onSelect={() => {
                close(false);
                setDialog('png');
              }}
            >
              PNG image…
            </Item>
            <Item onSelect={() => needSigma((s) => save(() => svgFile(s, input(), svgLegend)))}>SVG (what is on screen)</Item>
            <Item role="menuitemcheckbox" checked={svgLegend} onSelect={() => setSvgLegend((v) => !v)}>
              Legend in SVG
            </Item>
          </Group>
          <Group label="Data">
            {formats.map((f) => (
              <Item key={f} onSelect={() => save(() => dataFile(f, input()))}>
                {DATA_FORMAT_LABELS[f]}
              </Item>
            ))}
          </Group>
          <Group label="Snapshot">
            <Item onSelect={exportSnapshot}>Snapshot (JSON)</Item>
            <Item onSelect={shareLink}>Share link…</Item>
            <Item
              onSelect={() => {
                close(false);
                fileInput.current?.click();
              }}
            >
              Open snapshot…
            </Item>
          </Group>
        </div>
      )}
      {dialog === 'png' && (
        <PngDialog
          scope={scope}
          onClose={() => {
            setDialog(null);
            button.current?.focus();
          }}
        />
      )}
      {share && (
        <ShareDialog
          state={share}
          input={input()}
          onClose={() => {
            setShare(null);
            button.current?.focus();
          }}
        />
      )}
    </div>
  );
}

function Group({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label} className="export-group">
      <div className="export-group-label" aria-hidden="true">
        {label}
      </div>
      {children}
    </div>
  );
}

function Item({
  role = 'menuitem',
  checked,
  onSelect,
  children,
}: {
  role?: 'menuitem' | 'menuitemradio' | 'menuitemcheckbox';
  checked?: boolean;
  onSelect: () => void;
  children: ReactNode;
}) {
  return (
    <button type="button" role={role} aria-checked={role === 'menuitem' ? undefined : checked} tabIndex={-1} className="export-item" onClick={onSelect}>
      {role !== 'menuitem' && (
        <span className="export-check" aria-hidden="true">
          {checked && (
            <svg viewBox="0 0 16 16" width="12" height="12" focusable="false">
              {role === 'menuitemradio' ? (
                <circle cx="8" cy="8" r="4.5" fill="currentColor" />
              ) : (
                <path d="M2.5 8.5l3.5 3.5 7.5-8" fill="none" stroke="currentColor" strokeWidth="2.2" />
              )}
            </svg>
          )}
        </span>
      )}
      {children}
    </button>
  );
}
