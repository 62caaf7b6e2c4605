/**
 * Pure helpers for showing untrusted text (titles, names, venues, abstracts from files people open).
 * React already renders text as text; these deal with what markup escaping does not: invisible and
 * direction-changing characters, and text too long to show.
 */

/** Bidi embedding, override and isolate controls (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI). */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** Marks that change direction without being visible (LRM, RLM, ALM). */
export const BIDI_MARKS = /[\u200E\u200F\u061C]/g;
/** Invisible characters with no role in names or titles: zero-width space, word joiner, BOM, Mongolian vowel separator, invisible operators. */
export const ZERO_WIDTH = /[\u200B\u2060-\u2064\uFEFF\u180E]/g;
/** C0/C1 controls other than tab and line breaks. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** A surrogate half without its partner. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** ZWJ/ZWNJ are kept between two non-ASCII characters (emoji sequences, Persian, Indic scripts), dropped elsewhere. */
const JOINERS = /[\u200C\u200D]/g;

export const ELLIPSIS = '…';

/** True when the text holds characters that can reorder what is shown around it. */
export function hasBidiControls(text: string): boolean {
  BIDI_CONTROLS.lastIndex = 0;
  const found = BIDI_CONTROLS.test(text);
  BIDI_CONTROLS.lastIndex = 0;
  return found;
}

/** At most `max` code points (never splits a surrogate pair), with "…" when cut. `max` counts the ellipsis. */
export function capLength(text: string, max: number): string {
  if (max <= 0) return '';
  if (text.length <= max) return text;
  // Code points ≤ UTF-16 units: look at a bounded prefix only, so a megabyte string costs O(max).
  // max * 2 + 2 units always hold more than max code points, so a short head means the whole text.
  const head = Array.from(text.slice(0, max * 2 + 2));
  if (head.length <= max) return text;
  return `${head.slice(0, Math.max(0, max - 1)).join('')}${ELLIPSIS}`;
}

/**
 * Text that is safe to show inline: bidi controls and marks, zero-width characters, control
 * characters and lone surrogates removed (line breaks and tabs become spaces unless `keepLines`),
 * runs of whitespace collapsed, and the length capped with an ellipsis.
 */
export function cleanDisplayText(text: unknown, max = 500, options: { keepLines?: boolean } = {}): string {
  if (typeof text !== 'string') return '';
  // Bound the work on huge input before any regex runs over it.
  let t = text.length > max * 4 + 64 ? text.slice(0, max * 4 + 64) : text;
  const cutBefore = t.length < text.length;
  t = t
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(BIDI_CONTROLS, '')
    .replace(BIDI_MARKS, '')
    .replace(ZERO_WIDTH, '')
    .replace(CONTROLS, ' ')
    .replace(JOINERS, (m, offset: number, whole: string) => {
      const before = whole.charCodeAt(offset - 1);
      const after = whole.charCodeAt(offset + 1);
      return before > 0x7f && after > 0x7f && !Number.isNaN(before) && !Number.isNaN(after) ? m : '';
    });
  t = options.keepLines
    ? t
        .replace(/\r\n?/g, '\n')
        .replace(/[^\S\n]+/g, ' ')
        .replace(/\n{3,}/g, '\n\n')
        .trim()
    : t.replace(/\s+/g, ' ').trim();
  const capped = capLength(t, max);
  if (!cutBefore || capped !== t) return capped;
  // Cut before cleaning, yet what is left fits: still say it was cut.
  const points = Array.from(t);
  return `${points.length >= max ? points.slice(0, max - 1).join('') : t}${ELLIPSIS}`;
}

/** Display limits the panels should apply (characters). */
export const DISPLAY_LIMITS = {
  name: 200,
  title: 500,
  venue: 300,
  abstract: 5_000,
  note: 2_000,
  label: 80,
} as const;
