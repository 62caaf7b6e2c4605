import { useEffect, useRef } from 'react';
import { useSigma } from '@react-sigma/core';
import { applyTheme, type DisplayGraph } from '../../graph/display';
import type { Theme } from '../../graph/palette';
import { THEME_INK } from '../themeInk';
import { sigmaAlive } from './alive';

/** Recolours the displayed graph and its labels in place when the theme changes (a new graph starts in it). */
export function ThemeController({ theme }: { theme: Theme }) {
  const sigma = useSigma();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    applyTheme(sigma.getGraph() as unknown as DisplayGraph, theme);
    if (sigmaAlive(sigma)) sigma.setSetting('labelColor', { color: THEME_INK[theme].label });
  }, [sigma, theme]);
  return null;
}
