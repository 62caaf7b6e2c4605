import { show } from '../common';
import type { DetailsPanelProps } from './props';
import { AuthorLinks } from './AuthorLinks';

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
      <AuthorLinks authors={members} onSelect={onSelect} />
    </section>
  );
}
