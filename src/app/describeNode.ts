import type { DisplayGraph } from '../graph/display';
import type { DatasetIndex } from '../graph/dataIndex';
import { cleanDisplayText, DISPLAY_LIMITS } from '../security';

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * What a screen reader hears when the keyboard lands on a node: "Name, 12 coauthors, 3 papers" for an author (the same
 * counts as the details panel, from the dataset, so papers drawn as hubs count), the title and author count for a paper
 * hub, the size of a cluster or an affiliation. A graph file's node without papers is described by its links.
 */
export function describeNode(graph: DisplayGraph, index: DatasetIndex, node: string): string {
  if (!graph.hasNode(node)) return '';
  const a = graph.getNodeAttributes(node);
  const label = cleanDisplayText(a.fullLabel ?? a.label, DISPLAY_LIMITS.title);
  switch (a.kind) {
    case 'author': {
      const author = index.author(a.authorKey);
      if (!author) return `${label}, ${count(graph.degree(node), 'link')}`;
      return `${label}, ${count(index.coauthorsOf(a.authorKey).length, 'coauthor')}, ${count(author.paperIds.length, 'paper')}`;
    }
    case 'paper':
      return `${label}, paper, ${count(a.authorCount, 'author')}`;
    case 'cluster':
      return `${label}, cluster of ${count(a.authorCount, 'author')}; Enter opens it`;
    case 'affiliation':
      return `${label}, affiliation, ${count(a.authorCount, 'author')}`;
  }
}
