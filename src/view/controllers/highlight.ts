/** What the graph highlights: a set of nodes, the edges among them worth drawing, and the nodes that get a label box. */
export interface Highlight {
  nodes: Set<string>;
  edges: string[];
  focus: string[];
}

export const EMPTY_HIGHLIGHT: Highlight = { nodes: new Set(), edges: [], focus: [] };
