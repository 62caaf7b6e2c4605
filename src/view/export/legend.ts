import type { AtlasApi } from '../../app/context';
import type { AtlasGraph } from '../../graph/types';
import { legendEntries, type LegendEntry } from '../../export';

/**
 * The legend of an exported picture: the colour scale on show (average year, citations, first year, a map file's
 * score…), one swatch per step with its value, or else the clusters' colours.
 */
export function exportLegend(api: AtlasApi, keep?: ReadonlySet<string> | null): LegendEntry[] {
  const scale = api.lensView.colorLegend;
  if (scale) return scale.stops.map((s) => ({ label: `${scale.label}: ${s.value}`, color: s.color }));
  return legendEntries(api.clusters, api.graph as unknown as AtlasGraph, api.theme, { keep });
}
