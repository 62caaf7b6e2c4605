import { SaxesParser } from 'saxes';
import { parse as parseYaml } from 'yaml';
import type { Alias, AuthorRef, Paper } from '../model/types';
import { nameKey } from '../model/names';
import {
  capReport,
  capText,
  cleanDoi,
  collapseSpace,
  emptyReport,
  finish,
  IdMaker,
  isoDate,
  plausibleYear,
  progress,
  stripBom,
  yearDropped,
  type Parsed,
} from './common';
import type { ImportReport, ParseOptions, ParseResult } from './types';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Year from an Anthology collection id: "P18" → 2018, "W99" → 1999. */
export function yearFromCollectionId(id: string | undefined): number | undefined {
  const m = id?.match(/^[A-Za-z](\d{2})$/);
  if (!m) return undefined;
  const yy = Number(m[1]);
  return yy >= 50 ? 1900 + yy : 2000 + yy;
}

/** "First Last" as the Anthology writes it; either part may be missing. */
export function aclName(first: string | undefined, last: string | undefined): string {
  return collapseSpace(`${first ?? ''} ${last ?? ''}`);
}

/** An author's name parts as the XML splits them: also the paper's entry of `authorParts`. */
interface AuthorBuf {
  first: string;
  last: string;
}
interface PaperBuf {
  num: string;
  line: number;
  title: string;
  abstract: string;
  doi: string;
  url: string;
  authors: AuthorBuf[];
  /** The authors' `id` attributes by position, when any has one. */
  authorIds?: (string | undefined)[];
}
/** `droppedYear`: a <year> outside YEAR_RANGE, as written (its papers are kept without a year). */
interface VolumeBuf {
  id: string;
  year: number | undefined;
  month: number | undefined;
  booktitle: string;
  droppedYear?: string;
}

/**
 * What a collection file means, fed by XML events (open tag, text, close tag) from either reader below:
 * the fast scanner for the well-formed files of the Anthology, or saxes for anything else.
 */
class CollectionReader {
  readonly stack: string[] = [];
  collection: string | undefined;
  volume: VolumeBuf = { id: '', year: undefined, month: undefined, booktitle: '' };
  paper: PaperBuf | null = null;
  author: AuthorBuf | null = null;
  authorId: string | undefined;
  /** Set when a paper queued for later refers to `volume`: it is copied before it changes. */
  volumeShared = false;
  /** The field whose text is being read, and the depth of its element (one allocation less per element). */
  capture: 'title' | 'abstract' | 'doi' | 'url' | 'first' | 'last' | null = null;
  captureDepth = 0;
  metaCapture: string | null = null;

  constructor(
    fileName: string | undefined,
    private readonly line: () => number,
    private readonly onPaper: (p: PaperBuf, volume: VolumeBuf, collection: string | undefined) => void,
  ) {
    this.collection = fileName?.replace(/^.*[\\/]/, '').replace(/\.xml$/i, '');
  }

  /** Whether text now would be kept (the scanner skips decoding it otherwise). */
  wantsText(): boolean {
    return (this.capture !== null && this.paper !== null) || this.metaCapture !== null;
  }

  open(name: string, id: string | undefined): void {
    const stack = this.stack;
    stack.push(name);
    const depth = stack.length;
    if (name === 'collection' && typeof id === 'string') this.collection = id;
    else if (name === 'volume') {
      this.volume = { id: id ?? '', year: undefined, month: undefined, booktitle: '' };
      this.volumeShared = false;
    } else if (name === 'paper' && stack[depth - 2] === 'volume') {
      this.paper = { num: id ?? '', line: this.line(), title: '', abstract: '', doi: '', url: '', authors: [] };
    } else if (this.paper && !this.capture) {
      const parent = stack[depth - 2];
      if (parent === 'paper' && (name === 'title' || name === 'abstract' || name === 'doi' || name === 'url')) {
        this.capture = name;
        this.captureDepth = depth;
      } else if (parent === 'paper' && name === 'author') {
        this.author = { first: '', last: '' };
        this.authorId = id;
      } else if (this.author && parent === 'author' && (name === 'first' || name === 'last')) {
        this.capture = name;
        this.captureDepth = depth;
      }
    } else if (!this.paper && stack[depth - 2] === 'meta' && (name === 'year' || name === 'month' || name === 'booktitle')) {
      this.metaCapture = '';
    }
  }

