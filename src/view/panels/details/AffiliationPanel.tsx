import { show } from '../common';
import type { DetailsPanelProps } from './props';

export function AffiliationPanel({ node, graph, index, onSelect }: DetailsPanelProps & { node: string }) {
  const label = graph.getNodeAttribute(node, 'label');
  const members = graph
    .neighbors(node)
    .filter((n) => n.startsWith('a:'))
    .map((n) => index.author(n.slice(2))!);
  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title">{show.name(label)}</h2>
      <p>{members.length} authors with this affiliation in the sources.</p>
      <ul className="plain">
        {members.slice(0, 500).map((a) => (
          <li key={a.key}>
            <button type="button" className="link" onClick={() => onSelect({ kind: 'author', key: a.key }, { focus: true })}>
              {show.name(a.label)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
