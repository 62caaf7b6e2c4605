import { useEffect, useRef, useState } from 'react';
import { useAtlas } from '../../app/context';
import { highlightOf } from '../../app/highlightOf';
import { captionText, exportFileName } from '../../export';
import { exportLegend } from './legend';
import { downloadBlob } from './download';
import { accentOf } from './formats';
import { clampSide, MAX_PNG_SIDE, PNG_BACKGROUNDS, renderPng, type PngBackground } from './png';
import type { ExportScope } from './scopes';
import { useDensityStore } from '../density/densityContext';

/** Options for the PNG (area, size or scale, background, legend, caption), then the download. */
export function PngDialog({ scope, onClose }: { scope: ExportScope | null; onClose: () => void }) {
  const api = useAtlas();
  const densityStore = useDensityStore();
  const screen = api.getSigma()?.getDimensions() ?? { width: 1200, height: 800 };
  const [area, setArea] = useState<'view' | 'whole'>('view');
  const [width, setWidth] = useState(clampSide(screen.width * 2));
  const [height, setHeight] = useState(clampSide(screen.height * 2));
  const [background, setBackground] = useState<PngBackground>(api.theme === 'dark' ? 'dark' : 'white');
  const [legend, setLegend] = useState(true);
  const [caption, setCaption] = useState(true);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);

  const setScale = (k: number) => {
    setWidth(clampSide(screen.width * k));
    setHeight(clampSide(screen.height * k));
  };

  const render = async () => {
    const sigma = api.getSigma();
    if (!sigma) return api.notify('The graph is not drawn yet: try again in a moment.', 'error');
    setBusy(true);
    const date = new Date();
    try {
      const blob = await renderPng(sigma, {
        width,
        height,
        area,
        background,
        keep: scope?.nodes ?? null,
        legend: legend ? exportLegend(api, scope?.nodes) : null,
        caption: caption ? captionText(api.workspace.dataset.title, api.options, date, scope?.label) : null,
        highlightEdges: highlightOf(api.selection, api.graph, api.index)?.edges ?? [],
        accent: accentOf(api),
        density: densityStore.shownDensity(),
      });
      const name = exportFileName(api.workspace.dataset.title, 'png', date, scope?.fileTag);
      downloadBlob(blob, name);
      api.notify(`Exported ${name} (${width} × ${height} px)`);
      onClose();
    } catch (e) {
      api.notify(`The PNG could not be made: ${(e as Error).message}`, 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export-backdrop" onPointerDown={(e) => e.target === e.currentTarget && onClose()}>
      <form
        className="export-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="png-dialog-title"
        onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), onClose())}
        onSubmit={(e) => {
          e.preventDefault();
          void render();
        }}
      >
        <h2 id="png-dialog-title">PNG image{scope ? ` — ${scope.label}` : ''}</h2>
        <label>
          Area
          <select ref={first} value={area} onChange={(e) => setArea(e.target.value as 'view' | 'whole')}>
            <option value="view">Current view</option>
            <option value="whole">{scope ? 'The whole selection' : 'The whole graph'}</option>
          </select>
        </label>
        <div className="export-row">
          <label>
            Width (px)
            <input
              type="number"
              min={16}
              max={MAX_PNG_SIDE}
              required
              value={width}
              onChange={(e) => setWidth(Number(e.target.value))}
              onBlur={() => setWidth(clampSide(width))}
            />
          </label>
          <label>
            Height (px)
            <input
              type="number"
              min={16}
              max={MAX_PNG_SIDE}
              required
              value={height}
              onChange={(e) => setHeight(Number(e.target.value))}
              onBlur={() => setHeight(clampSide(height))}
            />
          </label>
        </div>
        <div className="export-row" role="group" aria-label="Scale of the screen size">
          {[1, 2, 4, 6].map((k) => (
            <button key={k} type="button" onClick={() => setScale(k)}>
              {k}×
            </button>
          ))}
          <span className="muted small">up to {MAX_PNG_SIDE.toLocaleString('en-US')} px a side</span>
        </div>
        <label>
          Background
          <select value={background} onChange={(e) => setBackground(e.target.value as PngBackground)}>
            {(Object.keys(PNG_BACKGROUNDS) as PngBackground[]).map((b) => (
              <option key={b} value={b}>
                {b[0].toUpperCase() + b.slice(1)}
              </option>
            ))}
          </select>
        </label>
        <label className="export-check-label">
          <input type="checkbox" checked={legend} onChange={(e) => setLegend(e.target.checked)} /> Legend
        </label>
        <label className="export-check-label">
          <input type="checkbox" checked={caption} onChange={(e) => setCaption(e.target.checked)} /> Caption (dataset, options, date)
        </label>
        <div className="export-row export-actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Rendering…' : 'Download PNG'}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
