import { show } from '../common';
import type { DetailsPanelProps } from './props';
import { AuthorLinks } from './AuthorLinks';
import { affiliationMembers } from './affiliationMembers';

export function AffiliationPanel({ node, graph, edgesApart, index, onSelect }: DetailsPanelProps & { node: string }) {
  const label = graph.getNodeAttribute(node, 'label');
  const members = affiliationMembers(graph, edgesApart, index, node);
  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title">{show.name(label)}</h2>
      <p>{members.length} authors with this affiliation in the sources.</p>
      <AuthorLinks authors={members} onSelect={onSelect} />
    </section>
  );
}
