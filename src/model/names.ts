/**
 * Author identity. Two spellings are the same person when their normalised keys
 * are equal: case, diacritics, punctuation and spacing are folded, nothing else.
 * Name variants that differ in more than that (e.g. "Adi" vs "Adithya") are merged
 * only through an explicit alias list.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
// Letters that NFD does not decompose but that users expect folded.
const SPECIAL_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
};

export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/[ßæœøđðþłı]/g, (ch) => SPECIAL_FOLDS[ch] ?? ch);
}

/**
 * Normalised identity key of a name as written.
 * "Ellie  Dingqiao-Wen" and "ellie dingqiao wen" give the same key.
 * A "Last, First" name is turned to "First Last" first.
 */
export function nameKey(name: string): string {
  let n = name.trim();
  const comma = n.indexOf(',');
  if (comma > 0 && n.indexOf(',', comma + 1) < 0) {
    const last = n.slice(0, comma).trim();
    const first = n.slice(comma + 1).trim();
    // "Smith, Jr." style suffixes are not first names.
    if (first && !/^(jr|sr|ii|iii|iv)\.?$/i.test(first)) n = `${first} ${last}`;
  }
  // ASCII needs no Unicode folding (NFKD and the special folds leave it as it is): the common case, made cheap.
  if (ASCII_ONLY.test(n)) return n.toLowerCase().replace(NON_ALNUM_ASCII, ' ').trim();
  return foldText(n)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

// eslint-disable-next-line no-control-regex -- the ASCII range starts at U+0000 on purpose
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const NON_ALNUM_ASCII = /[^a-z0-9]+/g;

/** Accent- and case-insensitive text used for search matching. */
export function searchKey(text: string): string {
  // Plain ASCII folds to itself: the same key without Unicode normalisation (several times faster; a million names
  // are folded for search).
  // (Control characters are ASCII too: they fold to a space like other punctuation.)
  if (ASCII_ONLY.test(text)) return text.toLowerCase().replace(NON_ALNUM_ASCII, ' ').trim();
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
