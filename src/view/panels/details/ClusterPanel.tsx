import { useCallback } from 'react';
import { FilterableList, show } from '../common';
import type { DetailsPanelProps } from './props';

export function ClusterPanel({ community, clusters, index, onSelect }: DetailsPanelProps & { community: number }) {
  const cluster = clusters.find((c) => c.community === community)!;
  const members = cluster.nodes
    .filter((n) => n.startsWith('a:'))
    .map((n) => index.author(n.slice(2))!)
    .sort((a, b) => b.paperIds.length - a.paperIds.length || a.label.localeCompare(b.label));
  const text = useCallback((a: { label: string }) => a.label, []);
  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title">{show.name(cluster.name)}</h2>
      <p>
        {cluster.size} authors in this cluster (Louvain community {community + 1}).
      </p>
      <FilterableList
        items={members}
        label="members"
        text={text}
        render={(a) => (
          <li key={a.key}>
            <button type="button" className="link" onClick={() => onSelect({ kind: 'author', key: a.key }, { focus: true })}>
              {show.name(a.label)}
            </button>{' '}
            <span className="count">{a.paperIds.length}</span>
          </li>
        )}
      />
    </section>
  );
}
