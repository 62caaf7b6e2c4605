/**
 * A V8 heap snapshot's objects, their own (shallow) sizes summed by type and constructor name: how many records of
 * each kind the heap holds and what they cost. Strings and numbers are summed by type alone (their "name" is their
 * value). Used by tests/bench/node-memory.ts --types.
 */
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

export interface HeapType {
  type: string;
  name: string;
  count: number;
  bytes: number;
}

const BY_TYPE_ALONE = new Set(['string', 'concatenated string', 'sliced string', 'number', 'code', 'hidden', 'symbol', 'bigint']);

/** The `top` heaviest (type, name) groups of the snapshot in `file`, heaviest first, and one row for the rest. */
export function heapTypes(file: string, top: number): HeapType[] {
  const snap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const fields = snap.snapshot.meta.node_fields;
  const typeNames = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const groups = new Map<string, HeapType>();
  const { nodes, strings } = snap;
  for (let i = 0; i < nodes.length; i += width) {
    const type = typeNames[nodes[i + typeAt]];
    const name = BY_TYPE_ALONE.has(type) ? '' : strings[nodes[i + nameAt]];
    const key = `${type}\u0000${name}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { type, name, count: 0, bytes: 0 }));
    group.count++;
    group.bytes += nodes[i + sizeAt];
  }
  const sorted = [...groups.values()].sort((a, b) => b.bytes - a.bytes);
  const rest = sorted
    .slice(top)
    .reduce((r, g) => ({ ...r, count: r.count + g.count, bytes: r.bytes + g.bytes }), { type: 'everything else', name: '', count: 0, bytes: 0 });
  return [...sorted.slice(0, top), rest];
}
