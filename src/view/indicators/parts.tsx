/** Small building blocks of the Indicators view: a figure with its definition, a section, number formats. */
import { useId, type ReactNode } from 'react';
import { DEFINITIONS, type FigureId } from './definitions';

export const int = (n: number) => n.toLocaleString('en-US');
export const dec = (n: number | null, digits = 2) => (n === null ? '–' : n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
export const pct = (n: number | null) => (n === null ? '–' : `${(n * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`);

/** A "?" that shows the definition on hover and on keyboard focus (the text is also its description). */
export function Info({ id }: { id: FigureId }) {
  const tip = useId();
  const d = DEFINITIONS[id];
  return (
    <span className="ind-info-wrap">
      <button type="button" className="ind-info" aria-label={`What is “${d.label}”?`} aria-describedby={tip}>?</button>
      <span role="tooltip" id={tip} className="ind-tip">{d.text}</span>
    </span>
  );
}

/** One figure of the main information: label, value (`data-figure` names it for tests), definition. */
export function Stat({ id, value, detail }: { id: FigureId; value: string; detail?: string }) {
  return (
    <div className="ind-stat">
      <dt>{DEFINITIONS[id].label} <Info id={id} /></dt>
      <dd data-figure={id}>{value}{detail && <span className="muted small"> {detail}</span>}</dd>
    </div>
  );
}

export function Section({ id, title, onCsv, children }: { id: FigureId; title?: string; onCsv?: () => void; children: ReactNode }) {
  const heading = useId();
  return (
    <section className="ind-section" aria-labelledby={heading} data-section={id}>
      <header className="ind-section-head">
        <h3 id={heading}>{title ?? DEFINITIONS[id].label} <Info id={id} /></h3>
        {onCsv && <button type="button" className="ind-csv" onClick={onCsv}>CSV</button>}
      </header>
      {children}
    </section>
  );
}
