/**
 * The page side of a field folder: the drilled cluster's tile, read when the user opens it (and kept), and search
 * over the name shards, each read on the first query that needs it.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SearchHit } from '../graph/dataIndex';
import type { AtlasGraph, Counting } from '../graph/types';
import { foldName, searchShard, shardOf, tileFileOf, type FieldIndex, type FieldSearchEntry, type FieldTile } from '../field/format';
import { fieldClusterGraph, fieldOverviewGraph } from '../field/graphs';
import { fetchShard, fetchTile, type FieldSource } from './fieldFolder';

export interface FieldView {
  index: FieldIndex;
  /** The cluster overview, its ties weighted by the counting asked for. */
  overview: AtlasGraph;
  /** The drilled community's graph, once its tile is read (null before, and on the overview). */
  cluster: AtlasGraph | null;
  /** A cluster is asked for and its tile is not read yet. */
  loading: boolean;
  search: (query: string, limit: number) => SearchHit[];
  /** The community of an author found by search. */
  communityOf: (authorKey: string) => number | undefined;
}

export function useFieldFolder(
  field: FieldSource | undefined,
  drill: string | null,
  counting: Counting,
  notify: (text: string, kind?: 'info' | 'error') => void,
): FieldView | null {
  const tiles = useRef(new Map<string, Promise<FieldTile>>());
  // The drilled community's tile once read; its graph is made from it for the counting asked for (a switch of counting
  // redraws the cluster at once, without going back to the overview while a tile is read).
  const [loaded, setLoaded] = useState<{ field: FieldSource; community: number; tile: FieldTile } | null>(null);
  const community = drill !== null && /^\d+$/.test(drill) ? Number(drill) : null;

  useEffect(() => {
    tiles.current.clear();
  }, [field]);

  useEffect(() => {
    if (!field || community === null) return;
    const file = tileFileOf(field.index, community);
    if (!file) {
      notify(`No cluster ${community + 1} in this field.`, 'error');
      return;
    }
    let live = true;
    let pending = tiles.current.get(file);
    if (!pending) tiles.current.set(file, (pending = fetchTile(field, file)));
    pending.then(
      (tile) => live && setLoaded({ field, community, tile }),
      (e: unknown) => {
        tiles.current.delete(file);
        if (live) notify(`Could not read cluster ${community + 1} (${file}): ${(e as Error).message}.`, 'error');
      },
    );
    return () => {
      live = false;
    };
  }, [field, community, notify]);
  const current = useMemo(
    () =>
      field && loaded && loaded.field === field && loaded.community === community ? fieldClusterGraph(field.index, loaded.tile, community, counting) : null,
    [field, loaded, community, counting],
  );

  const [shards, setShards] = useState<ReadonlyMap<string, FieldSearchEntry[]>>(new Map());
  const asked = useRef(new Set<string>());
  useEffect(() => {
    asked.current.clear();
    setShards(new Map());
  }, [field]);
  const search = useCallback(
    (query: string, limit: number): SearchHit[] => {
      if (!field) return [];
      const first = foldName(query).split(' ')[0];
      if (!first) return [];
      const letter = shardOf(first);
      const entries = shards.get(letter);
      if (!entries) {
        const file = field.index.search[letter];
        if (file && !asked.current.has(letter)) {
          asked.current.add(letter);
          // Read once; the search box asks again when the shard is here (this callback changes).
          fetchShard(field, file).then(
            (list) => setShards((m) => new Map(m).set(letter, list)),
            (e: unknown) => notify(`Could not read the search index (${file}): ${(e as Error).message}.`, 'error'),
          );
        }
        return [];
      }
      return searchShard(entries, query, limit).map(([label, key, c]) => ({ kind: 'author', key, label, detail: `cluster ${c + 1}` }));
    },
    [field, shards, notify],
  );
  const communityOf = useCallback(
    (key: string) => {
      for (const entries of shards.values()) {
        const hit = entries.find((e) => e[1] === key);
        if (hit) return hit[2];
      }
      return undefined;
    },
    [shards],
  );

  const overview = useMemo(() => (field ? fieldOverviewGraph(field.index, counting) : null), [field, counting]);

  if (!field || !overview) return null;
  return { index: field.index, overview, cluster: current, loading: community !== null && !current, search, communityOf };
}
