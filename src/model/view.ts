/**
 * What a view of the graph is made of, shared by every layer: the selection, the camera and the highlight. Kept here
 * (no dependencies) so that lenses, exports and snapshots use the app's own types without importing from src/app or
 * src/view.
 */

/** One selected thing. */
export type SelectedItem =
  | { kind: 'author'; key: string }
  | { kind: 'pair'; a: string; b: string }
  | { kind: 'paper'; id: string }
  | { kind: 'cluster'; community: number }
  | { kind: 'affiliation'; node: string }
  /** The authors from one country (ISO alpha-2 code), chosen on the world map. */
  | { kind: 'country'; code: string };

/** What the user has selected, or nothing; it lives in the URL so reload, back and forward restore it. */
export type Selection = SelectedItem | null;

/** Sigma's camera state, as saved in snapshots and workspaces. */
export interface Camera {
  x: number;
  y: number;
  ratio: number;
  angle: number;
}

/** What the graph highlights: a set of nodes, the edges among them worth drawing, and the nodes that get a label box. */
export interface Highlight {
  nodes: Set<string>;
  edges: string[];
  focus: string[];
}

export const EMPTY_HIGHLIGHT: Highlight = { nodes: new Set(), edges: [], focus: [] };
