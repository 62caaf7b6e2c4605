import Papa from 'papaparse';

/** One record of a comma-separated file: its cells and where it starts. */
export interface CsvRecord {
  cells: string[];
  /** Offset of the record's first character in the text. */
  start: number;
  /** Set when the record cannot be trusted (a quote that never closes, cells run together); it is not read. */
  damage?: string;
}

/** Cells kept of a damaged record (for the report's excerpt): it may have swallowed the rest of the file. */
const DAMAGED_CELLS_KEPT = 20;

function firstNewline(text: string): '\r\n' | '\n' | '\r' {
  const i = text.search(/\r\n|\r|\n/);
  if (i < 0) return '\n';
  return text.startsWith('\r\n', i) ? '\r\n' : text[i] === '\r' ? '\r' : '\n';
}

/** Offset just after the first line break at or after `from` (the text's length when there is none). */
export function nextLineStart(text: string, from: number): number {
  const re = /\r\n|\r|\n/g;
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index + m[0].length : text.length;
}

const LINE_BREAK = /[\r\n]/g;

/** True when `text.slice(start, end)`, less its final line break, holds a line break (the row is not copied). */
function spansLines(text: string, start: number, end: number): boolean {
  let last = end;
  if (text[last - 1] === '\n') last--;
  if (text[last - 1] === '\r') last--;
  LINE_BREAK.lastIndex = start;
  const m = LINE_BREAK.exec(text);
  return m !== null && m.index < last;
}

/** Collects records and decides which are damaged; `width` is the header's cell count once known. */
class Collector {
  readonly records: CsvRecord[] = [];
  constructor(private width?: number) {}

  /** Adds one record; returns true when it is damaged and ran over several lines (it may have swallowed others). */
  add(cells: string[], start: number, errors: Papa.ParseError[], multiline: boolean): boolean {
    if (cells.length === 1 && cells[0].trim() === '') return false;
    const quotes = errors.find((e) => e.type === 'Quotes');
    const wrongWidth = this.width !== undefined && cells.length !== this.width;
    if (quotes || (multiline && wrongWidth)) {
      const damage = quotes
        ? `quotes do not match (${quotes.message.toLowerCase()})`
        : `${cells.length} cells where the header has ${this.width}, over several lines (a quote that never closes)`;
      this.records.push({ cells: cells.slice(0, DAMAGED_CELLS_KEPT), start, damage });
      return multiline;
    }
    this.width ??= cells.length;
    this.records.push({ cells, start });
    return false;
  }
}

/**
 * Every record of a comma-separated text from `from` on (papaparse does the reading), blank lines left out. A record
 * with broken quotes may have run on into the lines after it (papaparse joins lines until a quote closes): such a
 * record is returned with `damage` set, and reading starts again on its second line, so that the records it
 * swallowed are read as records. `headerWidth` is the header's cell count (by default, that of the first record).
 * Where the quoting is so broken that re-reading would cost more than twice the text, the rest is read line by line.
 */
export function readCsvRecords(text: string, from = 0, headerWidth?: number): CsvRecord[] {
  const out = new Collector(headerWidth);
  const config = { delimiter: ',', newline: firstNewline(text), quoteChar: '"', escapeChar: '"' };
  const budget = 2 * (text.length - from) + 1_000_000;
  let reread = 0;
  let base = from;
  while (base < text.length) {
    if (reread > budget) {
      readByLine(text, base, out, config);
      break;
    }
    let resume = -1;
    let prev = 0;
    const at = base;
    Papa.parse<string[]>(text.slice(at), {
      ...config,
      step: (result, parser) => {
        const start = at + prev;
        const end = at + result.meta.cursor;
        prev = result.meta.cursor;
        if (out.add(result.data, start, result.errors, spansLines(text, start, end))) {
          reread += end - start;
          resume = nextLineStart(text, start);
          parser.abort();
        }
      },
    });
    if (resume < 0) break;
    base = resume;
  }
  return out.records;
}

/** Each line from `from` on as one record (no cell spans lines): linear whatever the quotes. */
function readByLine(text: string, from: number, out: Collector, config: Papa.ParseConfig): void {
  for (let start = from; start < text.length;) {
    const end = nextLineStart(text, start);
    const line = text.slice(start, end).replace(/[\r\n]+$/, '');
    if (line.trim()) {
      const res = Papa.parse<string[]>(line, { ...config, newline: undefined });
      out.add(res.data[0] ?? [''], start, res.errors, false);
    }
    start = end;
  }
}
