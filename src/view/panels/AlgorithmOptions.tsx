import { useEffect, useState } from 'react';
import { RESOLUTION_RANGE, VOS_MAX_NODES, type AlgorithmOptions as Algorithms } from '../../graph/algorithms';

/**
 * Graph options' layout and clustering controls: ForceAtlas2 or VOSviewer's VOS layout, Louvain or Leiden (on modularity
 * or on VOSviewer's own quality) with its resolution. Each change rebuilds the graph in the pipeline's worker.
 */
export function AlgorithmOptions({ options, onOptions, nodeCount }: { options: Algorithms; onOptions: (o: Partial<Algorithms>) => void; nodeCount: number }) {
  const vosTooBig = nodeCount > VOS_MAX_NODES;
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
      {options.layout === 'vos' && vosTooBig && (
        <p className="muted small" role="note">
          This graph has {nodeCount.toLocaleString('en-US')} nodes: the VOS layout compares every pair of nodes, so graphs over{' '}
          {VOS_MAX_NODES.toLocaleString('en-US')} keep ForceAtlas2.
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
