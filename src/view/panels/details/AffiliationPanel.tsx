import { affiliationNodeId } from '../../../graph/types';
import { nameKey } from '../../../model/names';
import { show } from '../common';
import type { DetailsPanelProps } from './props';
import { AuthorLinks } from './AuthorLinks';

export function AffiliationPanel({ node, graph, index, onSelect }: DetailsPanelProps & { node: string }) {
  const label = graph.getNodeAttribute(node, 'label');
  // A graph whose edges are kept apart (graph/edgesApart.ts) has no links on the page: its members come from the data,
  // by the key buildGraph gives an affiliation node.
  const members = graph.getAttribute('edgesApart')
    ? [...index.resolved.authors.values()].filter((a) => a.affiliations.some((aff) => affiliationNodeId(nameKey(aff) || aff) === node))
    : graph
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
