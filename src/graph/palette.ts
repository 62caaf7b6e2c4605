/**
 * Colour-blind-safe categorical palette (Okabe & Ito, 2008), served through a d3 ordinal scale.
 * Only the largest communities get a hue; the rest share a neutral grey so that no two
 * visible clusters are told apart by a colour a reader cannot see.
 */
import { scaleOrdinal } from 'd3';

export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
/** Black reads badly on the dark theme: swap it for a light grey there. */
const LAST_LIGHT = '#000000';
const LAST_DARK = '#dddddd';
export const OTHER_COLOUR = '#9a9a9a';
export const HUB_COLOUR = { light: '#5b5b5b', dark: '#c8c8c8' };
export const AFFILIATION_COLOUR = { light: '#8c6d31', dark: '#d8b365' };

export type Theme = 'light' | 'dark';

export function communityColour(theme: Theme): (community: number) => string {
  const range = OKABE_ITO.map((c) => (c === LAST_LIGHT && theme === 'dark' ? LAST_DARK : c));
  const scale = scaleOrdinal<number, string>()
    .domain(range.map((_c, i) => i))
    .range(range);
  return (community) => (community >= 0 && community < range.length ? scale(community) : OTHER_COLOUR);
}

/** A graph's community colours: a map file's own cluster colours where it gives them, else the palette's. */
export function graphCommunityColour(theme: Theme, fileColours?: Record<number, string>): (community: number) => string {
  const palette = communityColour(theme);
  if (!fileColours) return palette;
  return (community) => fileColours[community] ?? palette(community);
}
