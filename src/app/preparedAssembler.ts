/**
 * The page side of `preparedMessages` (pipeline.ts): the prepared graph and, for a dataset, its resolved authors,
 * rebuilt from the worker's messages one message per call, so each is one short task on the page.
 */
import type { ResolvedDataset, ResolvedPaper } from '../graph/authors';
import type { ClusterSummary } from '../graph/clusters';
import { primeCommunityMembers } from '../graph/overview';
import { GraphAssembler, ResolvedAssembler } from '../graph/transfer';
import type { DatasetUnits } from '../lenses/institutions';
import type { OverviewIndex } from '../lenses/overviewIndex';
import type { Paper } from '../model/types';
import type { PipelineMessage, PreparedGraph } from './pipeline';

export class PreparedAssembler {
  private readonly graph = new GraphAssembler();
  private readonly resolved: ResolvedAssembler | null;
  /** Made at the overview's first slice (a graph that needs none has none). */
  private overview: GraphAssembler | null = null;
  private index: OverviewIndex | undefined;
  private clusters: ClusterSummary[] | null = null;
  private units: DatasetUnits | undefined;

  /** `papers`: the dataset's papers on the page, when the worker resolves its authors (not for a graph file). */
  constructor(papers?: Paper[]) {
    this.resolved = papers ? new ResolvedAssembler(papers) : null;
  }

  add(m: PipelineMessage): void {
    if (m.type === 'graph') this.graph.add(m.slice, this.resolved?.authorsSoFar);
    else if (m.type === 'resolved') {
      if (!this.resolved) throw new Error('resolved authors for a graph without papers');
      this.resolved.add(m.slice);
    } else if (m.type === 'overview') (this.overview ??= new GraphAssembler()).add(m.slice);
    else if (m.type === 'index') this.index = m.index;
    else {
      this.clusters = m.clusters;
      this.units = m.units;
    }
  }

  /** Share of the graph received so far (0..1). */
  progress(): number {
    return this.graph.progress();
  }

  /** Whether 'done' has arrived (a graph file's worker sends it as a slice before its own result). */
  finished(): boolean {
    return this.clusters !== null;
  }

  /** Everything sent; throws when a part is missing. Clusters get their members from the nodes the page received. */
  result(): {
    prepared: PreparedGraph;
    resolved: ResolvedDataset | null;
    papersById: ReadonlyMap<string, ResolvedPaper> | undefined;
    units: DatasetUnits | undefined;
  } {
    if (!this.clusters) throw new Error('the clusters did not arrive');
    const source = this.graph.result();
    const members = this.graph.communityMembers();
    // The first drill then costs the cluster only (membersOf would otherwise walk every node once).
    primeCommunityMembers(source, members);
    const clusters = this.clusters.map((c) => ({ ...c, nodes: members.get(c.community) ?? [] }));
    return {
      prepared: { source, edgesApart: this.graph.edgesApart(), clusters, overview: this.overview?.result() ?? null, overviewIndex: this.index },
      resolved: this.resolved ? this.resolved.result() : null,
      papersById: this.resolved?.papersById,
      units: this.units,
    };
  }
}
