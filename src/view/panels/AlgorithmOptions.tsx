import { useEffect, useState } from 'react';
import { RESOLUTION_RANGE, VOS_MAX_NODES, type AlgorithmOptions as Algorithms } from '../../graph/algorithms';

/** What the VOS layout would lay out: a cluster overview, one opened cluster, or the whole graph (big: it has an overview). */
export type VosScope = 'overview' | 'cluster' | 'whole' | 'whole-big';

/** Why the VOS layout is not run on this many nodes, and what to do for a VOS map (null when it runs). */
export function vosRefusal(nodeCount: number, scope: VosScope): string | null {
  if (nodeCount <= VOS_MAX_NODES) return null;
  const n = nodeCount.toLocaleString('en-US');
  const max = VOS_MAX_NODES.toLocaleString('en-US');
  const why = `the VOS layout compares every pair of nodes in each of its iterations, as VOSviewer does, so past ${max} nodes it would run for minutes: ForceAtlas2 lays it out instead.`;
  if (scope === 'cluster')
    return `This cluster has ${n} nodes: ${why} For a VOS map, go back to the overview (VOS lays out its clusters) or set a higher Leiden resolution for smaller clusters.`;
  if (scope === 'whole-big')
    return `The whole graph has ${n} nodes: ${why} For a VOS map, go back to the overview (VOS lays out its clusters) or open a cluster of up to ${max} nodes (VOS lays out its authors).`;
  return `This graph has ${n} nodes: ${why} For a VOS map, import fewer papers (a narrower search or year range), or export the map to VOSviewer (Export → VOSviewer JSON).`;
}

/**
 * Graph options' layout and clustering controls: ForceAtlas2 or VOSviewer's VOS layout, Louvain or Leiden (on modularity
 * or on VOSviewer's own quality) with its resolution. Each change rebuilds the graph in the pipeline's worker.
 */
export function AlgorithmOptions({
  options,
  onOptions,
  nodeCount,
  scope = 'whole',
}: {
  options: Algorithms;
  onOptions: (o: Partial<Algorithms>) => void;
  /** The nodes VOS would lay out: what is drawn (the overview's clusters, an opened cluster) or the whole graph. */
  nodeCount: number;
  scope?: VosScope;
}) {
  const refusal = vosRefusal(nodeCount, scope);
  const vosTooBig = refusal !== null;
  // The field keeps what is typed; only a resolution in range rebuilds the graph.
  const [resolution, setResolution] = useState(String(options.resolution));
  useEffect(() => setResolution(String(options.resolution)), [options.resolution]);
  const leiden = options.clustering !== 'louvain';
  return (
    <>
      <label>
        Layout:{' '}
        <select aria-label="Layout" value={options.layout} onChange={(e) => onOptions({ layout: e.target.value as Algorithms['layout'] })}>
          <option value="forceatlas2">ForceAtlas2</option>
          <option value="vos" disabled={vosTooBig && options.layout !== 'vos'}>
            VOS (VOSviewer){vosTooBig ? ` — up to ${VOS_MAX_NODES.toLocaleString('en-US')} nodes` : ''}
          </option>
        </select>
      </label>
      {options.layout === 'vos' && refusal && (
        <p className="muted small" role="note">
          {refusal}
        </p>
      )}
      <label>
        Clusters:{' '}
        <select aria-label="Clustering" value={options.clustering} onChange={(e) => onOptions({ clustering: e.target.value as Algorithms['clustering'] })}>
          <option value="louvain">Louvain (modularity)</option>
          <option value="leiden">Leiden (modularity)</option>
          <option value="leiden-cpm">Leiden (VOSviewer: association strength)</option>
        </select>
      </label>
      <label title={leiden ? 'Higher: more, smaller clusters' : 'Choose Leiden to set a resolution'}>
        Resolution{' '}
        <input
          type="number"
          aria-label="Resolution"
          min={RESOLUTION_RANGE.min}
          max={RESOLUTION_RANGE.max}
          step={0.1}
          disabled={!leiden}
          value={resolution}
          onChange={(e) => {
            setResolution(e.target.value);
            const v = Number(e.target.value);
            if (e.target.value !== '' && v >= RESOLUTION_RANGE.min && v <= RESOLUTION_RANGE.max) onOptions({ resolution: v });
          }}
        />
      </label>
    </>
  );
}
