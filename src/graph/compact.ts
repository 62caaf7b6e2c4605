/**
 * Small memory helpers for building big graphs (a million authorships: 258k authors, 2M edges), measured in
 * BENCHMARKS.md ("Building the million-authorship graph in node: where the memory goes").
 */

/**
 * One empty list shared by every author without affiliations and every affiliation edge's `paperIds`, instead of
 * one empty array each (32 bytes each). Frozen: code that builds a list of its own must not push into it.
 */
export const NO_STRINGS: string[] = Object.freeze([]) as unknown as string[];

/**
 * The list at its exact size. V8 grows an array pushed one item at a time to 1.5× + 16 slots (17 slots for the first
 * push), and never gives the slack back; a copy has exactly its length. An empty list becomes the shared NO_STRINGS.
 */
export function exactSize(list: string[]): string[] {
  return list.length === 0 ? NO_STRINGS : list.slice();
}
