/**
 * Shortest collaboration path: fewest hops; among equally short paths the one whose hops share the most
 * papers in total, then the first by node id (so the answer is stable).
 */
export interface PathHop {
  from: string;
  to: string;
  paperIds: string[];
}

export interface PathResult {
  nodes: string[];
  hops: PathHop[];
}

/** `ties`: tied nodes with their tie strength (shared papers); `shared`: the papers behind one hop. */
export function shortestPath(
  source: string,
  target: string,
  ties: (n: string) => Map<string, number>,
  shared: (a: string, b: string) => string[],
  isVisible: (n: string) => boolean,
): PathResult | null {
  if (!isVisible(source) || !isVisible(target)) return null;
  if (source === target) return { nodes: [source], hops: [] };
  const dist = new Map([[source, 0]]);
  const score = new Map([[source, 0]]);
  const pred = new Map<string, string>();
  let frontier = [source];
  for (let d = 1; frontier.length && !dist.has(target); d++) {
    const next: string[] = [];
    // Sorted so that equal scores keep the smallest predecessor id.
    for (const u of [...frontier].sort()) {
      for (const [v, strength] of ties(u)) {
        const known = dist.get(v);
        if (known !== undefined && known < d) continue;
        if (known === undefined) {
          dist.set(v, d);
          next.push(v);
        }
        const s = score.get(u)! + strength;
        if (!score.has(v) || s > score.get(v)!) {
          score.set(v, s);
          pred.set(v, u);
        }
      }
    }
    frontier = next;
  }
  if (!dist.has(target)) return null;
  const nodes = [target];
  while (nodes[0] !== source) nodes.unshift(pred.get(nodes[0])!);
  const hops = nodes.slice(1).map((to, i) => ({ from: nodes[i], to, paperIds: shared(nodes[i], to) }));
  return { nodes, hops };
}
