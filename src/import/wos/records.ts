/**
 * Web of Science exports split into records. Two layouts carry the same two-letter field tags:
 * - plain text ("FN"/"VR" header, records "PT … ER", "EF" at the end): a tag and a space start a field, lines
 *   indented by three spaces continue it; multi-valued fields (AU, AF, C1, …) have one value per line;
 * - tab-delimited: a header row of tags, then one record per row; multi-valued cells are "; "-separated.
 */

/** Fields read from a record; the others (cited references above all) are not kept. */
const USED_TAGS = new Set(['PT', 'AU', 'AF', 'CA', 'TI', 'SO', 'DT', 'C1', 'RI', 'OI', 'TC', 'PD', 'PY', 'EY', 'DI', 'UT', 'PM', 'AB']);
/** Fields holding one value per line (plain text) or per "; " (tab-delimited). */
const LIST_TAGS = new Set(['AU', 'AF', 'CA', 'C1']);

export interface WosRecord {
  /** 1-based line where the record starts. */
  line: number;
  /** Multi-valued fields: one entry per author, group or address. */
  lists: Map<string, string[]>;
  /** Single-valued fields, continuation lines joined by spaces. */
  texts: Map<string, string>;
  /** The record's first lines, to show when it is skipped. */
  head: string;
  warnings: string[];
}

export interface SplitResult {
  records: WosRecord[];
  strayLines: number;
  firstStrayLine?: number;
}

const TAG_LINE = /^([A-Z][A-Z0-9])(?: (.*))?$/;
const HEAD_LINES = 4;

interface OpenRecord {
  line: number;
  fields: Map<string, string[]>;
  head: string[];
  lastTag: string;
  notFields: number;
}

function closeRecord(open: OpenRecord, warnings: string[]): WosRecord {
  const lists = new Map<string, string[]>();
  const texts = new Map<string, string>();
  for (const [tag, lines] of open.fields) {
    if (tag === 'C1') lists.set(tag, joinWrappedAddresses(lines));
    else if (LIST_TAGS.has(tag)) lists.set(tag, lines.filter(Boolean));
    else texts.set(tag, lines.join(' ').trim());
  }
  if (open.notFields) warnings.push(`${open.notFields} line(s) in the record are not fields and were ignored`);
  return { line: open.line, lists, texts, head: open.head.join(' '), warnings };
}

/** An address ends with a period; a line after one that does not is the rest of it, not a new address. */
function joinWrappedAddresses(lines: string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    if (!l) continue;
    const prev = out.length ? out[out.length - 1] : undefined;
    if (prev !== undefined && !prev.endsWith('.') && !l.startsWith('[')) out[out.length - 1] = `${prev} ${l}`;
    else out.push(l);
  }
  return out;
}

function addLine(open: OpenRecord, tag: string, value: string): void {
  if (open.head.length < HEAD_LINES) open.head.push(tag ? `${tag} ${value}` : value);
  if (!USED_TAGS.has(tag)) return;
  const lines = open.fields.get(tag);
  if (lines) lines.push(value);
  else open.fields.set(tag, [value]);
}

function notAField(open: OpenRecord, line: string): void {
  open.notFields++;
  if (open.head.length < HEAD_LINES) open.head.push(line.trim());
}

/** Plain-text export ("Other file formats → Plain text"). Linear in the text. */
export function splitPlain(text: string): SplitResult {
  const lines = text.split(/\r\n|\r|\n/);
  const records: WosRecord[] = [];
  let open: OpenRecord | null = null;
  let strayLines = 0;
  let firstStrayLine: number | undefined;
  const stray = (i: number) => {
    strayLines++;
    firstStrayLine ??= i + 1;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!l.trim()) continue;
    if (l[0] === ' ' || l[0] === '\t') {
      if (open?.lastTag) addLine(open, open.lastTag, l.trim());
      else if (open) notAField(open, l);
      else stray(i);
      continue;
    }
    const m = TAG_LINE.exec(l.trimEnd());
    if (!m) {
      if (open) notAField(open, l);
      else stray(i);
      continue;
    }
    const tag = m[1];
    const value = (m[2] ?? '').trim();
    if (tag === 'PT') {
      if (open) records.push(closeRecord(open, ['the record has no ER line']));
      open = { line: i + 1, fields: new Map(), head: [], lastTag: '', notFields: 0 };
      addLine(open, tag, value);
      open.lastTag = tag;
    } else if (tag === 'ER') {
      if (open) records.push(closeRecord(open, []));
      else stray(i);
      open = null;
    } else if (open) {
      addLine(open, tag, value);
      open.lastTag = tag;
    } else if (tag !== 'FN' && tag !== 'VR' && tag !== 'EF') {
      stray(i);
    }
  }
  if (open) records.push(closeRecord(open, ['the record has no ER line']));
  return { records, strayLines, firstStrayLine };
}

/** Splits "[A; B] Org, City; [C] Org2" at the semicolons outside brackets. */
export function splitAddresses(cell: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c === 0x5b) depth++;
    else if (c === 0x5d) depth = Math.max(0, depth - 1);
    else if (c === 0x3b && depth === 0) {
      out.push(cell.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(cell.slice(start).trim());
  return out.filter(Boolean);
}

function splitList(tag: string, cell: string): string[] {
  if (tag === 'C1') return splitAddresses(cell);
  const out: string[] = [];
  for (const part of cell.split(';')) {
    const v = part.trim();
    if (v) out.push(v);
  }
  return out;
}

/** The header cells of a tab-delimited export, or null when the first line is not one. */
export function tabHeader(firstLine: string): string[] | null {
  const cells = firstLine.split('\t').map((c) => c.trim());
  while (cells.length && !cells[cells.length - 1]) cells.pop();
  if (cells[0] !== 'PT' || !cells.includes('AU') || !cells.includes('TI')) return null;
  return cells.every((c) => /^[A-Z][A-Z0-9]$/.test(c)) ? cells : null;
}

/** Tab-delimited export (Win or Mac, UTF-8 or UTF-16 once decoded). Linear in the text. */
export function splitTab(text: string): SplitResult {
  const lines = text.split(/\r\n|\r|\n/);
  let headerAt = 0;
  while (headerAt < lines.length - 1 && !lines[headerAt].trim()) headerAt++;
  const header = tabHeader(lines[headerAt]) ?? [];
  const columns: [string, number][] = [];
  header.forEach((tag, col) => {
    if (USED_TAGS.has(tag)) columns.push([tag, col]);
  });
  const records: WosRecord[] = [];
  for (let i = headerAt + 1; i < lines.length; i++) {
    const row = lines[i];
    // Blank lines, and the header again where two exports were joined into one file.
    if (!row.trim() || (row.startsWith('PT\t') && tabHeader(row))) continue;
    const cells = row.split('\t');
    const lists = new Map<string, string[]>();
    const texts = new Map<string, string>();
    for (const [tag, col] of columns) {
      const cell = (cells[col] ?? '').trim();
      if (!cell) continue;
      if (LIST_TAGS.has(tag)) lists.set(tag, splitList(tag, cell));
      else texts.set(tag, cell);
    }
    const warnings = cells.length < header.length ? [`the row has ${cells.length} of the header's ${header.length} columns`] : [];
    records.push({ line: i + 1, lists, texts, head: row.slice(0, 300), warnings });
  }
  return { records, strayLines: 0 };
}
