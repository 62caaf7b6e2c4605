import type { Theme } from '../graph/palette';

/** The graph's ink per theme: label text, the highlight accent, and the hover box with its text. */
export const THEME_INK: Record<Theme, { label: string; accent: string; box: string; text: string }> = {
  light: { label: '#1d1d24', accent: '#c0392b', box: '#ffffff', text: '#1d1d24' },
  dark: { label: '#ececf1', accent: '#ffb454', box: '#2a2d38', text: '#ffffff' },
};
