/**
 * Splits a PubMed / MEDLINE text export ("Save → PubMed" .txt, citation-manager .nbib) into records of tagged fields.
 * A field line is a tag of up to four characters, left-justified and padded to four, then "- " (`TI  - `,
 * `FAU - `, `AUID- `); a line starting with white space continues the field above it. Records are separated by
 * blank lines, and a second `PMID-` line also starts a new record (files glued together without a blank line).
 */

export interface PubmedField {
  tag: string;
  /** The value, continuation lines joined with single spaces. */
  value: string;
  /** 1-based line of the tag. */
  line: number;
}

export interface LooseLine {
  line: number;
  text: string;
  joinedTo?: string;
}

export interface PubmedRecord {
  /** 1-based line where the record starts. */
  line: number;
  fields: PubmedField[];
  /** Unindented lines without a tag: joined to the field above when there is one (the report says so). */
  loose: LooseLine[];
  /** The first lines of the record as written, for a skipped record's excerpt. */
  head: string[];
}

const TAG_NAME = /^[A-Z][A-Z0-9]{1,3} *$/;
const HEAD_LINES = 4;

/** The tag of a field line ("FAU" of "FAU - …"), or undefined for any other line. Fixed positions: no scanning. */
export function fieldTag(line: string): string | undefined {
  if (line.length < 5 || line[4] !== '-' || (line.length > 5 && line[5] !== ' ')) return undefined;
  const name = line.slice(0, 4);
  return TAG_NAME.test(name) ? name.trimEnd() : undefined;
}

interface OpenField {
  tag: string;
  value: string;
  more?: string[];
  line: number;
}

class RecordBuilder {
  readonly record: PubmedRecord;
  private open: OpenField | undefined;
  private hasPmid = false;

  constructor(line: number) {
    this.record = { line, fields: [], loose: [], head: [] };
  }

  get pmidSeen(): boolean {
    return this.hasPmid;
  }

  field(tag: string, value: string, line: number, raw: string): void {
    this.close();
    if (tag === 'PMID') this.hasPmid = true;
    this.open = { tag, value, line };
    this.keepHead(raw);
  }

  continuation(text: string, line: number, raw: string, indented: boolean): void {
    if (this.open) (this.open.more ??= []).push(text);
    if (!indented || !this.open) this.record.loose.push({ line, text, joinedTo: this.open?.tag });
    this.keepHead(raw);
  }

  close(): void {
    if (!this.open) return;
    const { tag, value, more, line } = this.open;
    const joined = more ? (value ? `${value} ${more.join(' ')}` : more.join(' ')) : value;
    this.record.fields.push({ tag, value: joined, line });
    this.open = undefined;
  }

  private keepHead(raw: string): void {
    if (this.record.head.length < HEAD_LINES) this.record.head.push(raw);
  }
}

/** Records in file order; `line` numbers count every line (CRLF, LF or CR endings). */
export function splitPubmedRecords(text: string): PubmedRecord[] {
  const lines = text.split(/\r\n|\r|\n/);
  const records: PubmedRecord[] = [];
  let cur: RecordBuilder | undefined;
  const end = () => {
    if (!cur) return;
    cur.close();
    records.push(cur.record);
    cur = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const trimmed = raw.trim();
    if (!trimmed) {
      end();
      continue;
    }
    const tag = fieldTag(raw);
    if (tag === 'PMID' && cur?.pmidSeen) end();
    if (!cur) cur = new RecordBuilder(i + 1);
    if (tag) cur.field(tag, raw.slice(6).trim(), i + 1, raw);
    else cur.continuation(trimmed, i + 1, raw, raw[0] === ' ' || raw[0] === '\t');
  }
  end();
  return records;
}
