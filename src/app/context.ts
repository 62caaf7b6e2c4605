import { createContext, useContext } from 'react';
import type Sigma from 'sigma';
import type { DatasetIndex } from '../graph/dataIndex';
import type { DatasetUnits } from '../lenses/institutions';
import type { DisplayGraph } from '../graph/display';
import type { ClusterSummary } from '../graph/clusters';
import type { Theme } from '../graph/palette';
import type { BuildOptions } from '../graph/types';
import type { Selection } from './selection';
import type { Workspace } from './workspace';
import type { LensState, LensView } from '../lenses/types';

/** What toolbar features (import, export, open from a link) read and do; provided by App. */
export interface AtlasApi {
  workspace: Workspace;
  index: DatasetIndex;
  /** Which non-author units (institution, country) the dataset supports. */
  units: DatasetUnits;
  graph: DisplayGraph;
  /** False while the level of detail shows a cluster overview or one cluster instead of the whole graph. */
  displayIsWhole: boolean;
  clusters: ClusterSummary[];
  options: BuildOptions;
  selection: Selection;
  theme: Theme;
  /** The live sigma instance (null while it is being created). */
  getSigma: () => Sigma | null;
  /** Lens state (URL-backed) and what it does to the graph. */
  lens: LensState;
  setLens: (next: LensState) => void;
  lensView: LensView;
  /** Change build options (cap, counting, hubs); absent for ready-made graphs (graph files). */
  setOptions?: (o: Partial<BuildOptions>) => void;
  /** Select something (and move the camera to it when asked). */
  select: (s: Selection, opts?: { focus?: boolean }) => void;
  /**
   * Replace what is shown (the store's `openWorkspace`: lens filters and drill reset, colour, size and unit kept).
   * Nothing of the current workspace is lost if this is not called.
   */
  openWorkspace: (ws: Workspace, opts?: { replace?: boolean }) => void;
  /** Opens a file by URL (`?file=`), keeping the current dataset if it fails. */
  openLink: (url: string) => void;
  /** A short message for the user (role=status, or role=alert for errors). */
  notify: (message: string, kind?: 'info' | 'error') => void;
}

export const AtlasContext = createContext<AtlasApi | null>(null);

export function useAtlas(): AtlasApi {
  const api = useContext(AtlasContext);
  if (!api) throw new Error('useAtlas outside <AtlasContext.Provider>');
  return api;
}
