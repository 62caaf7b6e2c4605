import { PaperLine, show } from '../common';
import type { DetailsPanelProps } from './props';

export function PairPanel({ a, b, index, onSelect }: DetailsPanelProps & { a: string; b: string }) {
  const A = index.author(a)!;
  const B = index.author(b)!;
  const shared = index.sharedPapers(a, b);
  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title">
        {show.name(A.label)} &amp; {show.name(B.label)}
      </h2>
      <p>
        <strong>{shared.length}</strong> shared paper{shared.length === 1 ? '' : 's'} in this dataset
      </p>
      <ul className="plain papers" aria-label="Shared papers">
        {shared.map((p) => (
          <PaperLine key={p.id} paper={p} onSelect={onSelect} />
        ))}
      </ul>
      {shared.length === 0 && <p className="muted">These two authors have no paper together here.</p>}
      <p className="pair-actions">
        <button type="button" onClick={() => onSelect({ kind: 'author', key: a }, { focus: true })}>
          Open {show.name(A.label)}
        </button>{' '}
        <button type="button" onClick={() => onSelect({ kind: 'author', key: b }, { focus: true })}>
          Open {show.name(B.label)}
        </button>
      </p>
    </section>
  );
}
