/**
 * Colour-blind-safe categorical palette (Okabe & Ito, 2008), served through a d3 ordinal scale.
 * Only the largest communities get a hue; the rest share a neutral grey so that no two
 * visible clusters are told apart by a colour a reader cannot see.
 */
import { scaleOrdinal } from 'd3';

export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
/** Black reads badly on the dark theme: swap it for white there. */
const LAST_LIGHT = '#000000';
const LAST_DARK = '#ffffff';
/** Clusters past the eighth (and other affiliations in the affiliation lens), light theme. */
export const OTHER_COLOUR = '#9a9a9a';
/**
 * The greys never meet: on the light stage hubs are dark grey, other clusters light grey, the eighth cluster black;
 * on the dark stage hubs are light grey, other clusters dark grey, the eighth cluster white.
 */
export const OTHER_CLUSTER_COLOUR = { light: OTHER_COLOUR, dark: '#686c7a' };
export const HUB_COLOUR = { light: '#5b5b5b', dark: '#b4b4b4' };
export const AFFILIATION_COLOUR = { light: '#8c6d31', dark: '#d8b365' };

export type Theme = 'light' | 'dark';

/** The words the legend's note uses for the colours the palette draws, per theme. */
export const COLOUR_NAMES: Record<Theme, { hub: string; affiliation: string; eighth: string; other: string }> = {
  light: { hub: 'dark grey', affiliation: 'brown', eighth: 'black', other: 'light grey' },
  dark: { hub: 'light grey', affiliation: 'tan', eighth: 'white', other: 'dark grey' },
};

export function communityColour(theme: Theme): (community: number) => string {
  const range = OKABE_ITO.map((c) => (c === LAST_LIGHT && theme === 'dark' ? LAST_DARK : c));
  const scale = scaleOrdinal<number, string>()
    .domain(range.map((_c, i) => i))
    .range(range);
  const other = OTHER_CLUSTER_COLOUR[theme];
  return (community) => (community >= 0 && community < range.length ? scale(community) : other);
}

/** A graph's community colours: a map file's own cluster colours where it gives them, else the palette's. */
export function graphCommunityColour(theme: Theme, fileColours?: Record<number, string>): (community: number) => string {
  const palette = communityColour(theme);
  if (!fileColours) return palette;
  return (community) => fileColours[community] ?? palette(community);
}
