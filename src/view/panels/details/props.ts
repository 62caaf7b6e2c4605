import type { DatasetIndex } from '../../../graph/dataIndex';
import type { ClusterSummary } from '../../../graph/clusters';
import type { EdgesApart } from '../../../graph/edgesApart';
import type { AtlasGraph } from '../../../graph/types';
import type { Selection } from '../../../app/selection';
import type { Select } from '../common';
import type { ProfileCardProps } from '../ProfileCard';

/** What every details panel is given: the selection, the dataset's index, the whole source graph and its clusters. */
export interface DetailsPanelProps extends ProfileCardProps {
  selection: Selection;
  index: DatasetIndex;
  /** The whole source graph (not only what is drawn: the overview draws clusters). */
  graph: AtlasGraph;
  /** `graph`'s edges when the page keeps them apart from it (a million authorships; graph/edgesApart.ts), else null. */
  edgesApart: EdgesApart | null;
  clusters: ClusterSummary[];
  onSelect: Select;
}

/** A span of years as the panels write it: `2019`, `2019–2023`, or `unknown`. */
export function years(first?: number, last?: number): string {
  if (first === undefined) return 'unknown';
  return first === last ? String(first) : `${first}–${last}`;
}
