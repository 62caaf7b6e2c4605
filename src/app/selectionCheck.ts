import type { DatasetIndex } from '../graph/dataIndex';
import { authorNodeId, paperNodeId } from '../graph/types';
import { countryAuthors } from '../metrics/countryMap';
import type { Selection } from '../model/view';

/** Why a selection from the URL cannot be shown, or null when it can. */
export function checkSelection(s: Selection, index: DatasetIndex, clusterCount: number, hasNode: (n: string) => boolean): string | null {
  if (!s) return null;
  switch (s.kind) {
    case 'author':
      return index.author(s.key) || hasNode(authorNodeId(s.key)) ? null : `No author “${s.key}” in this dataset.`;
    case 'pair':
      return index.author(s.a) && index.author(s.b) ? null : `No author “${index.author(s.a) ? s.b : s.a}” in this dataset.`;
    case 'paper':
      return index.paper(s.id) ? null : `No paper “${s.id}” in this dataset.`;
    case 'cluster':
      return s.community < clusterCount ? null : `No cluster ${s.community + 1} in this graph.`;
    case 'affiliation':
      return hasNode(s.node) ? null : `No affiliation “${s.node}” in this graph.`;
    case 'country':
      return countryAuthors(index.dataset, s.code).length ? null : `No author from “${s.code}” in this dataset.`;
  }
}

/** The nodes the camera moves to for a selection. */
export function nodesOf(s: Selection, index: DatasetIndex, clusterNodes: (c: number) => string[]): string[] {
  if (!s) return [];
  switch (s.kind) {
    case 'author':
      return [authorNodeId(s.key)];
    case 'pair':
      return [authorNodeId(s.a), authorNodeId(s.b)];
    case 'paper':
      return [paperNodeId(s.id), ...index.authorsOf(s.id).map(authorNodeId)];
    case 'cluster':
      return clusterNodes(s.community);
    case 'affiliation':
      return [s.node];
    case 'country':
      return countryAuthors(index.dataset, s.code).map(authorNodeId);
  }
}
