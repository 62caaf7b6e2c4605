import { createContext, useContext, useState, type ReactNode } from 'react';
import { createDensityStore, viewFromUrl, type DensityStore } from './densityState';

const DensityContext = createContext<DensityStore | null>(null);

/** Gives the app its density store (made once, from the page address's `?view=`). */
export function DensityProvider({ children }: { children: ReactNode }) {
  const [store] = useState(() => createDensityStore(viewFromUrl()));
  return <DensityContext.Provider value={store}>{children}</DensityContext.Provider>;
}

/** The app's density store (inside `DensityProvider`). */
export function useDensityStore(): DensityStore {
  const store = useContext(DensityContext);
  if (!store) throw new Error('useDensityStore: no DensityProvider above this component');
  return store;
}