  text(t: string): void {
    const target = this.capture;
    if (target && this.paper) {
      if (target === 'first' || target === 'last') {
        if (this.author) this.author[target] += t;
      } else this.paper[target] += t;
    } else if (this.metaCapture !== null) this.metaCapture += t;
  }

  close(name: string): void {
    const depth = this.stack.length;
    this.stack.pop();
    if (this.capture && depth === this.captureDepth) this.capture = null;
    if (this.metaCapture !== null && depth >= 2) {
      const v = this.metaCapture.trim();
      if (this.volumeShared) {
        this.volume = { ...this.volume };
        this.volumeShared = false;
      }
      if (name === 'year' && /^\d{4}$/.test(v)) {
        this.volume.year = plausibleYear(Number(v));
        if (this.volume.year === undefined) this.volume.droppedYear = v;
      } else if (name === 'month') {
        const i = MONTHS.indexOf(v.slice(0, 3).toLowerCase());
        if (i >= 0) this.volume.month = i + 1;
      } else if (name === 'booktitle') this.volume.booktitle = v;
      this.metaCapture = null;
    }
    if (name === 'author' && this.author && this.paper) {
      const p = this.paper;
      if (this.authorId !== undefined) (p.authorIds ??= [])[p.authors.length] = this.authorId;
      p.authors.push(this.author);
      this.author = null;
    } else if (name === 'paper' && this.paper) {
      // The list is kept in the result (authorParts): an exact-size copy, not the array push() grew with room to spare.
      this.paper.authors = this.paper.authors.slice();
      this.onPaper(this.paper, this.volume, this.collection);
      this.paper = null;
      this.author = null;
    }
  }
}

/**
 * Text already as `collapseSpace` leaves it: words of printable ASCII, Latin-1 letters and signs, dashes and
 * curly quotes (U+2010–U+2027: all unchanged by NFC, none white space for `\s`) between single spaces.
 */
const COLLAPSED = /^[!-~\u00A1-\u00FF\u2010-\u2027]+(?: [!-~\u00A1-\u00FF\u2010-\u2027]+)*$/;

/** `collapseSpace` (whitespace runs to one space, trimmed, NFC), skipping the work when there is none to do. */
const collapse = (text: string): string => (text === '' || COLLAPSED.test(text) ? text : collapseSpace(text));

/**
 * What a paper takes from its volume and collection (year, date, venue, source), worked out again only
 * when those values change: consecutive papers share them. Compared by value, as the saxes path fills
 * a volume's <meta> in place.
 */
class VolumeFacts {
  private booktitle: string | undefined;
  private primed = false;
  private collection: string | undefined;
  private volumeYear: number | undefined;
  private month: number | undefined;
  private droppedYear: string | undefined;
  venue = '';
  year: number | undefined;
  date: string | undefined;
  source = '';

  update(volume: VolumeBuf, collection: string | undefined): this {
    if (volume.booktitle !== this.booktitle) {
      this.booktitle = volume.booktitle;
      this.venue = collapse(volume.booktitle);
    }
    if (
      !this.primed ||
      collection !== this.collection ||
      volume.year !== this.volumeYear ||
      volume.month !== this.month ||
      volume.droppedYear !== this.droppedYear
    ) {
      this.primed = true;
      this.collection = collection;
      this.volumeYear = volume.year;
      this.month = volume.month;
      this.droppedYear = volume.droppedYear;
      this.year = volume.droppedYear === undefined ? (volume.year ?? yearFromCollectionId(collection)) : undefined;
      this.date = isoDate(this.year, volume.month);
      this.source = `ACL Anthology ${collection ?? ''}`.trim();
    }
    return this;
  }
}

/** XML errors listed per file; the rest are counted in one line. */
const MAX_XML_ERRORS = 50;

