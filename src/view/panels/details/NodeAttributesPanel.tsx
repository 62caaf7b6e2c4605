import { show } from '../common';
import { years, type DetailsPanelProps } from './props';

/** A node from a graph file: no papers to list, so its attributes and its strongest ties. */
export function NodeAttributesPanel({ node, graph, onSelect }: DetailsPanelProps & { node: string }) {
  const a = graph.getNodeAttributes(node);
  const ties = graph
    .mapEdges(node, (_e, e, s, t) => ({ other: s === node ? t : s, weight: e.weight }))
    .map(({ other, weight }) => ({ other, weight, attrs: graph.getNodeAttributes(other) }))
    .sort((x, y) => y.weight - x.weight || x.attrs.label.localeCompare(y.attrs.label));
  const rows: [string, string][] = [
    ['Kind', a.kind],
    ['Cluster', String(a.community + 1)],
    ['Links', String(ties.length)],
    ['Total link strength', String(Math.round(ties.reduce((s, t) => s + t.weight, 0) * 1000) / 1000)],
  ];
  if (a.kind === 'author') {
    if (a.paperIds.length) rows.push(['Paper ids', a.paperIds.join(', ')]);
    if (a.affiliations.length) rows.push(['Affiliations', a.affiliations.join('; ')]);
    if (a.firstYear !== undefined) rows.push(['Years', years(a.firstYear, a.lastYear)]);
    // A map file's own weights and scores (VOSviewer): its Links and Total link strength replace the counted ones.
    for (const [k, v] of Object.entries({ ...a.weights, ...a.scores })) {
      const row: [string, string] = [show.name(k), String(Math.round(v * 1000) / 1000)];
      const at = rows.findIndex(([name]) => name === row[0]);
      if (at >= 0) rows[at] = row;
      else rows.push(row);
    }
  }
  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title">{show.name(a.label)}</h2>
      <p className="muted">
        {graph.getAttribute('fieldFolder')
          ? 'A field mapped by npm run field: its folder carries each author’s papers as counts and work ids, not the papers themselves.'
          : 'This graph file carries no papers: here are the node’s attributes and ties.'}
      </p>
      <dl className="facts">
        {rows.map(([k, v]) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <h3>Ties by strength ({ties.length})</h3>
      <ul className="plain">
        {ties.slice(0, 200).map(({ other, weight, attrs }) => (
          <li key={other}>
            {attrs.kind === 'author' ? (
              <button type="button" className="link" onClick={() => onSelect({ kind: 'author', key: attrs.authorKey }, { focus: true })}>
                {attrs.label}
              </button>
            ) : (
              <span>{attrs.label}</span>
            )}{' '}
            <span className="count">{Math.round(weight * 100) / 100}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
