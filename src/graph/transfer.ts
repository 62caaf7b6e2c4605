/**
 * Moving a big graph (and its resolved authors) from a Web Worker to the page in slices.
 *
 * One postMessage of the ACL graph (38k nodes, 136k edges) costs the page a single structured-clone
 * task of a second or more, and `Graph.from` another. Sent in slices, each message is deserialised
 * and added in its own short task, so the page keeps drawing and answering input meanwhile.
 * Pure (no DOM, no sigma): the worker side and the page side are both unit-tested in Node.
 */
import Graph from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import type { Paper } from '../model/types';
import type { ResolvedAuthor, ResolvedDataset, ResolvedPaper } from './authors';
import type { AtlasGraph, EdgeAttributes, GraphAttributes, NodeAttributes } from './types';
import { edgesApartOf, primeNodeTables, type EdgesApart } from './edgesApart';

type AtlasSerialized = SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** Slice sizes: each slice is one message and one page task of a few tens of milliseconds. */
export const NODE_SLICE = 1_000;
export const EDGE_SLICE = 6_000;
export const AUTHOR_SLICE = 2_000;
export const RESOLVED_PAPER_SLICE = 3_000;

export type GraphSlice =
  | { part: 'head'; attributes: AtlasSerialized['attributes']; options: AtlasSerialized['options']; nodes: number; edges: number }
  /**
   * `fromAuthors`: the entries (indices into `nodes`) whose spellings, papers and affiliations are their resolved
   * author's own arrays, sent once with the resolved authors (placeholders here keep the attributes' order).
   */
  | { part: 'nodes'; nodes: AtlasSerialized['nodes']; fromAuthors?: number[] }
  | { part: 'edges'; edges: AtlasSerialized['edges'] }
  /** All the edges at once as flat arrays (edgesApart.ts), moved rather than copied, for a graph too big for the page's graphology. */
  | { part: 'edges-apart'; edges: EdgesApart };

/**
 * The slices of a graph, head first, nodes before edges, in the graph's own order (so iteration order survives), each
 * serialised as `graph.export()` would (own copy of the attributes, none when empty) but one slice at a time: the
 * worker never holds a second, serialised copy of the whole graph (about 380 MB for the million-authorship graph).
 * With `edgesApart` the edges come last as one slice of flat arrays, and the page's graph holds the nodes only (its
 * `edgesApart` attribute counts the edges left out).
 */
export function* graphSlices(graph: AtlasGraph, edgesApart = false, authors?: ReadonlyMap<string, ResolvedAuthor>): Generator<GraphSlice> {
  const apart = edgesApart ? edgesApartOf(graph) : null;
  yield {
    part: 'head',
    attributes: apart ? { ...graph.getAttributes(), edgesApart: { edges: apart.size, coauthorLinks: apart.coauthorLinks } } : graph.getAttributes(),
    options: { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops },
    nodes: graph.order,
    edges: apart ? 0 : graph.size,
  };
  let nodes: AtlasSerialized['nodes'] = [];
  let fromAuthors: number[] = [];
  for (const { node, attributes: a } of graph.nodeEntries()) {
    // An author node shares its arrays with its resolved author (buildGraph): the page gets them once, with the authors.
    const author = a.kind === 'author' ? authors?.get(a.authorKey) : undefined;
    if (a.kind === 'author' && author && author.spellings === a.spellings && author.paperIds === a.paperIds && author.affiliations === a.affiliations) {
      fromAuthors.push(nodes.length);
      nodes.push({ key: node, attributes: { ...a, spellings: SHARED, paperIds: SHARED, affiliations: SHARED } });
    } else nodes.push(hasKeys(a) ? { key: node, attributes: { ...a } } : { key: node });
    if (nodes.length === NODE_SLICE) {
      yield fromAuthors.length ? { part: 'nodes', nodes, fromAuthors } : { part: 'nodes', nodes };
      nodes = [];
      fromAuthors = [];
    }
  }
  if (nodes.length) yield fromAuthors.length ? { part: 'nodes', nodes, fromAuthors } : { part: 'nodes', nodes };
  if (apart) {
    yield { part: 'edges-apart', edges: apart };
    return;
  }
  let edges: AtlasSerialized['edges'] = [];
  const mixed = graph.type === 'mixed';
  for (const { edge, attributes, source, target, undirected } of graph.edgeEntries()) {
    const serialised: AtlasSerialized['edges'][number] = hasKeys(attributes)
      ? { key: edge, source, target, attributes: { ...attributes } }
      : { key: edge, source, target };
    if (mixed && undirected) serialised.undirected = true;
    edges.push(serialised);
    if (edges.length === EDGE_SLICE) {
      yield { part: 'edges', edges };
      edges = [];
    }
  }
  if (edges.length) yield { part: 'edges', edges };
}

