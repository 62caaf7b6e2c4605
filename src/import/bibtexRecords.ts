// The BibTeX file cut into records before the library reads them (see BIBTEX_LIMITS).

/**
 * The library is super-linear in the size of what it is handed (an unclosed record, a long field, many records in
 * one call), so the file is cut into records at lines that start with `@type{` and read in batches.
 */
export const BIBTEX_LIMITS = {
  /** Characters per library call (a record is never split). */
  batchChars: 200_000,
  /** Records per library call (the library's cost also grows with the number of records in one call). */
  batchRecords: 250,
  /** A record longer than this is skipped, not read (a 256 KB field already takes the library seconds). */
  maxRecordChars: 256 * 1024,
  /** A record with more `@` than this is not read (the library's cost is quadratic in them): skipped with its line. */
  maxAtSigns: 64,
  /**
   * A record whose braces nest deeper than this is not read (the library's LaTeX parser is super-linear in the depth:
   * 6,500 levels took 3 s): skipped with its line. Real files nest a few levels.
   */
  maxBraceDepth: 100,
  /** Fields without LaTeX markup are read without the library's LaTeX parser (bibtexPlain.ts); off only to compare. */
  readPlainFields: true,
};

/**
 * A record's text: `text.slice(start, end)`; `type` is the lower-cased `@type` ('' for text before the first);
 * `tooManyAt` when it has more than `maxAtSigns` `@` signs.
 */
export interface Chunk {
  start: number;
  end: number;
  type: string;
  tooManyAt?: boolean;
}

const RECORD_START = /^[ \t]*@[ \t]*([a-zA-Z][\w:-]*)[ \t]*[{(]/gm;
const INLINE_START = /@[ \t]*([a-zA-Z][\w:-]*)[ \t]*[{(]/g;

/** Whether braces in `text.slice(start, end)` nest deeper than `max` (one pass, stops at the first such brace). */
export function bracesDeeperThan(text: string, start: number, end: number, max: number): boolean {
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 /* { */ && ++depth > max) return true;
    if (c === 125 /* } */ && depth > 0) depth--;
  }
  return false;
}

/**
 * Whether the record at `start` nests braces deeper than `max`, up to its closing brace (text after it in the chunk,
 * garbage or not, is no part of it), or to `end` when it never closes.
 */
export function recordDeeperThan(text: string, start: number, end: number, max: number): boolean {
  return bracesDeeperThan(text, start, recordEnd(text, start, end) ?? end, max);
}

function countAt(text: string, start: number, end: number, max: number): number {
  let n = 0;
  for (let i = text.indexOf('@', start); i >= 0 && i < end && n <= max; i = text.indexOf('@', i + 1)) n++;
  return n;
}

/** Cuts `from..to` at every match of `re` (a global regex). */
function cutAt(text: string, from: number, to: number, re: RegExp): Chunk[] {
  const starts = [from];
  re.lastIndex = from + 1;
  for (let m = re.exec(text); m && m.index < to; m = re.exec(text)) starts.push(m.index);
  return starts.map((s, i) => {
    const head = text.slice(s, s + 200).match(/^@[ \t]*([a-zA-Z][\w:-]*)/);
    return { start: s, end: i + 1 < starts.length ? starts[i + 1] : to, type: head ? head[1].toLowerCase() : '' };
  });
}

const RECORD_OPEN = /^@[ \t]*[a-zA-Z][\w:-]*[ \t]*([{(])/;

/**
 * End (after its closing `}` or `)`) of the record at `start`, by counting braces; undefined when it does not
 * close before `end` or `start` holds no record head.
 */
function recordEnd(text: string, start: number, end: number): number | undefined {
  const head = RECORD_OPEN.exec(text.slice(start, start + 200));
  if (!head) return undefined;
  const paren = head[1] === '(';
  let depth = paren ? 0 : 1;
  for (let i = start + head[0].length; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 123 /* { */) depth++;
    else if (ch === 125 /* } */) {
      depth--;
      if (!paren && depth === 0) return i + 1;
    } else if (paren && ch === 41 /* ) */ && depth === 0) return i + 1;
  }
  return undefined;
}

/** Records of the file, in order; text without any `@` is left out (the library ignores it). */
export function splitRecords(text: string): Chunk[] {
  const lines: Chunk[] = [];
  let prev: Chunk = { start: 0, end: text.length, type: '' };
  RECORD_START.lastIndex = 0;
  for (let m = RECORD_START.exec(text); m; m = RECORD_START.exec(text)) {
    if (m.index > prev.start || m.index === 0) {
      prev.end = m.index;
      if (prev.end > prev.start) lines.push(prev);
      prev = { start: m.index, end: text.length, type: m[1].toLowerCase() };
    }
  }
  if (prev.end > prev.start) lines.push(prev);
  const out: Chunk[] = [];
  const { maxRecordChars, maxAtSigns } = BIBTEX_LIMITS;
  for (const c of lines) {
    const ats = countAt(text, c.start, c.end, maxAtSigns);
    if (ats === 0) continue;
    if (c.end - c.start <= maxRecordChars && ats <= maxAtSigns) {
      out.push(c);
      continue;
    }
    // Several records on one line, or a pathological one: cut at inline `@type{`; a piece still full of `@` is not read.
    for (const piece of cutAt(text, c.start, c.end, INLINE_START)) {
      const close = countAt(text, piece.start, piece.end, maxAtSigns) > maxAtSigns ? recordEnd(text, piece.start, piece.end) : undefined;
      // Full of `@`: the record itself (up to its closing brace), and the text after it, each judged alone.
      const parts =
        close === undefined
          ? [piece]
          : [
              { ...piece, end: close },
              { start: close, end: piece.end, type: '' },
            ];
      for (const part of parts) {
        const n = countAt(text, part.start, part.end, maxAtSigns);
        if (n === 0) continue;
        if (n > maxAtSigns) part.tooManyAt = true;
        out.push(part);
      }
    }
  }
  return out;
}

/** Newlines in `text.slice(start, end)`. */
function countLines(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', start); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The text of `chunks[from..to)` for one library call, with the records not in `keep` replaced by their newlines so
 * that line `n` of it is line `firstLine + n - 1` of the file; `kept` may rewrite a kept record (keeping its lines).
 */
export function batchText(text: string, chunks: Chunk[], keep: (c: Chunk) => boolean, kept = (record: string) => record): string {
  const parts: string[] = [];
  for (const c of chunks) parts.push(keep(c) ? kept(text.slice(c.start, c.end)) : '\n'.repeat(countLines(text, c.start, c.end)));
  return parts.join('');
}
