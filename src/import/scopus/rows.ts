import Papa from 'papaparse';

/** One record of a comma-separated file: its cells and where it starts. */
export interface CsvRecord {
  cells: string[];
  /** Offset of the record's first character in the text. */
  start: number;
  /** Set when the record cannot be trusted (a quote that never closes, cells run together); it is not read. */
  damage?: string;
}

function firstNewline(text: string): string {
  const i = text.search(/\r\n|\r|\n/);
  if (i < 0) return '\n';
  return text.startsWith('\r\n', i) ? '\r\n' : text[i];
}

/** Offset just after the first line break at or after `from` (the text's length when there is none). */
function nextLineStart(text: string, from: number): number {
  const re = /\r\n|\r|\n/g;
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index + m[0].length : text.length;
}

/** True when `text.slice(start, end)`, less its final line break, holds a line break. */
function spansLines(text: string, start: number, end: number): boolean {
  const body = text.slice(start, end).replace(/(?:\r\n|\r|\n)$/, '');
  return /[\r\n]/.test(body);
}

/**
 * Every record of a comma-separated text (papaparse does the reading), blank lines left out. A record with broken
 * quotes may have run on into the lines after it (papaparse joins lines until a quote closes): such a record is
 * returned with `damage` set, and reading starts again on its second line, so that the records it swallowed are
 * read as records. `width` is the header's cell count once known (the first record is the header).
 */
export function readCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const newline = firstNewline(text);
  let width: number | undefined;
  let base = 0;
  while (base < text.length) {
    let resume = -1;
    let prev = 0;
    const from = base;
    Papa.parse<string[]>(text.slice(from), {
      delimiter: ',',
      newline: newline as '\r\n' | '\n' | '\r',
      quoteChar: '"',
      escapeChar: '"',
      step: (result, parser) => {
        const start = from + prev;
        const end = from + result.meta.cursor;
        prev = result.meta.cursor;
        const cells = result.data;
        if (cells.length === 1 && cells[0].trim() === '') return;
        const quotes = result.errors.find((e) => e.type === 'Quotes');
        const multiline = spansLines(text, start, end);
        const wrongWidth = width !== undefined && cells.length !== width;
        if (quotes || (multiline && wrongWidth)) {
          const damage = quotes
            ? `quotes do not match (${quotes.message.toLowerCase()})`
            : `${cells.length} cells where the header has ${width}, over several lines (a quote that never closes)`;
          records.push({ cells, start, damage });
          if (multiline) {
            resume = nextLineStart(text, start);
            parser.abort();
          }
          return;
        }
        width ??= cells.length;
        records.push({ cells, start });
      },
    });
    if (resume < 0) break;
    base = resume;
  }
  return records;
}