/** Stands for an array the page takes from the resolved author (GraphAssembler.add). */
const SHARED: string[] = [];

function hasKeys(o: object): boolean {
  for (const _k in o) return true;
  return false;
}

/** Rebuilds a graph from its slices, one slice per call. */
export class GraphAssembler {
  private graph: AtlasGraph | null = null;
  private expected = { nodes: 0, edges: 0 };
  private apart: EdgesApart | null = null;
  /** Each community's nodes in the graph's order, gathered as the node slices arrive. */
  private members = new Map<number, string[]>();
  /** A graph whose edges are kept apart: its node ids in order and their indices, for drills (edgesApart.ts). */
  private nodeIds: { ids: string[]; index: Map<string, number> } | null = null;

  /** `authors`: the resolved authors received before the graph, for the node slices' `fromAuthors`. */
  add(slice: GraphSlice, authors?: ReadonlyMap<string, ResolvedAuthor>): void {
    if (slice.part === 'head') {
      this.graph = new Graph(slice.options) as unknown as AtlasGraph;
      if (slice.attributes) this.graph.replaceAttributes(slice.attributes);
      this.expected = { nodes: slice.nodes, edges: slice.edges };
      if (slice.attributes?.edgesApart) this.nodeIds = { ids: [], index: new Map() };
      return;
    }
    if (!this.graph) throw new Error('graph slice before its head');
    if (slice.part === 'edges-apart') {
      this.apart = slice.edges;
      return;
    }
    if (slice.part === 'nodes') {
      for (const i of slice.fromAuthors ?? []) {
        const a = slice.nodes[i].attributes as Extract<NodeAttributes, { kind: 'author' }>;
        const author = authors?.get(a.authorKey);
        if (!author) throw new Error(`graph slice: author ${a.authorKey} was not received`);
        // Assigned in place: the attributes keep their order.
        a.spellings = author.spellings;
        a.paperIds = author.paperIds;
        a.affiliations = author.affiliations;
      }
      this.graph.import({ nodes: slice.nodes });
      for (const { key, attributes } of slice.nodes) {
        if (this.nodeIds) this.nodeIds.index.set(key, this.nodeIds.ids.push(key) - 1);
        const community = attributes?.community;
        if (community === undefined) continue;
        const list = this.members.get(community);
        if (list) list.push(key);
        else this.members.set(community, [key]);
      }
    } else this.graph.import({ edges: slice.edges });
  }

  /** Each community's nodes, in the graph's order (what summariseClusters lists as a cluster's nodes). */
  communityMembers(): ReadonlyMap<number, string[]> {
    return this.members;
  }

  /** Share of the graph received so far (0..1). */
  progress(): number {
    const total = this.expected.nodes + this.expected.edges;
    return this.graph && total ? (this.graph.order + this.graph.size) / total : 0;
  }