/** Parses one Anthology collection file into `items`, adding problems to `report`. */
function parseCollection(
  text: string,
  fileName: string | undefined,
  report: ImportReport,
  items: Parsed[],
  ids: IdMaker,
  indexBase: number,
  parts: Map<string, AclPersonName[]>,
  how: AclReader,
): number {
  let count = 0;
  const facts = new VolumeFacts();

  /** Line of a paper from its `line` field: the fast scanner leaves the offset of its tag there. */
  let lineOf = (p: PaperBuf) => p.line;
  const emit = (p: PaperBuf, volume: VolumeBuf, collection: string | undefined) => {
    const index = indexBase + count++;
    const title = collapse(p.title);
    const url = collapse(p.url);
    const id = ids.make(url || undefined, url || `${collection ?? 'acl'}-${volume.id}-${p.num}`);
    if (!title) {
      report.skipped.push({ index, line: lineOf(p), reason: `paper ${id} has no title` });
      return;
    }
    parts.set(id, p.authors);
    const { year, date, venue, source } = facts.update(volume, collection);
    if (volume.droppedYear !== undefined) report.warnings.push({ index, line: lineOf(p), message: yearDropped(`paper ${id}`, volume.droppedYear) });
    // map() makes an array of the exact size (push() would leave room to spare in each of the papers' lists).
    let nameless = false;
    const refs = p.authors.map((a, i): AuthorRef => {
      const name = collapse(`${a.first} ${a.last}`);
      if (!name) nameless = true;
      const externalId = p.authorIds?.[i];
      return externalId === undefined ? { name } : { name, externalId };
    });
    const authors = nameless ? refs.filter((a) => a.name) : refs;
    if (nameless) report.warnings.push({ index, line: lineOf(p), message: `paper ${id}: an <author> without a name was left out` });
    // Built field by field in the order `compact` would leave them, without `delete` (slow objects).
    const paperOut: Paper = { id, title, authors, truncated: false };
    if (date !== undefined) paperOut.date = date;
    if (year !== undefined) paperOut.year = year;
    if (venue) paperOut.venue = venue;
    const doi = p.doi ? cleanDoi(p.doi) : undefined; // cleanDoi('') is undefined
    if (doi !== undefined) paperOut.doi = doi;
    if (p.url) paperOut.url = `https://www.aclweb.org/anthology/${url}`;
    const abstract = collapse(p.abstract);
    if (abstract) paperOut.abstract = abstract;
    paperOut.sources = [source];
    items.push({ paper: paperOut, index });
  };

  const body = stripBom(text);

  // Well-formed files (all of the Anthology's): the fast scanner, papers emitted once the whole file has been read.
  const pending: PaperBuf[] = [];
  const pendingVolumes: VolumeBuf[] = [];
  const pendingCollections: (string | undefined)[] = [];
  const scanner = new XmlScanner(body);
  const fast = new CollectionReader(
    fileName,
    () => scanner.tagEnd,
    (p, volume, collection) => {
      pending.push(p);
      pendingVolumes.push(volume);
      pendingCollections.push(collection);
      fast.volumeShared = true;
    },
  );
  if (how === 'auto' && scanner.run(fast)) {
    lineOf = (p) => scanner.lineAt(p.line);
    for (let i = 0; i < pending.length; i++) emit(pending[i], pendingVolumes[i], pendingCollections[i]);
    if (fast.paper) emit(fast.paper, fast.volume, fast.collection);
    return count;
  }
  lineOf = (p) => p.line;

  // Anything else (damaged, DTD, CDATA, comments, ...): saxes, with its error messages in the report.
  const parser = new SaxesParser({ position: true });
  const reader = new CollectionReader(fileName, () => parser.line, emit);
  let fatalAt: number | undefined;
  parser.on('opentag', (tag) => {
    const id = tag.attributes.id;
    reader.open(tag.name, typeof id === 'string' ? id : undefined);
  });
  parser.on('text', (t) => reader.text(t));
  parser.on('closetag', (tag) => reader.close(tag.name));
  let errorCount = 0;
  parser.on('error', (err) => {
    if (fatalAt === undefined) fatalAt = parser.line;
    // One line per error up to a bound (a tag with 100,000 repeated attributes gives an error for each).
    if (++errorCount > MAX_XML_ERRORS) return;
    report.warnings.push({ index: indexBase + count, line: parser.line, message: capText(`${fileName ?? 'XML'}: ${err.message}`) });
  });

  try {
    parser.write(body).close();
  } catch (err) {
    report.warnings.push({ index: indexBase + count, line: parser.line, message: capText(`${fileName ?? 'XML'}: ${(err as Error).message}`) });
  }
  if (errorCount > MAX_XML_ERRORS) {
    report.warnings.push({ index: indexBase + count, message: `${fileName ?? 'XML'}: ${errorCount - MAX_XML_ERRORS} more XML errors not listed` });
  }
  // A paper left open by a damaged file is kept when it has a title.
  if (reader.paper) emit(reader.paper, reader.volume, reader.collection);
  return count;
}

