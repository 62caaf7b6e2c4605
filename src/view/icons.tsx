/** Inline SVG icons: they render the same everywhere, unlike symbol fonts. */
const P = {
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.8,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
} as const;

export const ZoomInIcon = () => (
  <svg {...P}>
    <path d="M8 3v10M3 8h10" />
  </svg>
);
export const ZoomOutIcon = () => (
  <svg {...P}>
    <path d="M3 8h10" />
  </svg>
);
export const FitIcon = () => (
  <svg {...P}>
    <path d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4" />
  </svg>
);
export const FullscreenIcon = () => (
  <svg {...P}>
    <path d="M2 5V2h3M11 2h3v3M14 11v3h-3M5 14H2v-3M5 5h6v6H5z" />
  </svg>
);
export const PlayIcon = () => (
  <svg {...P}>
    <path d="M5 3l8 5-8 5z" fill="currentColor" />
  </svg>
);
export const PauseIcon = () => (
  <svg {...P}>
    <path d="M5 3v10M11 3v10" />
  </svg>
);
export const MoonIcon = () => (
  <svg {...P}>
    <path d="M13 10.5A5.5 5.5 0 0 1 5.5 3a5.5 5.5 0 1 0 7.5 7.5z" />
  </svg>
);
export const SunIcon = () => (
  <svg {...P}>
    <circle cx="8" cy="8" r="3" />
    <path d="M8 1v1.5M8 13.5V15M1 8h1.5M13.5 8H15M3 3l1 1M12 12l1 1M3 13l1-1M12 4l1-1" />
  </svg>
);
export const PersonIcon = () => (
  <svg {...P}>
    <circle cx="8" cy="5" r="2.6" />
    <path d="M3 14c.6-3 2.6-4.5 5-4.5s4.4 1.5 5 4.5" />
  </svg>
);
export const PaperIcon = () => (
  <svg {...P}>
    <path d="M4 1.5h5l3 3v10H4z M9 1.5v3h3M6 8h4M6 11h4" />
  </svg>
);