  /** The whole graph; throws if a slice is missing. */
  result(): AtlasGraph {
    if (!this.graph) throw new Error('no graph received');
    if (this.graph.order !== this.expected.nodes || this.graph.size !== this.expected.edges) {
      throw new Error(`graph incomplete: ${this.graph.order}/${this.expected.nodes} nodes, ${this.graph.size}/${this.expected.edges} edges`);
    }
    const apart = this.graph.getAttribute('edgesApart');
    if (apart && (!this.apart || this.apart.size !== apart.edges || this.apart.order !== this.graph.order)) {
      throw new Error(`graph incomplete: its ${apart.edges} edges kept apart did not arrive`);
    }
    if (apart && this.nodeIds) primeNodeTables(this.graph, this.nodeIds.ids, this.nodeIds.index);
    return this.graph;
  }

  /** The edges kept apart from the page's graph (null when the graph holds its edges). */
  edgesApart(): EdgesApart | null {
    return this.apart;
  }
}

/**
 * A resolved dataset without its paper objects (the page has them already, in the same order):
 * authors, and for each paper its author keys and whether the owner was added.
 */
export type ResolvedSlice =
  | { part: 'head'; authors: number; papers: number; ownerKey?: string }
  | { part: 'authors'; authors: ResolvedAuthor[] }
  | { part: 'papers'; start: number; authorKeys: string[][]; ownerAdded: number[] };

export function* resolvedSlices(resolved: ResolvedDataset): Generator<ResolvedSlice> {
  const authors = [...resolved.authors.values()];
  yield { part: 'head', authors: authors.length, papers: resolved.papers.length, ownerKey: resolved.ownerKey };
  for (let i = 0; i < authors.length; i += AUTHOR_SLICE) yield { part: 'authors', authors: authors.slice(i, i + AUTHOR_SLICE) };
  for (let i = 0; i < resolved.papers.length; i += RESOLVED_PAPER_SLICE) {
    const slice = resolved.papers.slice(i, i + RESOLVED_PAPER_SLICE);
    yield { part: 'papers', start: i, authorKeys: slice.map((p) => p.authorKeys), ownerAdded: slice.flatMap((p, j) => (p.ownerAdded ? [i + j] : [])) };
  }
}

/** Rebuilds a resolved dataset from its slices over the page's own paper list. */
export class ResolvedAssembler {
  private authors = new Map<string, ResolvedAuthor>();
  private papers: ResolvedPaper[] = [];
  /** The authors received so far (the graph's author nodes take their arrays from them). */
  get authorsSoFar(): ReadonlyMap<string, ResolvedAuthor> {
    return this.authors;
  }

  /** Papers by id, filled as the slices arrive (indexDataset would make it in one task: a second at a million authorships). */
  readonly papersById = new Map<string, ResolvedPaper>();
  private head: Extract<ResolvedSlice, { part: 'head' }> | null = null;

  constructor(private readonly datasetPapers: Paper[]) {}

  add(slice: ResolvedSlice): void {
    if (slice.part === 'head') {
      if (slice.papers !== this.datasetPapers.length) throw new Error(`resolved ${slice.papers} papers for a dataset of ${this.datasetPapers.length}`);
      this.head = slice;
      this.papers = new Array<ResolvedPaper>(slice.papers);
    } else if (slice.part === 'authors') {
      for (const a of slice.authors) this.authors.set(a.key, a);
    } else {
      const added = new Set(slice.ownerAdded);
      slice.authorKeys.forEach((authorKeys, j) => {
        const i = slice.start + j;
        this.papers[i] = { paper: this.datasetPapers[i], authorKeys, ownerAdded: added.has(i) };
        this.papersById.set(this.papers[i].paper.id, this.papers[i]);
      });
    }
  }

  result(): ResolvedDataset {
    if (!this.head) throw new Error('no resolved dataset received');
    if (this.authors.size !== this.head.authors) throw new Error(`resolved authors incomplete: ${this.authors.size}/${this.head.authors}`);
    for (let i = 0; i < this.papers.length; i++) if (!this.papers[i]) throw new Error(`resolved paper ${i} missing`);
    return { authors: this.authors, papers: this.papers, ownerKey: this.head.ownerKey };
  }
}