// ---------- the fast scanner ----------

/** Character classes of ASCII XML names: 1 may start a name, 2 may follow. */
const NAME_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_:]/.test(ch)) NAME_CHAR[c] = 1;
  else if (/[0-9.-]/.test(ch)) NAME_CHAR[c] = 2;
}

/**
 * The element and attribute names of the Anthology's files, recognised while a name is read: a trie over
 * ASCII name characters, one row of 128 next states per state, -1 where the name ends. A known name's
 * final state hands out its one string (no string cut per element, and comparisons between names are
 * pointer checks); any other name runs on in OTHER_NAME and is cut from the text.
 */
const NAME_ROOT = 0;
const OTHER_NAME = 1;
const KNOWN_NAMES = [
  'collection',
  'volume',
  'meta',
  'paper',
  'title',
  'author',
  'first',
  'last',
  'abstract',
  'doi',
  'url',
  'year',
  'month',
  'booktitle',
  'fixed-case',
  'pages',
  'editor',
  'frontmatter',
  'attachment',
  'video',
  'address',
  'publisher',
  'note',
  'id',
  'href',
  'tag',
  'type',
];
const nameTrie: number[] = [];
const nameAtState: (string | undefined)[] = [];
const addNameState = (): number => {
  const state = nameAtState.length;
  nameAtState.push(undefined);
  // Any name character continues an unknown name; the first character must be one that may start a name.
  for (let c = 0; c < 128; c++) nameTrie.push(NAME_CHAR[c] === 1 || (NAME_CHAR[c] === 2 && state !== NAME_ROOT) ? OTHER_NAME : -1);
  return state;
};
addNameState(); // NAME_ROOT
addNameState(); // OTHER_NAME
for (const name of KNOWN_NAMES) {
  let state = NAME_ROOT;
  for (let i = 0; i < name.length; i++) {
    const slot = state * 128 + name.charCodeAt(i);
    if (nameTrie[slot] === OTHER_NAME) nameTrie[slot] = addNameState();
    state = nameTrie[slot];
  }
  nameAtState[state] = name;
}
const NAME_TRIE = Int16Array.from(nameTrie);

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;
const XML_DECL = /^<\?xml version=(["'])1\.0\1(?: encoding=(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?: standalone=(["'])(?:yes|no)\3)? ?\?>/;
// Characters XML 1.0 forbids, carriage returns (saxes rewrites line ends), lone surrogates and "]]>"
// (forbidden in text): their presence sends the file to saxes. One pass of a character class first.
// eslint-disable-next-line no-control-regex
const UNUSUAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\r\uD800-\uDFFF\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\r\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const sentToSaxes = (s: string) => (UNUSUAL.test(s) && FORBIDDEN.test(s)) || s.includes(']]>');
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The character a reference names (`amp`, `#38`, `#x26`), or undefined when saxes would call it an error. */
function entity(name: string): string | undefined {
  if (name.charCodeAt(0) !== 35 /* # */) return Object.hasOwn(PREDEFINED, name) ? PREDEFINED[name] : undefined;
  const hex = name.charCodeAt(1) === 120; /* x */
  const digits = name.slice(hex ? 2 : 1);
  if (!(hex ? /^[0-9A-Fa-f]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) return undefined;
  const code = parseInt(digits, hex ? 16 : 10);
  const ok =
    code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
  return ok ? String.fromCodePoint(code) : undefined;
}

/**
 * A scanner for the subset of XML the Anthology's files use: an XML declaration, elements with quoted
 * attributes, text with the predefined and numeric character references. It gives up (run() returns
 * false) at anything else or anything saxes would report, so that file is read by saxes instead: the
 * events it produces are then the ones saxes would produce. Text is only cut out and decoded when the
 * reader keeps it.
 */
class XmlScanner {
  /** Position of the `>` of the last open tag (for the line of a `<paper>`, as saxes gives it). */
  tagEnd = 0;
  private linePos = 0;
  private lineNo = 1;

  constructor(private readonly s: string) {}

  lineAt(pos: number): number {
    const s = this.s;
    if (pos < this.linePos) {
      this.linePos = 0;
      this.lineNo = 1;
    }
    for (let i = s.indexOf('\n', this.linePos); i >= 0 && i < pos; i = s.indexOf('\n', i + 1)) {
      this.lineNo++;
      this.linePos = i + 1;
    }
    if (this.linePos < pos) this.linePos = pos;
    return this.lineNo;
  }

  /** Decoded text of s[from, to) whose first '&' is at amp, or undefined on a reference saxes would reject. */
  private decode(from: number, to: number, amp: number): string | undefined {
    const s = this.s;
    let out = '';
    let last = from;
    while (amp >= 0 && amp < to) {
      const semi = s.indexOf(';', amp);
      if (semi < 0 || semi >= to) return undefined;
      const ch = entity(s.slice(amp + 1, semi));
      if (ch === undefined) return undefined;
      out += s.slice(last, amp) + ch;
      last = semi + 1;
      amp = s.indexOf('&', last);
    }
    return out + s.slice(last, to);
  }

  /** Trie state at the end of the last name read by name(). */
  private nameState = NAME_ROOT;

  /** End of the XML name starting at i (i itself when there is none). */
  private name(i: number): number {
    const s = this.s;
    let state = NAME_ROOT;
    for (;;) {
      const c = s.charCodeAt(i); // NaN past the end
      const next = c < 128 ? NAME_TRIE[(state << 7) | c] : -1;
      if (next < 0) break;
      state = next;
      i++;
    }
    this.nameState = state;
    return i;
  }

  /** The name name() just read, from s[from, to). */
  private nameString(from: number, to: number): string {
    return nameAtState[this.nameState] ?? this.s.slice(from, to);
  }

  run(reader: CollectionReader): boolean {
    const s = this.s;
    const n = s.length;
    if (sentToSaxes(s)) return false;
    let i = 0;
    if (s.startsWith('<?')) {
      const m = XML_DECL.exec(s);
      if (!m) return false;
      i = m[0].length;
    }
    const stack: string[] = [];
    let rootDone = false;
    let nextAmp = -1; // the next '&' at or after i (n when none is left), once looked up
    while (i < n) {
      const lt = s.indexOf('<', i);
      const end = lt < 0 ? n : lt;
      if (end > i) {
        if (stack.length === 0) {
          // Outside the root element: white space only.
          for (let k = i; k < end; k++) if (!isSpace(s.charCodeAt(k))) return false;
        } else {
          if (nextAmp < i) {
            nextAmp = s.indexOf('&', i);
            if (nextAmp < 0) nextAmp = n;
          }
          if (reader.wantsText()) {
            const t = nextAmp < end ? this.decode(i, end, nextAmp) : s.slice(i, end);
            if (t === undefined) return false;
            reader.text(t);
          } else if (nextAmp < end && this.decode(i, end, nextAmp) === undefined) return false;
        }
      }
      if (lt < 0) break;
      const c = s.charCodeAt(lt + 1);
      if (c === 47 /* / */) {
        // Must close the innermost open element: the same name (a known one is the same string).
        const name = stack.pop();
        if (name === undefined) return false;
        let k = this.name(lt + 2);
        const known = nameAtState[this.nameState];
        if (known !== undefined ? known !== name : k - (lt + 2) !== name.length || !s.startsWith(name, lt + 2)) return false;
        while (isSpace(s.charCodeAt(k))) k++;
        if (s.charCodeAt(k) !== 62 /* > */) return false;
        reader.close(name);
        if (stack.length === 0) rootDone = true;
        i = k + 1;
        continue;
      }
      // An open tag (anything else, <! and <? included, goes to saxes).
      if (rootDone) return false;
      const nameEnd = this.name(lt + 1);
      if (nameEnd === lt + 1) return false;
      const name = this.nameString(lt + 1, nameEnd);
      let k = nameEnd;
      let id: string | undefined;
      let firstAttr: string | undefined;
      let moreAttrs: Set<string> | undefined; // after the first (most tags have at most one attribute); a Set: linear
      let selfClosing = false;
      for (;;) {
        const before = k;
        while (isSpace(s.charCodeAt(k))) k++;
        const ch = s.charCodeAt(k);
        if (ch === 62 /* > */) break;
        if (ch === 47 /* / */) {
          if (s.charCodeAt(k + 1) !== 62) return false;
          selfClosing = true;
          k++;
          break;
        }
        if (k === before) return false; // attributes need white space before them
        const attrEnd = this.name(k);
        if (attrEnd === k) return false;
        const attr = this.nameString(k, attrEnd);
        k = attrEnd;
        while (isSpace(s.charCodeAt(k))) k++;
        if (s.charCodeAt(k) !== 61 /* = */) return false;
        k++;
        while (isSpace(s.charCodeAt(k))) k++;
        const q = s.charCodeAt(k);
        if (q !== 34 && q !== 39) return false;
        const close = s.indexOf(q === 34 ? '"' : "'", k + 1);
        if (close < 0) return false;
        const value = s.slice(k + 1, close);
        // saxes rewrites white space in values and resolves references: leave those values to it.
        if (/[<&\t\n]/.test(value)) return false;
        if (firstAttr === undefined) firstAttr = attr;
        else if (attr === firstAttr || moreAttrs?.has(attr)) return false;
        else (moreAttrs ??= new Set()).add(attr);
        if (attr === 'id') id = value;
        k = close + 1;
      }
      stack.push(name);
      this.tagEnd = k;
      reader.open(name, id);
      if (selfClosing) {
        stack.pop();
        reader.close(name);
        if (stack.length === 0) rootDone = true;
      }
      i = k + 1;
    }
    return rootDone && stack.length === 0;
  }
}

export interface AclFile {
  name?: string;
  text: string;
}

/** ParseResult plus each paper's author names as the XML splits them (paper id → [{first, last}]). */
export interface AclParseResult extends ParseResult {
  authorParts: Map<string, AclPersonName[]>;
}

/**
 * How XML is read: 'auto' takes the fast scanner for files it can read and saxes for the others;
 * 'reference' reads everything with saxes (slower; the same result, which scripts/check-acl-parser.ts checks).
 */
export type AclReader = 'auto' | 'reference';

/**
 * Parses several Anthology XML files into one result. Each `<paper>` is its own record: the Anthology lists some
 * papers twice (e.g. in two volumes, under different ids), and those are merged by `combineResults`, like any import.
 */
export function parseAclFiles(files: AclFile[], options?: ParseOptions, reader: AclReader = 'auto'): AclParseResult {
  const parts = new Map<string, AclPersonName[]>();
  const report = emptyReport('acl-xml');
  const items: Parsed[] = [];
  const ids = new IdMaker();
  const tick = progress(options, files.length);
  files.forEach((f, i) => {
    report.read += parseCollection(f.text, f.name, report, items, ids, report.read, parts, reader);
    tick(i + 1);
  });
  if (!report.read) report.fatal = 'No <paper> element found in the XML.';
  return { ...finish(items, capReport(report), options), authorParts: parts };
}

export function parseAclXml(text: string, options?: ParseOptions): AclParseResult {
  return parseAclFiles([{ name: options?.fileName, text }], options);
}

// ---------- name_variants.yaml ----------

export interface AclPersonName {
  first?: string;
  last?: string;
}
export interface AclNameVariant {
  canonical: AclPersonName;
  id?: string;
  variants: AclPersonName[];
}

/**
 * The entries of `yaml/name_variants.yaml`. 'reference' reads it with the `yaml` library alone (slower;
 * the same result, which scripts/check-acl-parser.ts checks).
 */
export function readNameVariants(text: string, reader: AclReader = 'auto'): AclNameVariant[] {
  const body = stripBom(text);
  const data = (reader === 'auto' ? readSimpleYaml(body) : undefined) ?? (parseYaml(body) as unknown);
  if (!Array.isArray(data)) return [];
  const person = (v: unknown): AclPersonName => {
    const o = (v ?? {}) as Record<string, unknown>;
    return { first: o.first == null ? undefined : String(o.first), last: o.last == null ? undefined : String(o.last) };
  };
  return data
    .filter((e) => e && typeof e === 'object' && 'canonical' in e)
    .map((e) => ({
      canonical: person(e.canonical),
      id: typeof e.id === 'string' ? e.id : undefined,
      variants: Array.isArray(e.variants) ? e.variants.map(person) : [],
    }));
}

// The `yaml` library takes about half a second on the 370 kB of name_variants.yaml. The file is written in
// a small regular subset of YAML, read below directly; anything outside that subset (or anything whose
// value YAML would not read as a plain string) returns undefined and goes to the library.

type SimpleValue = string | Record<string, string> | string[] | Record<string, string>[];

/** Characters YAML forbids or reads specially (tabs, CR, controls, BOM, surrogates): the library handles those files. */
// eslint-disable-next-line no-control-regex
const YAML_UNUSUAL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/;
/** Plain scalars the core schema reads as null, booleans or numbers (and some strings, to be safe): the library decides. */
const YAML_NOT_PLAIN_STRING = /^(?:[-+.0-9~]|(?:null|true|false)$)/i;
/** Characters that cannot start a plain scalar (indicators), or that we leave to the library. */
const YAML_INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
const YAML_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** A plain (unquoted) scalar that is certainly that string, or undefined. `flow`: inside {…} or […]. */
function plainScalar(v: string, flow: boolean): string | undefined {
  if (!v || YAML_INDICATOR.test(v) || YAML_NOT_PLAIN_STRING.test(v) || v.endsWith(' ') || v.endsWith(':')) return undefined;
  if (v.includes(': ') || v.includes(' #')) return undefined;
  if (flow && /[,[\]{}:]/.test(v)) return undefined;
  return v;
}

/** One flow collection `{k: v, ...}` or `[v, ...]` of scalars, the whole of `text`; undefined if not that simple. */
function flowCollection(text: string): Record<string, string> | string[] | undefined {
  const isMap = text[0] === '{';
  if (text[text.length - 1] !== (isMap ? '}' : ']')) return undefined;
  const map: Record<string, string> = {};
  const list: string[] = [];
  let i = 1;
  const end = text.length - 1;
  const skip = () => {
    while (text[i] === ' ') i++;
  };
  skip();
  if (i === end) return isMap ? map : list;
  for (;;) {
    skip();
    let key: string | undefined;
    if (isMap) {
      const colon = text.indexOf(': ', i);
      if (colon < 0) return undefined;
      key = text.slice(i, colon);
      if (!YAML_KEY.test(key) || Object.hasOwn(map, key)) return undefined;
      i = colon + 2;
      skip();
    }
    let value: string | undefined;
    if (text[i] === "'") {
      let j = i + 1;
      let v = '';
      for (;;) {
        const q = text.indexOf("'", j);
        if (q < 0 || q > end) return undefined;
        v += text.slice(j, q);
        if (text[q + 1] === "'") {
          v += "'";
          j = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      value = v;
      skip();
    } else {
      let j = i;
      while (j < end && text[j] !== ',') j++;
      value = plainScalar(text.slice(i, j), true);
      i = j;
    }
    if (value === undefined) return undefined;
    if (isMap) map[key!] = value;
    else list.push(value);
    if (i === end) return isMap ? map : list;
    if (text[i] !== ',' || text[i + 1] !== ' ') return undefined;
    i += 2;
  }
}

/** A block value after `key: `: a flow collection, a single-quoted or a plain scalar. */
function blockValue(v: string): SimpleValue | undefined {
  if (v[0] === '{' || v[0] === '[') return flowCollection(v);
  if (v[0] === "'") {
    if (v.length < 2 || v[v.length - 1] !== "'") return undefined;
    const inner = v.slice(1, -1);
    if (inner.replace(/''/g, '').includes("'")) return undefined;
    return inner.replace(/''/g, "'");
  }
  return plainScalar(v, false);
}

/**
 * A YAML document that is a block sequence of block maps (`- key: value`, `  key: value`), whose values
 * are scalars, one-line flow collections, or block sequences of one-line flow maps (`  - {…}`) — the shape
 * of name_variants.yaml. Undefined for anything else.
 */
function readSimpleYaml(text: string): Record<string, SimpleValue>[] | undefined {
  if (YAML_UNUSUAL.test(text)) return undefined;
  const entries: Record<string, SimpleValue>[] = [];
  let entry: Record<string, SimpleValue> | undefined;
  let list: Record<string, string>[] | undefined; // the block sequence being read
  let lastKey: string | undefined; // a key waiting for its block sequence
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (line === '') continue;
    let rest: string;
    if (line.startsWith('- ')) {
      if (lastKey !== undefined) return undefined; // a key left without a value
      entry = {};
      entries.push(entry);
      list = undefined;
      rest = line.slice(2);
    } else if (line.startsWith('  - ')) {
      if (!entry) return undefined;
      if (lastKey !== undefined) {
        list = [];
        entry[lastKey] = list;
        lastKey = undefined;
      }
      if (!list) return undefined;
      const item = flowCollection(line.slice(4));
      if (!item || Array.isArray(item)) return undefined;
      list.push(item);
      continue;
    } else if (line.startsWith('  ') && line[2] !== ' ') {
      if (!entry || lastKey !== undefined) return undefined;
      list = undefined;
      rest = line.slice(2);
    } else return undefined;
    const colon = rest.indexOf(':');
    if (colon < 0) return undefined;
    const key = rest.slice(0, colon);
    if (!YAML_KEY.test(key) || Object.hasOwn(entry, key)) return undefined;
    if (colon === rest.length - 1) {
      lastKey = key;
      list = undefined;
      continue;
    }
    if (rest[colon + 1] !== ' ') return undefined;
    const value = blockValue(rest.slice(colon + 2));
    if (value === undefined) return undefined;
    entry[key] = value;
  }
  return lastKey === undefined && entries.length > 0 ? entries : undefined;
}

/** Aliases "variant → canonical", as "First Last" strings like the parser's author names. */
export function parseNameVariantsYaml(text: string): Alias[] {
  const aliases: Alias[] = [];
  for (const e of readNameVariants(text)) {
    const to = aclName(e.canonical.first, e.canonical.last);
    for (const v of e.variants) {
      const from = aclName(v.first, v.last);
      if (from && from !== to) aliases.push({ from, to, reason: 'ACL Anthology name_variants.yaml' });
    }
  }
  return aliases;
}

/**
 * Identity key of an Anthology author under the variants: the `nameKey` of the canonical
 * name when the name (as folded by `nameKey`) is a listed variant, else its own `nameKey`.
 */
export function aclIdentityKeyer(aliases: Alias[]): (name: string) => string {
  const map = new Map<string, string>();
  for (const a of aliases) map.set(nameKey(a.from), nameKey(a.to));
  return (name) => {
    const k = nameKey(name);
    return map.get(k) ?? k;
  };
}

/**
 * Groups of different variant entries whose names `nameKey` folds to the same key
 * (so folding alone merges people the file keeps apart). Each group lists the canonical names.
 */
export function foldingCollisions(entries: AclNameVariant[]): { key: string; canonicals: string[] }[] {
  const byKey = new Map<string, Set<number>>();
  entries.forEach((e, i) => {
    for (const n of [e.canonical, ...e.variants]) {
      const k = nameKey(aclName(n.first, n.last));
      if (!byKey.has(k)) byKey.set(k, new Set());
      byKey.get(k)?.add(i);
    }
  });
  const out: { key: string; canonicals: string[] }[] = [];
  for (const [key, set] of byKey) {
    if (set.size > 1) out.push({ key, canonicals: [...set].map((i) => aclName(entries[i].canonical.first, entries[i].canonical.last)) });
  }
  return out;
}
