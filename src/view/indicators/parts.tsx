/** Small building blocks of the Indicators view: a figure with its definition, a section, number formats. */
import { useId, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { DEFINITIONS, type FigureId } from './definitions';

export const int = (n: number) => n.toLocaleString('en-US');
export const dec = (n: number | null, digits = 2) =>
  n === null ? '–' : n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const pct = (n: number | null) => (n === null ? '–' : `${(n * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`);

const TIP_WIDTH = 352;

/**
 * A "?" that shows the definition on hover and on keyboard focus (the text is also its description). The tip is
 * placed in viewport coordinates, kept inside the window, so the scrolling dialog never clips it.
 */
export function Info({ id }: { id: FigureId }) {
  const tip = useId();
  const button = useRef<HTMLButtonElement>(null);
  const [place, setPlace] = useState<CSSProperties | null>(null);
  const d = DEFINITIONS[id];
  const show = () => {
    const r = button.current!.getBoundingClientRect();
    const left = Math.max(8, Math.min(r.left, window.innerWidth - Math.min(TIP_WIDTH, window.innerWidth * 0.7) - 8));
    setPlace(r.bottom > window.innerHeight - 180 ? { left, bottom: window.innerHeight - r.top + 4 } : { left, top: r.bottom + 4 });
  };
  const hide = () => setPlace(null);
  return (
    <span className="ind-info-wrap">
      <button
        ref={button}
        type="button"
        className="ind-info"
        aria-label={`What is “${d.label}”?`}
        aria-describedby={tip}
        onMouseEnter={show}
        onMouseLeave={hide}
        onFocus={show}
        onBlur={hide}
      >
        ?
      </button>
      <span role="tooltip" id={tip} className="ind-tip" hidden={!place} style={place ?? undefined}>
        {d.text}
      </span>
    </span>
  );
}

/** One figure of the main information: label, value (`data-figure` names it for tests), definition. */
export function Stat({ id, value, detail }: { id: FigureId; value: string; detail?: string }) {
  return (
    <div className="ind-stat">
      <dt>
        {DEFINITIONS[id].label} <Info id={id} />
      </dt>
      <dd data-figure={id}>
        {value}
        {detail && <span className="muted small"> {detail}</span>}
      </dd>
    </div>
  );
}

export function Section({ id, title, onCsv, children }: { id: FigureId; title?: string; onCsv?: () => void; children: ReactNode }) {
  const heading = useId();
  return (
    <section className="ind-section" aria-labelledby={heading} data-section={id}>
      <header className="ind-section-head">
        <h3 id={heading}>
          {title ?? DEFINITIONS[id].label} <Info id={id} />
        </h3>
        {onCsv && (
          <button type="button" className="ind-csv" onClick={onCsv}>
            CSV
          </button>
        )}
      </header>
      {children}
    </section>
  );
}

/** A plain table; the column at `rowHeader` names the row (and is left-aligned). */
interface DataTableProps {
  label: string;
  head: string[];
  rows: { key: string; cells: ReactNode[] }[];
  rowHeader?: number;
}

export function DataTable({ label, head, rows, rowHeader = 0 }: DataTableProps) {
  return (
    <table className="ind-table" aria-label={label}>
      <thead>
        <tr>
          {head.map((h, i) => (
            <th key={h} scope="col" className={i === rowHeader ? 'ind-left' : undefined}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            {r.cells.map((c, i) =>
              i === rowHeader ? (
                <th key={i} scope="row">
                  {c}
                </th>
              ) : (
                <td key={i}>{c}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
